package org.incidentatlas.timeline;

import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.incidentatlas.model.Incident;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Playback;

/**
 * The timeline control: an <em>overview</em> band with the whole catalog as a density histogram and the time
 * window as a brush, above a <em>detail</em> band showing the window's incidents in lanes by category, with
 * honest uncertainty, a playhead (the window's end) and aggregated marks where too dense to draw one by one.
 *
 * <p>The control holds properties only; {@link IncidentTimelineSkin} draws on two canvases and
 * {@link TimelineBehavior} turns input into changes of {@link ExplorerState} and {@link Playback}. Style class
 * {@code incident-timeline}; pseudo-class {@code :playing} while playback runs. FX thread only.
 */
public final class IncidentTimeline extends Control {
    public static final String DEFAULT_STYLE_CLASS = "incident-timeline";
    static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");

    private final ExplorerState state;
    private final Playback playback;
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());

    public IncidentTimeline(ExplorerState state, Playback playback) {
        this.state = state;
        this.playback = playback;
        getStyleClass().setAll(DEFAULT_STYLE_CLASS);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        playback.playingProperty().addListener((o, a, b) -> pseudoClassStateChanged(PLAYING, b));
        state.selectedIncidentProperty().addListener((o, a, inc) -> setAccessibleText(inc == null
                ? "Timeline, no incident selected"
                : "Selected: " + inc.title() + ", " + describe(inc)));
    }

    private static String describe(Incident inc) {
        return inc.when() == null ? "undated" : inc.when().describe();
    }

    public ExplorerState state() {
        return state;
    }

    public Playback playback() {
        return playback;
    }

    /** The zone the axis and the playhead text are shown in (incidents written with an offset keep it). */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ZoneId getZone() {
        return zone.get();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new IncidentTimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return IncidentTimeline.class.getResource("incident-timeline.css").toExternalForm();
    }

    private IncidentTimelineSkin skin() {
        if (getSkin() == null) {
            applyCss();
        }
        return (IncidentTimelineSkin) getSkin();
    }

    // ---- geometry, for people-like tests and for tools --------------------------------------------------------

    /** Sets the time window to {@code [from, to)}; the detail band then shows it. */
    public void showRange(Instant from, Instant to) {
        state.setWindow(from, to);
    }

    /** The x of an instant in the detail band (this control's coordinates). */
    public double xOf(Instant t) {
        return skin().geometry().detail().toPixel(t.toEpochMilli());
    }

    /** The x of an instant in the overview band. */
    public double overviewXOf(Instant t) {
        return skin().geometry().overview().toPixel(t.toEpochMilli());
    }

    /** The y of the middle of the overview band, where the brush and the playhead handle are dragged. */
    public double overviewY() {
        return TimelineGeometry.OVERVIEW_HEIGHT / 2;
    }

    /** The y of the detail band's ruler. */
    public double rulerY() {
        return skin().geometry().detailTop() + TimelineGeometry.RULER_HEIGHT / 2;
    }

    /** Where the incident's own mark is drawn in the detail band, or {@code null} (not in view, or aggregated). */
    public Rectangle2D markBounds(int index) {
        return skin().markBounds(index);
    }

    /** Where the badge of story step {@code step} (0-based) is drawn, or {@code null} (no story, or not in view). */
    public Rectangle2D storyBadgeBounds(int step) {
        return skin().storyBadge(step);
    }

    /** The story step whose badge was drawn highlighted, or -1. */
    public int highlightedStoryStep() {
        return skin().storyBadgeCurrent();
    }

    /** The centre of the incident's mark, or {@code null}. */
    public Point2D markPosition(int index) {
        Rectangle2D r = markBounds(index);
        return r == null ? null : new Point2D(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2);
    }

    /** Index of the incident whose mark is under (x, y), or -1. */
    public int incidentAt(double x, double y) {
        return skin().incidentAt(x, y);
    }

    /** How many aggregated marks (bins with counts) the detail band shows now. */
    public int aggregateCount() {
        return skin().aggregateCount();
    }

    /** Redraws now (benchmarks and tests). */
    public void redraw() {
        skin().redraw();
    }
}
