package org.incidentatlas.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
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
 * Draws {@link IncidentTimeline} on one Canvas: the overview band (density histogram, brush, playhead handle)
 * and the detail band (ruler, lanes, marks or aggregates, labels, playhead). Redraws when the catalog, window,
 * selection, visibility, zone or size change; listeners are registered through
 * {@link SkinBase#registerChangeListener} so that {@link #dispose()} removes them. FX thread only.
 */
final class IncidentTimelineSkin extends SkinBase<IncidentTimeline> {
    private static final double DOT = 5.5;
    private static final double BIN_PX = 10;
    private static final int HISTOGRAM_BINS = 600;
    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final Font BOLD_FONT = Font.font("System", FontWeight.BOLD, 11);
    private static final Font SMALL_FONT = Font.font("System", 9.5);
    private static final Font LANE_FONT = Font.font("System", FontWeight.BOLD, 9);
    private static final Color PLAYHEAD = Color.web("#e8590c");
    private static final Color WINDOW = Color.web("#1c7ed6");
    private static final Color ERA = Color.rgb(120, 90, 160, 0.10);
    private static final Color ERA_ALT = Color.rgb(60, 140, 120, 0.10);
    private static final Color ERA_TEXT = Color.rgb(70, 50, 100, 0.85);

    private final Canvas canvas = new Canvas();
    private final TimelineBehavior behavior;
    private final Map<String, Double> textWidths = new HashMap<>();
    private TimelineGeometry geometry;
    private IncidentCatalog laneHistogramOf;
    private LaneHistogram laneHistogram;
    private IncidentCatalog histogramOf;
    private int[] histogram = new int[0];
    private long histogramStart;
    private long histogramEnd;

    // Marks drawn last, in catalog order (NaN when not drawn individually), and aggregates.
    private double[] markX0 = new double[0];
    private double[] markX1 = new double[0];
    private double[] markY = new double[0];
    private int[] drawn = new int[64];
    private int drawnCount;
    private final List<double[]> aggregates = new ArrayList<>(); // {x0, x1, y, startMillis, endMillis, count}

    IncidentTimelineSkin(IncidentTimeline control) {
        super(control);
        getChildren().add(canvas);
        ExplorerState state = control.state();
        behavior = new TimelineBehavior(state, control.playback(), this::geometry, new TimelineBehavior.Hits() {
            @Override
            public int incidentAt(double x, double y) {
                return IncidentTimelineSkin.this.incidentAt(x, y);
            }

            @Override
            public long[] aggregateAt(double x, double y) {
                return IncidentTimelineSkin.this.aggregateAt(x, y);
            }
        });
        registerChangeListener(state.catalogProperty(), o -> {
            textWidths.clear();
            redraw();
        });
        registerChangeListener(state.windowProperty(), o -> redraw());
        registerChangeListener(state.visibilityRevisionProperty(), o -> redraw());
        registerChangeListener(state.selectedIndexProperty(), o -> {
            scrollToShow(state.getSelectedIndex());
            redraw();
        });
        registerChangeListener(control.zoneProperty(), o -> redraw());
        registerChangeListener(state.story().stepProperty(), o -> redraw());
        registerChangeListener(state.story().narrativeProperty(), o -> redraw());
        registerChangeListener(control.playback().playingProperty(), o -> redraw());

        control.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            control.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                behavior.pressed(e.getX(), e.getY());
            }
        });
        control.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> behavior.dragged(e.getX(), e.getY()));
        control.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> behavior.released());
        control.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                behavior.clicked(e.getX(), e.getY(), e.getClickCount());
            }
        });
        control.addEventHandler(MouseEvent.MOUSE_MOVED, e -> control.setCursor(cursorFor(e.getX(), e.getY())));
        control.addEventHandler(ScrollEvent.SCROLL, e -> {
            behavior.scrolled(e.getX(), e.getY(), e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX());
            e.consume();
        });
        control.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (behavior.keyPressed(e.getCode())) {
                e.consume();
            }
        });
    }

    private javafx.scene.Cursor cursorFor(double x, double y) {
        return switch (behavior.dragAt(x, y)) {
            case LEFT_EDGE, RIGHT_EDGE, PLAYHEAD -> javafx.scene.Cursor.H_RESIZE;
            case BRUSH_MOVE -> javafx.scene.Cursor.MOVE;
            case BRUSH_NEW -> javafx.scene.Cursor.CROSSHAIR;
            default -> incidentAt(x, y) >= 0 || aggregateAt(x, y) != null ? javafx.scene.Cursor.HAND
                    : javafx.scene.Cursor.DEFAULT;
        };
    }

    TimelineGeometry geometry() {
        ExplorerState s = getSkinnable().state();
        if (geometry == null || geometry.width() != canvas.getWidth() || geometry.height() != canvas.getHeight()) {
            geometry = TimelineGeometry.of(s.getCatalog(), s.getWindow(), canvas.getWidth(), canvas.getHeight());
        }
        return geometry;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
        canvas.relocate(x, y);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        int lanes = Math.max(2, getSkinnable().state().getCatalog().categories().size());
        return TimelineGeometry.OVERVIEW_HEIGHT + 6 + TimelineGeometry.RULER_HEIGHT + TimelineGeometry.LANE_TOP_PAD
                + lanes * TimelineGeometry.LANE_HEIGHT + 8 + top + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return TimelineGeometry.OVERVIEW_HEIGHT + 6 + TimelineGeometry.RULER_HEIGHT + 2 * TimelineGeometry.LANE_HEIGHT;
    }

    /** Scrolls the window (keeping its width) so that the incident is inside it, when it is not. */
    private void scrollToShow(int index) {
        ExplorerState s = getSkinnable().state();
        IncidentCatalog c = s.getCatalog();
        TimeWindow w = s.getWindow();
        if (index < 0 || index >= c.datedCount() || w == null) {
            return;
        }
        long a = c.earliestMillis(index);
        long b = c.latestMillis(index);
        if (b <= w.startMillis() || a >= w.endMillis()) {
            long width = w.endMillis() - w.startMillis();
            long mid = (a + b) / 2;
            s.setWindow(Instant.ofEpochMilli(mid - width / 2), Instant.ofEpochMilli(mid - width / 2 + width));
        }
    }

    // ---- drawing --------------------------------------------------------------------------------------------

    void redraw() {
        ExplorerState s = getSkinnable().state();
        storyBadges.clear();
        storyBadgeCurrent = -1;
        geometry = TimelineGeometry.of(s.getCatalog(), s.getWindow(), canvas.getWidth(), canvas.getHeight());
        TimelineGeometry g = geometry;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = g.width();
        double h = canvas.getHeight();
        gc.setFill(Color.web("#fbfbfa"));
        gc.fillRect(0, 0, w, h);
        if (w <= 1 || h <= 1) {
            return;
        }
        drawOverview(gc, g, s);
        drawDetail(gc, g, s);
    }

    private void drawOverview(GraphicsContext gc, TimelineGeometry g, ExplorerState s) {
        double h = TimelineGeometry.OVERVIEW_HEIGHT;
        double w = g.width();
        gc.setFill(Color.web("#eef1f4"));
        gc.fillRect(0, 0, w, h);
        IncidentCatalog c = s.getCatalog();
        buildHistogram(c);
        if (histogram.length > 0) {
            int max = Arrays.stream(histogram).max().orElse(1);
            double binMillis = (histogramEnd - histogramStart) / (double) histogram.length;
            // Sum bins into pixel columns so that drawing cost depends on the width, not on the data.
            double[] cols = new double[(int) Math.ceil(w)];
            for (int b = 0; b < histogram.length; b++) {
                int col = (int) g.overview().toPixel(histogramStart + (b + 0.5) * binMillis);
                if (col >= 0 && col < cols.length) {
                    cols[col] += histogram[b];
                }
            }
            double colMax = Math.max(1, Arrays.stream(cols).max().orElse(1));
            gc.setFill(Color.web("#8ca0b3"));
            for (int x = 0; x < cols.length; x++) {
                if (cols[x] > 0) {
                    double bh = Math.max(1.5, (h - 16) * Math.sqrt(cols[x] / colMax));
                    gc.fillRect(x, h - 12 - bh, 1, bh);
                }
            }
            if (max == 0) {
                gc.setFill(Color.GRAY);
            }
        }
        // Overview ticks along the bottom.
        ZoneId zone = getSkinnable().getZone();
        TickGenerator.Level level = TickGenerator.levelFor(g.overview(), 60);
        gc.setFont(SMALL_FONT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setTextAlign(TextAlignment.LEFT);
        for (TickGenerator.Tick t : TickGenerator.ticks(g.overview(), w, level, zone)) {
            double x = Math.round(g.overview().toPixel(t.millis())) + 0.5;
            gc.setStroke(Color.web("#b5bcc3"));
            gc.strokeLine(x, h - 10, x, h);
            gc.setFill(Color.web("#6c757d"));
            gc.fillText(t.label(), x + 2, h - 0.5);
        }
        TimeWindow win = s.getWindow();
        if (win != null) {
            double a = Math.max(-2, g.overview().toPixel(win.startMillis()));
            double b = Math.min(w + 2, g.overview().toPixel(win.endMillis()));
            gc.setFill(Color.rgb(40, 50, 60, 0.18));
            gc.fillRect(0, 0, Math.max(0, a), h);
            gc.fillRect(b, 0, Math.max(0, w - b), h);
            gc.setFill(WINDOW.deriveColor(0, 1, 1, 0.16));
            gc.fillRect(a, 0, Math.max(1, b - a), h);
            gc.setStroke(WINDOW);
            gc.setLineWidth(1.5);
            gc.strokeRect(a, 0.75, Math.max(1, b - a), h - 1.5);
            // Playhead handle: a triangle above the window's end.
            gc.setFill(PLAYHEAD);
            gc.fillPolygon(new double[] {b - 6, b + 6, b}, new double[] {0, 0, TimelineBehavior.PLAYHEAD_HANDLE}, 3);
            gc.setStroke(PLAYHEAD);
            gc.setLineWidth(2);
            gc.strokeLine(b, 0, b, h);
        }
        gc.setStroke(Color.web("#c4c9ce"));
        gc.setLineWidth(1);
        gc.strokeLine(0, h + 0.5, w, h + 0.5);
    }

    private LaneHistogram laneHistogram(IncidentCatalog c) {
        if (laneHistogramOf != c) {
            laneHistogram = new LaneHistogram(c);
            laneHistogramOf = c;
        }
        return laneHistogram;
    }

    private void buildHistogram(IncidentCatalog c) {
        if (histogramOf == c) {
            return;
        }
        histogramOf = c;
        Instant[] span = c.timeSpan().orElse(null);
        if (span == null) {
            histogram = new int[0];
            return;
        }
        histogramStart = span[0].toEpochMilli();
        histogramEnd = Math.max(histogramStart + 1, span[1].toEpochMilli());
        histogram = new int[HISTOGRAM_BINS];
        double binMillis = (histogramEnd - histogramStart) / (double) HISTOGRAM_BINS;
        for (int i = 0; i < c.datedCount(); i++) {
            double mid = (c.earliestMillis(i) + (double) c.latestMillis(i)) / 2;
            int b = (int) Math.min(HISTOGRAM_BINS - 1, Math.max(0, (mid - histogramStart) / binMillis));
            histogram[b]++;
        }
    }

    private void drawDetail(GraphicsContext gc, TimelineGeometry g, ExplorerState s) {
        IncidentCatalog catalog = s.getCatalog();
        // A category turned off in the filters loses its lane.
        List<Category> lanes = catalog.categories().stream()
                .filter(c -> !s.getAppliedFilters().hiddenCategories().contains(c.id())).toList();
        boolean filtered = !s.getAppliedFilters().isNone();
        double w = g.width();
        double h = canvas.getHeight();
        double top = g.detailTop();
        TimeScale scale = g.detail();
        for (int l = 0; l < lanes.size(); l++) {
            gc.setFill(l % 2 == 0 ? Color.web("#f3f3f1") : Color.web("#fbfbfa"));
            gc.fillRect(0, g.laneTop(l), w, TimelineGeometry.LANE_HEIGHT);
        }
        drawEras(gc, g, catalog, h);
        drawRuler(gc, g);
        TimeWindow win = s.getWindow();
        if (win != null) {
            double a = scale.toPixel(win.startMillis());
            double b = scale.toPixel(win.endMillis());
            gc.setFill(Color.rgb(40, 50, 60, 0.12));
            gc.fillRect(0, top, Math.max(0, a), h - top);
            gc.fillRect(b, top, Math.max(0, w - b), h - top);
            gc.setStroke(WINDOW);
            gc.setLineWidth(1.5);
            gc.strokeLine(a, top, a, h);
        }

        int n = catalog.size();
        if (markX0.length != n) {
            markX0 = new double[n];
            markX1 = new double[n];
            markY = new double[n];
            Arrays.fill(markX0, Double.NaN);
        } else {
            // forget only the marks drawn last time: the cost follows what is on screen, not n
            for (int k = 0; k < drawnCount; k++) {
                markX0[drawn[k]] = Double.NaN;
            }
        }
        drawnCount = 0;
        aggregates.clear();
        long viewStart = (long) scale.toMillis(-50);
        long viewEnd = (long) scale.toMillis(w + 50);
        int selected = s.getSelectedIndex();
        boolean dense = catalog.countOverlapping(viewStart, viewEnd) > w / 6;
        // Only a sparse view, a filtered one, or a dense one narrower than the finest histogram bin lists its
        // incidents; otherwise the per-lane histogram pyramid answers.
        boolean usePyramid = dense && !filtered
                && laneHistogram(catalog).levelFor(BIN_PX / 2 * scale.millisPerPixel()) >= 0;
        int[] inView = usePyramid ? new int[0]
                : catalog.indicesOverlapping(Instant.ofEpochMilli(viewStart), Instant.ofEpochMilli(viewEnd));
        if (filtered) {
            inView = java.util.Arrays.stream(inView).filter(s::isIncluded).toArray();
            dense = inView.length > w / 6;
        }
        int[] laneOf = new int[lanes.size() == 0 ? 1 : 0];
        Map<Category, Integer> laneIndex = new HashMap<>();
        for (int l = 0; l < lanes.size(); l++) {
            laneIndex.put(lanes.get(l), l);
        }
        double[] labelEnd = new double[Math.max(1, lanes.size())];
        double[] laneNameWidth = new double[Math.max(1, lanes.size())];
        for (int l = 0; l < lanes.size(); l++) {
            laneNameWidth[l] = textWidth(laneName(lanes.get(l)), LANE_FONT);
            labelEnd[l] = laneNameWidth[l] + 4;
        }
        if (dense) {
            drawAggregated(gc, g, s, inView, laneIndex, selected, usePyramid, lanes.size());
        } else {
            List<Runnable> labels = new ArrayList<>();
            for (int i : inView) {
                drawOne(gc, g, s, i, laneIndex, selected, labels, labelEnd, laneNameWidth);
            }
            labels.forEach(Runnable::run);
        }
        if (laneOf.length > 0 && catalog.datedCount() == 0) {
            gc.setFill(Color.GRAY);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText("No dated incidents", w / 2, (top + h) / 2);
        }
        // Lane names on top, at the left edge.
        gc.setFont(LANE_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < lanes.size(); l++) {
            double cy = g.laneTop(l) + TimelineGeometry.LANE_HEIGHT / 2;
            gc.setFill(Color.web("#fbfbfa", 0.88));
            gc.fillRoundRect(1, cy - 8, laneNameWidth[l] + 7, 16, 4, 4);
            gc.setFill(Color.web(CategoryPalette.color(catalog, lanes.get(l))).darker());
            gc.fillText(laneName(lanes.get(l)), 4, cy);
        }
        if (s.story().isActive()) {
            drawStorySteps(gc, g, s, laneIndex);
        }
        if (win != null) {
            double b = scale.toPixel(win.endMillis());
            gc.setStroke(PLAYHEAD);
            gc.setLineWidth(2);
            gc.strokeLine(b, top, b, h);
            gc.setFill(PLAYHEAD);
            double ry = top + TimelineGeometry.RULER_HEIGHT;
            gc.fillPolygon(new double[] {b - 6, b + 6, b}, new double[] {top, top, ry - 6}, 3);
        }
    }

    private static final Color STORY_NOW = Color.web("#d9480f");

    /**
     * Numbered badges on the story's dated steps, at the start of each mark, above it; the current step's badge
     * is filled in the accent colour. Drawn whatever the density, so the story stays readable when aggregated.
     */
    private void drawStorySteps(GraphicsContext gc, TimelineGeometry g, ExplorerState s,
                                Map<Category, Integer> laneIndex) {
        IncidentCatalog c = s.getCatalog();
        int[] steps = s.story().stepIndices();
        int current = s.story().getStep();
        storyBadgeCurrent = current;
        gc.setFont(BOLD_FONT);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        double w = g.width();
        for (int k = 0; k < steps.length; k++) {
            int i = steps[k];
            Integer lane = laneIndex.get(c.get(i).category());
            if (i >= c.datedCount() || lane == null) {
                continue;
            }
            double x0 = g.detail().toPixel(c.earliestMillis(i));
            double x1 = g.detail().toPixel(c.latestMillis(i));
            if (x1 < -20 || x0 > w + 20) {
                continue;
            }
            String text = Integer.toString(k + 1);
            double bw = 8 + 7 * text.length();
            // just before the mark's start, so that it covers neither the mark nor its label
            double bx = Math.max(2, Math.min(w - bw - 2, x0 - bw - 2));
            double by = g.laneTop(lane) + (TimelineGeometry.LANE_HEIGHT - 13) / 2;
            boolean now = k == current;
            storyBadges.put(k, new Rectangle2D(bx, by, bw, 13));
            gc.setFill(now ? STORY_NOW : Color.WHITE);
            gc.fillRoundRect(bx, by, bw, 13, 13, 13);
            gc.setStroke(now ? STORY_NOW.darker() : Color.rgb(40, 48, 60, 0.7));
            gc.setLineWidth(1);
            gc.strokeRoundRect(bx, by, bw, 13, 13, 13);
            gc.setFill(now ? Color.WHITE : Color.rgb(30, 30, 30));
            gc.fillText(text, bx + bw / 2, by + 6.5);
        }
    }

    /** Eras as soft bands behind the lanes, labelled at the bottom edge (alternating tints so neighbours show). */
    private void drawEras(GraphicsContext gc, TimelineGeometry g, IncidentCatalog catalog, double h) {
        if (catalog.eras().isEmpty()) {
            return;
        }
        TimeScale scale = g.detail();
        double top = g.detailTop() + TimelineGeometry.RULER_HEIGHT;
        gc.setFont(SMALL_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        for (int k = 0; k < catalog.eras().size(); k++) {
            org.incidentatlas.model.Era era = catalog.eras().get(k);
            double a = Math.max(-2, scale.toPixel(era.span().earliest().toEpochMilli()));
            double b = Math.min(g.width() + 2, scale.toPixel(era.span().latest().toEpochMilli()));
            if (b <= a) {
                continue;
            }
            gc.setFill(k % 2 == 0 ? ERA : ERA_ALT);
            gc.fillRect(a, top, b - a, h - top);
            double room = b - Math.max(a, 0) - 8;
            if (room >= 40) { // a label squeezed narrower than that is unreadable
                gc.setFill(ERA_TEXT);
                gc.fillText(era.label(), Math.max(a, 0) + 4, h - 3 - (k % 2) * 12, room);
            }
        }
    }

    private void drawRuler(GraphicsContext gc, TimelineGeometry g) {
        double top = g.detailTop();
        double w = g.width();
        double rh = TimelineGeometry.RULER_HEIGHT;
        gc.setFill(Color.web("#e9ecef"));
        gc.fillRect(0, top, w, rh);
        gc.setStroke(Color.web("#c4c9ce"));
        gc.setLineWidth(1);
        gc.strokeLine(0, top + rh - 0.5, w, top + rh - 0.5);
        ZoneId zone = getSkinnable().getZone();
        TickGenerator.Level level = TickGenerator.levelFor(g.detail(), 52);
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (TickGenerator.Tick t : TickGenerator.ticks(g.detail(), w, level, zone)) {
            double x = Math.round(g.detail().toPixel(t.millis())) + 0.5;
            gc.setStroke(Color.web("#9aa1a8"));
            gc.strokeLine(x, top + rh - 8, x, top + rh);
            gc.setStroke(Color.web("#000000", 0.06));
            gc.strokeLine(x, top + rh, x, canvas.getHeight());
            gc.setFill(Color.web("#444"));
            gc.fillText(t.label(), x + 3, top + rh / 2 - 1);
        }
        String zoneText = zoneLabel(zone);
        double zw = textWidth(zoneText, LABEL_FONT);
        gc.setFill(Color.web("#e9ecef"));
        gc.fillRect(w - zw - 10, top + 1, zw + 10, rh - 3);
        gc.setFill(Color.web("#666"));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(zoneText, w - 4, top + rh / 2 - 1);
    }

    static String zoneLabel(ZoneId zone) {
        return zone.getId().equals("Z") || zone.getId().equals("UTC") ? "UTC"
                : zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private void drawOne(GraphicsContext gc, TimelineGeometry g, ExplorerState s, int i, Map<Category, Integer> lanes,
                         int selected, List<Runnable> labels, double[] labelEnd, double[] laneNameWidth) {
        IncidentCatalog catalog = s.getCatalog();
        Incident inc = catalog.get(i);
        int lane = lanes.getOrDefault(inc.category(), 0);
        double cy = g.laneTop(lane) + TimelineGeometry.LANE_HEIGHT / 2;
        double x0 = g.detail().toPixel(catalog.earliestMillis(i));
        double x1 = g.detail().toPixel(catalog.latestMillis(i));
        Color color = Color.web(CategoryPalette.color(catalog, inc.category()));
        boolean visible = s.isVisible(i);
        MarkerShapes shape = MarkerShapes.forCategory(catalog.categoryIndex(i));
        drawMark(gc, inc.when(), shape, x0, x1, cy, color, visible, i == selected);
        boolean narrow = x1 - x0 < 2 * DOT;
        double left = narrow ? (x0 + x1) / 2 - DOT : x0;
        double right = narrow ? (x0 + x1) / 2 + DOT : x1;
        remember(i, left, right, cy);
        String text = inc.title();
        Font font = i == selected ? BOLD_FONT : LABEL_FONT;
        double tw = textWidth(text, font);
        double gutter = laneNameWidth[lane] + 8;
        boolean inside = right - Math.max(left, gutter) > tw + 12;
        double lx = inside ? Math.max(left, gutter) + 6 : right + 4;
        if (!inside && lx + tw > g.width() - 4 && left - 4 - tw > labelEnd[lane] + 4) {
            lx = left - 4 - tw;
        }
        if (i == selected || lx > labelEnd[lane] + 4) {
            labelEnd[lane] = Math.max(labelEnd[lane], lx + (inside ? Math.min(tw, right - lx) : tw));
            double labelX = lx;
            labels.add(() -> {
                gc.setFont(font);
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.CENTER);
                gc.setFill(visible ? Color.web("#222") : Color.web("#999"));
                gc.fillText(text, labelX, cy);
            });
        }
    }

    private void remember(int i, double x0, double x1, double y) {
        markX0[i] = x0;
        markX1[i] = x1;
        markY[i] = y;
        if (drawnCount == drawn.length) {
            drawn = Arrays.copyOf(drawn, drawnCount * 2);
        }
        drawn[drawnCount++] = i;
    }

    /** Too many marks to draw one by one: counts per lane in {@value #BIN_PX}-pixel bins. */
    private void drawAggregated(GraphicsContext gc, TimelineGeometry g, ExplorerState s, int[] inView,
                                Map<Category, Integer> lanes, int selected, boolean usePyramid, int laneRows) {
        IncidentCatalog catalog = s.getCatalog();
        int laneCount = Math.max(1, Math.max(laneRows, catalog.categories().size()));
        int cols = (int) Math.ceil(g.width() / BIN_PX) + 1;
        int[][] counts = new int[laneCount][cols];
        boolean[][] visibleCols = new boolean[laneCount][cols];
        TimeWindow win = s.getWindow();
        LaneHistogram pyramid = laneHistogram(catalog);
        int level = pyramid.levelFor(BIN_PX / 2 * g.detail().millisPerPixel());
        if (usePyramid && level >= 0) {
            // Read the pyramid level whose bins are at most half a column: cost follows the width, not n.
            double binMillis = pyramid.binMillis(level);
            int first = (int) Math.max(0, Math.floor((g.detail().toMillis(0) - pyramid.start()) / binMillis));
            int last = (int) Math.min(pyramid.bins(level) - 1,
                    Math.ceil((g.detail().toMillis(g.width()) - pyramid.start()) / binMillis));
            for (int l = 0; l < laneCount; l++) {
                for (int b = first; b <= last; b++) {
                    int n = pyramid.count(level, l, b);
                    if (n > 0) {
                        int col = (int) Math.floor(g.detail().toPixel(pyramid.start() + (b + 0.5) * binMillis) / BIN_PX);
                        if (col >= 0 && col < cols) {
                            counts[l][col] += n;
                        }
                    }
                }
            }
        } else {
            for (int i : inView) {
                double mid = g.detail().toPixel((catalog.earliestMillis(i) + (double) catalog.latestMillis(i)) / 2);
                int col = (int) Math.floor(mid / BIN_PX);
                if (col >= 0 && col < cols) {
                    counts[lanes.getOrDefault(catalog.get(i).category(), 0)][col]++;
                }
            }
        }
        for (int l = 0; l < laneCount; l++) {
            for (int col = 0; col < cols; col++) {
                double mid = g.detail().toMillis((col + 0.5) * BIN_PX);
                visibleCols[l][col] = win == null || (mid >= win.startMillis() && mid < win.endMillis());
            }
        }
        gc.setFont(SMALL_FONT);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        List<Category> rows = new ArrayList<>(lanes.keySet());
        rows.sort(java.util.Comparator.comparingInt(lanes::get));
        for (int l = 0; l < Math.min(laneCount, rows.size()); l++) {
            Color color = Color.web(CategoryPalette.color(catalog, rows.get(l)));
            Color inWindow = color.deriveColor(0, 1, 1, 0.85);
            Color outside = color.deriveColor(0, 1, 1, 0.25);
            double cy = g.laneTop(l) + TimelineGeometry.LANE_HEIGHT / 2;
            int max = Arrays.stream(counts[l]).max().orElse(0);
            Color current = null;
            for (int col = 0; col < cols; col++) {
                int count = counts[l][col];
                if (count == 0) {
                    continue;
                }
                double x0 = col * BIN_PX;
                double bh = 5 + 12 * Math.log1p(count) / Math.log1p(Math.max(1, max));
                Color fill = visibleCols[l][col] ? inWindow : outside;
                if (fill != current) {
                    gc.setFill(fill);
                    current = fill;
                }
                // plain rectangles: the software pipeline fills them far faster than rounded ones
                gc.fillRect(x0 + 1, Math.round(cy - bh / 2), BIN_PX - 2, Math.round(bh));
                aggregates.add(new double[] {x0, x0 + BIN_PX, cy, g.detail().toMillis(x0), g.detail().toMillis(
                        x0 + BIN_PX), count});
            }
        }
        if (selected >= 0 && selected < catalog.datedCount() && lanes.containsKey(catalog.get(selected).category())) {
            double x0 = g.detail().toPixel(catalog.earliestMillis(selected));
            double x1 = g.detail().toPixel(catalog.latestMillis(selected));
            int lane = lanes.get(catalog.get(selected).category());
            double cy = g.laneTop(lane) + TimelineGeometry.LANE_HEIGHT / 2;
            drawMark(gc, catalog.get(selected).when(), MarkerShapes.forCategory(lane), x0, x1, cy,
                    Color.web(CategoryPalette.color(catalog, catalog.get(selected).category())), true, true);
            remember(selected, x1 - x0 < 2 * DOT ? (x0 + x1) / 2 - DOT : x0,
                    x1 - x0 < 2 * DOT ? (x0 + x1) / 2 + DOT : x1, cy);
        }
    }

    /** One incident: a shape for short extents, a bar for intervals, a soft band for coarse single dates. */
    static void drawMark(GraphicsContext gc, TimeExtent when, MarkerShapes shape, double x0, double x1, double cy,
                         Color c, boolean visible, boolean selected) {
        double alpha = visible ? 1 : 0.28;
        double width = x1 - x0;
        boolean soft = when.approximate() || when.uncertain();
        if (width >= 2 * DOT) {
            boolean band = !when.interval();
            double top = cy - (band ? 8 : 6);
            double height = band ? 16 : 12;
            double core = alpha * (band ? 0.30 : 0.75);
            // Soft edges: approximate/uncertain values fade in and out over a fifth of their extent;
            // open ends fade out towards the open side.
            double fade = soft ? 0.2 : 0.0;
            Stop[] stops;
            if (when.openEnd()) {
                stops = new Stop[] {new Stop(0, c.deriveColor(0, 1, 1, core)), new Stop(1, c.deriveColor(0, 1, 1, 0))};
            } else if (when.openStart()) {
                stops = new Stop[] {new Stop(0, c.deriveColor(0, 1, 1, 0)), new Stop(1, c.deriveColor(0, 1, 1, core))};
            } else if (fade > 0) {
                stops = new Stop[] {new Stop(0, c.deriveColor(0, 1, 1, core * 0.15)),
                    new Stop(fade, c.deriveColor(0, 1, 1, core)), new Stop(1 - fade, c.deriveColor(0, 1, 1, core)),
                    new Stop(1, c.deriveColor(0, 1, 1, core * 0.15))};
            } else {
                stops = null;
            }
            gc.setFill(stops == null ? c.deriveColor(0, 1, 1, core)
                    : new LinearGradient(x0, 0, x1, 0, false, CycleMethod.NO_CYCLE, stops));
            gc.fillRoundRect(x0, top, width, height, 6, 6);
            if (!soft && !when.openEnd() && !when.openStart()) {
                gc.setStroke(c.deriveColor(0, 1, 0.8, alpha));
                gc.setLineWidth(1);
                gc.strokeRoundRect(x0, top, width, height, 6, 6);
            }
            if (band) {
                // The category's shape at the centre keeps a month-wide band recognisable.
                gc.setFill(c.deriveColor(0, 1, 1, alpha));
                gc.setStroke(Color.rgb(255, 255, 255, alpha));
                gc.setLineWidth(1);
                shape.draw(gc, (x0 + x1) / 2, cy, 3.5, true, true);
            }
            if (selected) {
                gc.setStroke(Color.rgb(255, 190, 0, 0.95));
                gc.setLineWidth(3);
                gc.strokeRoundRect(x0 - 3, top - 3, width + 6, height + 6, 8, 8);
            }
            return;
        }
        double cx = (x0 + x1) / 2;
        if (selected) {
            gc.setFill(Color.rgb(255, 200, 0, 0.5));
            gc.fillOval(cx - DOT - 6, cy - DOT - 6, 2 * DOT + 12, 2 * DOT + 12);
        }
        gc.setFill(c.deriveColor(0, 1, 1, alpha * (soft ? 0.75 : 1)));
        gc.setStroke(soft ? Color.rgb(255, 255, 255, alpha) : c.deriveColor(0, 1, 0.7, alpha));
        gc.setLineWidth(1.5);
        if (soft) {
            gc.setLineDashes(2, 2);
        }
        shape.draw(gc, cx, cy, DOT, true, true);
        gc.setLineDashes();
        if (selected) {
            gc.setStroke(Color.rgb(20, 20, 20, 0.9));
            gc.setLineWidth(2);
            gc.strokeOval(cx - DOT - 3, cy - DOT - 3, 2 * DOT + 6, 2 * DOT + 6);
        }
    }

    private static String laneName(Category c) {
        return c.label().toUpperCase(Locale.ROOT);
    }

    private double textWidth(String s, Font f) {
        return textWidths.computeIfAbsent(f.getName() + f.getSize() + '\u0000' + s, k -> {
            Text t = new Text(s);
            t.setFont(f);
            return t.getLayoutBounds().getWidth();
        });
    }

    // ---- hits -----------------------------------------------------------------------------------------------

    /** The story badges drawn last, keyed by step (0-based), and which step was current then. */
    private final Map<Integer, Rectangle2D> storyBadges = new HashMap<>();
    private int storyBadgeCurrent = -1;

    Rectangle2D storyBadge(int step) {
        return storyBadges.get(step);
    }

    int storyBadgeCurrent() {
        return storyBadgeCurrent;
    }

    Rectangle2D markBounds(int index) {
        if (index < 0 || index >= markX0.length || Double.isNaN(markX0[index])) {
            return null;
        }
        return new Rectangle2D(markX0[index], markY[index] - 8, markX1[index] - markX0[index], 16);
    }

    int incidentAt(double x, double y) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < drawnCount; k++) {
            int i = drawn[k];
            if (Double.isNaN(markX0[i]) || Math.abs(y - markY[i]) > TimelineGeometry.LANE_HEIGHT / 2) {
                continue;
            }
            if (x >= markX0[i] - 3 && x <= markX1[i] + 3) {
                double d = Math.abs(x - (markX0[i] + markX1[i]) / 2) + (markX1[i] - markX0[i]) / 2;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    long[] aggregateAt(double x, double y) {
        for (double[] a : aggregates) {
            if (x >= a[0] && x < a[1] && Math.abs(y - a[2]) <= TimelineGeometry.LANE_HEIGHT / 2) {
                return new long[] {(long) a[3], (long) a[4]};
            }
        }
        return null;
    }

    int aggregateCount() {
        return aggregates.size();
    }
}
