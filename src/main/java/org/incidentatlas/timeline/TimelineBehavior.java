package org.incidentatlas.timeline;

import java.time.Instant;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Playback;
import org.incidentatlas.viewmodel.TimeWindow;

/**
 * Turns pointer and key input on the timeline into changes of {@link ExplorerState} and {@link Playback}; it
 * draws nothing and holds only the state of a drag. Coordinates are the control's. Drags convert pixels with
 * the scale captured when the button went down, so the band can follow the window while the mouse moves
 * without the mapping shifting under the pointer. FX thread only; plain-JUnit testable.
 */
final class TimelineBehavior {
    static final double GRAB = 6;
    static final double PLAYHEAD_HANDLE = 12;

    /** What the skin knows about what is drawn where. */
    interface Hits {
        /** Index of the incident whose mark is at (x, y), or -1. */
        int incidentAt(double x, double y);

        /** {startMillis, endMillis} of the aggregated mark at (x, y), or {@code null}. */
        long[] aggregateAt(double x, double y);
    }

    enum Drag { NONE, PAN, BRUSH_NEW, BRUSH_MOVE, LEFT_EDGE, RIGHT_EDGE, PLAYHEAD }

    private final ExplorerState state;
    private final Playback playback;
    private final Supplier<TimelineGeometry> geometry;
    private final Hits hits;
    private Drag drag = Drag.NONE;
    private TimeScale pressScale;
    private double pressX;
    private TimeWindow pressWindow;
    private boolean moved;

    TimelineBehavior(ExplorerState state, Playback playback, Supplier<TimelineGeometry> geometry, Hits hits) {
        this.state = state;
        this.playback = playback;
        this.geometry = geometry;
        this.hits = hits;
    }

    Drag drag() {
        return drag;
    }

    /** What a press at (x, y) would start: decides the cursor too. */
    Drag dragAt(double x, double y) {
        TimelineGeometry g = geometry.get();
        TimeWindow w = state.getWindow();
        if (w == null) {
            return Drag.NONE;
        }
        TimeScale s = g.inOverview(y) ? g.overview() : g.detail();
        double a = s.toPixel(w.startMillis());
        double b = s.toPixel(w.endMillis());
        if (g.inOverview(y)) {
            if (y < PLAYHEAD_HANDLE && Math.abs(x - b) <= GRAB + 2) {
                return Drag.PLAYHEAD;
            }
            if (Math.abs(x - a) <= GRAB) {
                return Drag.LEFT_EDGE;
            }
            if (Math.abs(x - b) <= GRAB) {
                return Drag.RIGHT_EDGE;
            }
            return x > a && x < b ? Drag.BRUSH_MOVE : Drag.BRUSH_NEW;
        }
        if (y < g.detailTop()) {
            return Drag.NONE;
        }
        if (g.inDetailRuler(y) && Math.abs(x - b) <= GRAB + 2) {
            return Drag.PLAYHEAD;
        }
        if (Math.abs(x - a) <= GRAB) {
            return Drag.LEFT_EDGE;
        }
        if (Math.abs(x - b) <= GRAB) {
            return Drag.RIGHT_EDGE;
        }
        return Drag.PAN;
    }

    void pressed(double x, double y) {
        TimelineGeometry g = geometry.get();
        drag = dragAt(x, y);
        pressScale = g.inOverview(y) ? g.overview() : g.detail();
        pressX = x;
        pressWindow = state.getWindow();
        moved = false;
        if (drag == Drag.PLAYHEAD) {
            playback.pause();
        }
    }

    void dragged(double x, double y) {
        if (drag == Drag.NONE || pressWindow == null) {
            return;
        }
        if (!moved && drag == Drag.BRUSH_NEW && Math.abs(x - pressX) < 3) {
            return; // a click, not a new window
        }
        moved = true;
        long t = Math.round(pressScale.toMillis(x));
        long dt = Math.round((x - pressX) * pressScale.millisPerPixel());
        long a = pressWindow.startMillis();
        long b = pressWindow.endMillis();
        switch (drag) {
            case PAN -> setWindow(a - dt, b - dt);
            case BRUSH_MOVE -> setWindow(a + dt, b + dt);
            case BRUSH_NEW -> {
                long p = Math.round(pressScale.toMillis(pressX));
                setWindow(Math.min(p, t), Math.max(p, t));
            }
            case LEFT_EDGE -> setWindow(Math.min(t, b - 1), b);
            case RIGHT_EDGE -> setWindow(a, Math.max(t, a + 1));
            case PLAYHEAD -> state.setPlayhead(Instant.ofEpochMilli(t));
            default -> {
            }
        }
    }

    void released() {
        drag = Drag.NONE;
    }

    /** A click that did not drag: select a mark, zoom into an aggregate, or move the window in the overview. */
    void clicked(double x, double y, int count) {
        if (moved) {
            return;
        }
        TimelineGeometry g = geometry.get();
        if (g.inOverview(y)) {
            TimeWindow w = state.getWindow();
            if (w != null && count == 1 && dragAt(x, y) == Drag.BRUSH_NEW) {
                long half = (w.endMillis() - w.startMillis()) / 2;
                long c = Math.round(g.overview().toMillis(x));
                setWindow(c - half, c + half);
            }
            return;
        }
        if (g.inDetailRuler(y)) {
            if (count == 2) {
                state.resetWindow();
            }
            return;
        }
        int hit = hits.incidentAt(x, y);
        if (hit >= 0) {
            state.select(hit);
            if (count == 2) {
                zoomTo(hit);
            }
            return;
        }
        long[] bin = hits.aggregateAt(x, y);
        if (bin != null) {
            setWindow(bin[0], bin[1]);
        }
    }

    /** Wheel: zoom the window around the instant under the pointer ({@code deltaY} &gt; 0 zooms in). */
    void scrolled(double x, double y, double deltaY) {
        if (deltaY == 0) {
            return;
        }
        TimelineGeometry g = geometry.get();
        double factor = Math.pow(1.25, -Math.signum(deltaY) * Math.max(1, Math.abs(deltaY) / 40));
        zoomAround(g.inOverview(y) ? g.overview() : g.detail(), x, factor);
    }

    /** Keys: +/− zoom, Home/End first/last incident, Space play/pause. Returns true when consumed. */
    boolean keyPressed(KeyCode code) {
        TimelineGeometry g = geometry.get();
        switch (code) {
            case PLUS, ADD, EQUALS -> zoomAround(g.detail(), g.width() / 2, 1 / 1.5);
            case MINUS, SUBTRACT -> zoomAround(g.detail(), g.width() / 2, 1.5);
            case HOME -> {
                if (state.getCatalog().size() > 0) {
                    state.select(0);
                }
            }
            case END -> {
                if (state.getCatalog().size() > 0) {
                    state.select(state.getCatalog().size() - 1);
                }
            }
            case SPACE -> playback.toggle();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Zooms the window by {@code factor} keeping the instant at pixel {@code x} of {@code scale} in place. */
    void zoomAround(TimeScale scale, double x, double factor) {
        TimeWindow w = state.getWindow();
        if (w == null) {
            return;
        }
        double anchor = scale.toMillis(x);
        double width = (w.endMillis() - w.startMillis()) * factor;
        width = Math.max(60_000 * 5, Math.min(200L * 365 * 86_400_000L, width));
        double ratio = (anchor - w.startMillis()) / (double) (w.endMillis() - w.startMillis());
        if (anchor < w.startMillis() || anchor > w.endMillis()) {
            ratio = 0.5;
            anchor = (w.startMillis() + w.endMillis()) / 2.0;
        }
        long start = Math.round(anchor - ratio * width);
        setWindow(start, start + Math.round(width));
    }

    private void zoomTo(int index) {
        IncidentCatalog c = state.getCatalog();
        if (index >= c.datedCount()) {
            return;
        }
        long a = c.earliestMillis(index);
        long b = c.latestMillis(index);
        long pad = Math.max(3_600_000L, (b - a) / 2);
        setWindow(a - pad, b + pad);
    }

    private void setWindow(long start, long end) {
        state.setWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(Math.max(end, start + 1)));
    }
}
