package org.incidentatlas.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.TimeExtent;
import org.incidentatlas.ui.MarkerShapes;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.TimeWindow;

/**
 * A horizontally scrollable, zoomable timeline of the dated incidents, drawn on one Canvas.
 *
 * <p>Layout: a ruler on top (drag across it to choose a new time window; double-click it to reset the window),
 * then one lane per category. Marks: a dot for short extents, a bar for intervals, a soft band for the
 * uncertainty of coarse dates (a month-precision date spans its month). The window is the bright part; its
 * edges can be dragged. Drag elsewhere to pan, scroll or press +/− to zoom, click a mark to select it.
 * FX thread only.
 */
public final class IncidentTimelineView extends Region {
    static final double RULER_HEIGHT = 26;
    static final double LANE_HEIGHT = 26;
    static final double LANE_TOP_PAD = 6;
    static final double EDGE_GRAB = 6;
    private static final double DOT_RADIUS = 5.5;
    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final Font BOLD_FONT = Font.font("System", FontWeight.BOLD, 11);
    private static final Font LANE_FONT = Font.font("System", FontWeight.BOLD, 9);

    private final ExplorerState state;
    private final Canvas canvas = new Canvas();
    private final ZoneId zone = ZoneOffset.UTC;
    private TimeScale scale = new TimeScale(0, 86_400_000);
    private boolean fitPending = true;

    // Hit boxes of the marks drawn last, in catalog order (NaN when not drawn).
    private double[] markX0 = new double[0];
    private double[] markX1 = new double[0];
    private double[] markY = new double[0];

    private enum Drag { NONE, PAN, BRUSH, LEFT_EDGE, RIGHT_EDGE }

    private Drag drag = Drag.NONE;
    private double pressX;
    private double lastX;
    private TimeScale pressScale;

    public IncidentTimelineView(ExplorerState state) {
        this.state = state;
        getStyleClass().add("incident-timeline");
        setAccessibleRole(AccessibleRole.NODE);
        setFocusTraversable(true);
        getChildren().add(canvas);
        setMinHeight(RULER_HEIGHT + LANE_HEIGHT * 2);
        setPrefHeight(220);

        state.catalogProperty().addListener(o -> {
            fitPending = true;
            requestLayout();
        });
        state.visibilityRevisionProperty().addListener(o -> redraw());
        state.selectedIndexProperty().addListener((obs, o, n) -> {
            scrollToShow(n.intValue());
            updateAccessibleText();
            redraw();
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(cursorFor(e.getX(), e.getY())));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            double dy = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            if (dy != 0) {
                zoomAt(e.getX(), Math.pow(1.2, -Math.signum(dy) * Math.max(1, Math.abs(dy) / 40)));
            }
            e.consume();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.EQUALS) {
                zoomAt(getWidth() / 2, 1 / 1.5);
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoomAt(getWidth() / 2, 1.5);
                e.consume();
            } else if (e.getCode() == KeyCode.HOME && state.getCatalog().size() > 0) {
                state.select(0);
                e.consume();
            } else if (e.getCode() == KeyCode.END && state.getCatalog().size() > 0) {
                state.select(state.getCatalog().size() - 1);
                e.consume();
            }
        });
    }

    // ---- public API -----------------------------------------------------------------------------------------

    /** The current time↔pixel scale (pixels in this node's coordinates). */
    public TimeScale getScale() {
        return scale;
    }

    /** Zooms and scrolls so that {@code [from, to)} fills the width. */
    public void showRange(Instant from, Instant to) {
        scale = TimeScale.fit(from.toEpochMilli(), to.toEpochMilli(), Math.max(1, getWidth()), 24);
        fitPending = false;
        redraw();
    }

    /** Shows every dated incident. */
    public void fitAll() {
        state.getCatalog().timeSpan().ifPresent(s -> {
            long span = s[1].toEpochMilli() - s[0].toEpochMilli();
            long pad = Math.max(86_400_000L, span / 40);
            // More room on the right: labels are drawn to the right of their marks.
            showRange(s[0].minusMillis(pad), s[1].plusMillis(Math.max(4 * 86_400_000L, span / 6)));
        });
    }

    /** The x (this node's coordinates) of an instant. */
    public double xOf(Instant t) {
        return scale.toPixel(t.toEpochMilli());
    }

    /** Where the mark of the incident at {@code index} is drawn (its centre), or {@code null}. */
    public javafx.geometry.Point2D markPosition(int index) {
        if (index < 0 || index >= markX0.length || Double.isNaN(markX0[index])) {
            return null;
        }
        return new javafx.geometry.Point2D((markX0[index] + markX1[index]) / 2, markY[index]);
    }

    /** The y of the ruler's middle, where a drag chooses a new time window. */
    public double rulerY() {
        return RULER_HEIGHT / 2;
    }

    // ---- layout and drawing ---------------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            // keep the instant at the left edge where it is when the width changes
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        if (fitPending && w > 0) {
            fitPending = false;
            fitAll();
        }
        redraw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return RULER_HEIGHT + LANE_TOP_PAD + Math.max(2, laneCount()) * LANE_HEIGHT + 8;
    }

    private int laneCount() {
        return (int) state.getCatalog().categories().stream().count();
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#fbfbfa"));
        g.fillRect(0, 0, w, h);
        IncidentCatalog catalog = state.getCatalog();
        List<Category> lanes = catalog.categories();

        // Lane backgrounds and names.
        for (int l = 0; l < lanes.size(); l++) {
            double y = laneTop(l);
            g.setFill(l % 2 == 0 ? Color.web("#f3f3f1") : Color.web("#fbfbfa"));
            g.fillRect(0, y, w, LANE_HEIGHT);
        }
        drawWindowShade(g, w, h);
        drawRuler(g, w);

        int n = catalog.size();
        markX0 = new double[n];
        markX1 = new double[n];
        markY = new double[n];
        Arrays.fill(markX0, Double.NaN);
        double[] labelEnd = new double[Math.max(1, lanes.size())];
        Arrays.fill(labelEnd, Double.NEGATIVE_INFINITY);
        double[] laneNameWidth = new double[Math.max(1, lanes.size())];
        for (int l = 0; l < lanes.size(); l++) {
            laneNameWidth[l] = textWidth(laneName(lanes.get(l)), LANE_FONT);
            labelEnd[l] = laneNameWidth[l] + 4;
        }
        int selected = state.getSelectedIndex();
        List<Runnable> labels = new ArrayList<>();
        for (int i = 0; i < catalog.datedCount(); i++) {
            Incident inc = catalog.get(i);
            int lane = Math.max(0, lanes.indexOf(inc.category()));
            double cy = laneTop(lane) + LANE_HEIGHT / 2;
            double x0 = scale.toPixel(catalog.earliestMillis(i));
            double x1 = scale.toPixel(catalog.latestMillis(i));
            if (x1 < -200 || x0 > w + 200) {
                continue;
            }
            Color c = Color.web(CategoryPalette.color(catalog, inc.category()));
            boolean visible = state.isVisible(i);
            MarkerShapes shape = MarkerShapes.forCategory(lane);
            drawMark(g, inc.when(), shape, x0, x1, cy, c, visible, i == selected);
            double markLeft = x1 - x0 < 2 * DOT_RADIUS ? (x0 + x1) / 2 - DOT_RADIUS : x0;
            double markRight = x1 - x0 < 2 * DOT_RADIUS ? (x0 + x1) / 2 + DOT_RADIUS : x1;
            markX0[i] = markLeft;
            markX1[i] = markRight;
            markY[i] = cy;
            // Label to the right of a dot, inside a wide bar; dropped when it would overprint the previous one.
            String text = inc.title();
            double tw = textWidth(text, i == selected ? BOLD_FONT : LABEL_FONT);
            double gutter = laneNameWidth[lane] + 8;
            boolean inside = markRight - Math.max(markLeft, gutter) > tw + 12;
            double lx = inside ? Math.max(markLeft, gutter) + 6 : markRight + 4;
            if (!inside && lx + tw > w - 4 && markLeft - 4 - tw > labelEnd[lane] + 4) {
                lx = markLeft - 4 - tw; // no room on the right: label on the left of the mark
            }
            if (i == selected || lx > labelEnd[lane] + 4) {
                labelEnd[lane] = lx + (inside ? Math.min(tw, markRight - lx) : tw);
                boolean sel = i == selected;
                double labelX = lx;
                labels.add(() -> {
                    g.setFont(sel ? BOLD_FONT : LABEL_FONT);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    g.setFill(visible ? Color.web("#222") : Color.web("#999"));
                    g.fillText(text, labelX, cy);
                });
            }
        }
        labels.forEach(Runnable::run);
        // Lane names on top, at the left edge.
        g.setFont(LANE_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < lanes.size(); l++) {
            g.setFill(Color.web("#fbfbfa", 0.85));
            g.fillRoundRect(1, laneTop(l) + LANE_HEIGHT / 2 - 8, laneNameWidth[l] + 7, 16, 4, 4);
            g.setFill(Color.web(CategoryPalette.color(catalog, lanes.get(l))).darker());
            g.fillText(laneName(lanes.get(l)), 4, laneTop(l) + LANE_HEIGHT / 2);
        }
        if (catalog.datedCount() == 0) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No dated incidents", w / 2, h / 2);
        }
    }

    private void drawRuler(GraphicsContext g, double w) {
        g.setFill(Color.web("#e9ecef"));
        g.fillRect(0, 0, w, RULER_HEIGHT);
        g.setStroke(Color.web("#c4c9ce"));
        g.setLineWidth(1);
        g.strokeLine(0, RULER_HEIGHT - 0.5, w, RULER_HEIGHT - 0.5);
        TickGenerator.Level level = TickGenerator.levelFor(scale, 78);
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (TickGenerator.Tick t : TickGenerator.ticks(scale, w, level, zone)) {
            double x = Math.round(scale.toPixel(t.millis())) + 0.5;
            g.setStroke(Color.web("#9aa1a8"));
            g.strokeLine(x, RULER_HEIGHT - 8, x, RULER_HEIGHT);
            g.setStroke(Color.web("#000000", 0.06));
            g.strokeLine(x, RULER_HEIGHT, x, getHeight());
            g.setFill(Color.web("#444"));
            g.fillText(t.label(), x + 3, RULER_HEIGHT / 2 - 2);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(Color.web("#777"));
        g.fillText("UTC", w - 4, RULER_HEIGHT / 2 - 2);
    }

    private void drawWindowShade(GraphicsContext g, double w, double h) {
        TimeWindow win = state.getWindow();
        if (win == null) {
            return;
        }
        double a = scale.toPixel(win.startMillis());
        double b = scale.toPixel(win.endMillis());
        g.setFill(Color.web("#5b6670", 0.16));
        if (a > 0) {
            g.fillRect(0, 0, Math.min(a, w), h);
        }
        if (b < w) {
            g.fillRect(Math.max(0, b), 0, w - Math.max(0, b), h);
        }
        g.setFill(Color.web("#1c7ed6", 0.18));
        g.fillRect(Math.max(0, a), 0, Math.min(w, b) - Math.max(0, a), RULER_HEIGHT);
        g.setStroke(Color.web("#1c7ed6"));
        g.setLineWidth(2);
        for (double x : new double[] {a, b}) {
            if (x >= -2 && x <= w + 2) {
                g.strokeLine(x, 0, x, h);
                g.setFill(Color.web("#1c7ed6"));
                g.fillRoundRect(x - 4, RULER_HEIGHT / 2 - 8, 8, 16, 4, 4);
            }
        }
    }

    private static void drawMark(GraphicsContext g, TimeExtent when, MarkerShapes shape, double x0, double x1,
                                 double cy, Color c, boolean visible, boolean selected) {
        double alpha = visible ? 1 : 0.28;
        double width = x1 - x0;
        boolean soft = when.approximate() || when.uncertain();
        if (width >= 2 * DOT_RADIUS) {
            // An extent wide enough to see: a bar; coarse single dates (a month, a year) as a soft band.
            boolean band = !when.interval();
            double top = cy - (band ? 8 : 6);
            double height = band ? 16 : 12;
            Color fill = c.deriveColor(0, 1, 1, alpha * (band ? 0.28 : 0.75));
            if (when.openEnd() || when.openStart()) {
                fill = null;
                Stop[] stops = when.openEnd()
                        ? new Stop[] {new Stop(0, c.deriveColor(0, 1, 1, alpha * 0.75)),
                            new Stop(1, c.deriveColor(0, 1, 1, 0))}
                        : new Stop[] {new Stop(0, c.deriveColor(0, 1, 1, 0)),
                            new Stop(1, c.deriveColor(0, 1, 1, alpha * 0.75))};
                g.setFill(new LinearGradient(x0, 0, x1, 0, false, CycleMethod.NO_CYCLE, stops));
            } else {
                g.setFill(fill);
            }
            g.fillRoundRect(x0, top, width, height, 6, 6);
            g.setStroke(c.deriveColor(0, 1, 0.8, alpha));
            g.setLineWidth(selected ? 2.5 : 1);
            if (soft) {
                g.setLineDashes(4, 3);
            }
            g.strokeRoundRect(x0, top, width, height, 6, 6);
            g.setLineDashes();
            if (selected) {
                g.setStroke(Color.rgb(255, 190, 0, 0.9));
                g.setLineWidth(3);
                g.strokeRoundRect(x0 - 3, top - 3, width + 6, height + 6, 8, 8);
            }
            return;
        }
        double cx = (x0 + x1) / 2;
        if (selected) {
            g.setFill(Color.rgb(255, 200, 0, 0.5));
            g.fillOval(cx - DOT_RADIUS - 6, cy - DOT_RADIUS - 6, 2 * DOT_RADIUS + 12, 2 * DOT_RADIUS + 12);
        }
        g.setFill(c.deriveColor(0, 1, 1, alpha));
        g.setStroke(soft ? Color.rgb(255, 255, 255, alpha) : c.deriveColor(0, 1, 0.7, alpha));
        g.setLineWidth(1.5);
        if (soft) {
            g.setLineDashes(2, 2);
        }
        shape.draw(g, cx, cy, DOT_RADIUS, true, true);
        g.setLineDashes();
        if (selected) {
            g.setStroke(Color.rgb(20, 20, 20, 0.9));
            g.setLineWidth(2);
            g.strokeOval(cx - DOT_RADIUS - 3, cy - DOT_RADIUS - 3, 2 * DOT_RADIUS + 6, 2 * DOT_RADIUS + 6);
        }
    }

    private static String laneName(Category c) {
        return c.label().toUpperCase(java.util.Locale.ROOT);
    }

    private static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    private double laneTop(int lane) {
        return RULER_HEIGHT + LANE_TOP_PAD + lane * LANE_HEIGHT;
    }

    // ---- interaction ----------------------------------------------------------------------------------------

    /** Index of the incident whose mark is under (x, y), or -1. */
    public int incidentAt(double x, double y) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < markX0.length; i++) {
            if (Double.isNaN(markX0[i]) || Math.abs(y - markY[i]) > LANE_HEIGHT / 2) {
                continue;
            }
            double dx = x < markX0[i] - 3 ? markX0[i] - 3 - x : x > markX1[i] + 3 ? x - markX1[i] - 3 : 0;
            if (dx == 0) {
                double d = Math.abs(x - (markX0[i] + markX1[i]) / 2) + (markX1[i] - markX0[i]) / 2;
                if (d < bestD) { // prefer the narrower / nearer mark when bars overlap dots
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private Drag edgeAt(double x) {
        TimeWindow win = state.getWindow();
        if (win == null) {
            return Drag.NONE;
        }
        if (Math.abs(x - scale.toPixel(win.startMillis())) <= EDGE_GRAB) {
            return Drag.LEFT_EDGE;
        }
        if (Math.abs(x - scale.toPixel(win.endMillis())) <= EDGE_GRAB) {
            return Drag.RIGHT_EDGE;
        }
        return Drag.NONE;
    }

    private javafx.scene.Cursor cursorFor(double x, double y) {
        if (edgeAt(x) != Drag.NONE) {
            return javafx.scene.Cursor.H_RESIZE;
        }
        if (y < RULER_HEIGHT) {
            return javafx.scene.Cursor.CROSSHAIR;
        }
        return incidentAt(x, y) >= 0 ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT;
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressX = e.getX();
        lastX = e.getX();
        pressScale = scale;
        Drag edge = edgeAt(e.getX());
        drag = edge != Drag.NONE ? edge : e.getY() < RULER_HEIGHT ? Drag.BRUSH : Drag.PAN;
    }

    private void onDragged(MouseEvent e) {
        double x = e.getX();
        switch (drag) {
            case PAN -> {
                scale = pressScale.panBy(x - pressX);
                redraw();
            }
            case BRUSH -> {
                if (Math.abs(x - pressX) >= 3) {
                    setWindowPixels(Math.min(pressX, x), Math.max(pressX, x));
                }
            }
            case LEFT_EDGE, RIGHT_EDGE -> {
                TimeWindow win = state.getWindow();
                double a = scale.toPixel(win.startMillis());
                double b = scale.toPixel(win.endMillis());
                if (drag == Drag.LEFT_EDGE) {
                    a = Math.min(x, b - 1);
                } else {
                    b = Math.max(x, a + 1);
                }
                setWindowPixels(a, b);
            }
            default -> {
            }
        }
        lastX = x;
        e.consume();
    }

    private void setWindowPixels(double a, double b) {
        long start = Math.round(scale.toMillis(a));
        long end = Math.max(start + 1, Math.round(scale.toMillis(b)));
        state.setWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
    }

    private void onReleased(MouseEvent e) {
        drag = Drag.NONE;
    }

    private void onClicked(MouseEvent e) {
        if (!e.isStillSincePress() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getY() < RULER_HEIGHT) {
            if (e.getClickCount() == 2) {
                state.resetWindow();
            }
            return;
        }
        int hit = incidentAt(e.getX(), e.getY());
        if (hit >= 0) {
            state.select(hit);
            if (e.getClickCount() == 2) {
                zoomTo(hit);
            }
        }
    }

    private void zoomTo(int index) {
        IncidentCatalog c = state.getCatalog();
        long a = c.earliestMillis(index);
        long b = c.latestMillis(index);
        long pad = Math.max(3_600_000L, (b - a) / 2);
        showRange(Instant.ofEpochMilli(a - pad), Instant.ofEpochMilli(b + pad));
    }

    private void zoomAt(double x, double factor) {
        scale = scale.zoomAround(x, factor);
        redraw();
    }

    /** Scrolls (without zooming) so that the incident's mark is in view; does nothing when it already is. */
    private void scrollToShow(int index) {
        IncidentCatalog c = state.getCatalog();
        if (index < 0 || index >= c.datedCount() || getWidth() <= 0) {
            return;
        }
        double a = scale.toPixel(c.earliestMillis(index));
        double b = scale.toPixel(c.latestMillis(index));
        double margin = Math.min(80, getWidth() / 6);
        if (b < margin || a > getWidth() - margin) {
            scale = scale.withMillisAt((c.earliestMillis(index) + c.latestMillis(index)) / 2.0, getWidth() / 2);
        }
    }

    private void updateAccessibleText() {
        Incident inc = state.selectedIncidentProperty().get();
        setAccessibleText(inc == null ? "Timeline, no incident selected"
                : "Selected: " + inc.title() + ", " + (inc.when() == null ? "undated" : inc.when().describe()));
    }
}
