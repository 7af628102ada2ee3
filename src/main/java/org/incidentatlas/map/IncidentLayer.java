package org.incidentatlas.map;

import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.incidentatlas.model.Category;
import org.incidentatlas.ui.MarkerShapes;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.Counts;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Draws every located incident on one {@link Canvas} (never a Node per incident) and answers hit tests.
 *
 * <p>Each marker has its category's colour and shape. Incidents outside the time window are faded, or hidden
 * when {@link #hideOutsideWindowProperty()} is set; undated ones are drawn hollow; the selected one gets a halo
 * and is always drawn on its own, on top. Markers closer than {@link #CLUSTER_PX} merge into a cluster disc
 * showing the count and the category mix; markers on the same spot are spread on a small ring instead, so each
 * can be clicked. A place's uncertainty radius is drawn as a translucent disc. FX thread only.
 */
final class IncidentLayer extends MapLayer {
    static final double RADIUS = 6.5;
    static final double CLUSTER_PX = 26;
    private static final double SPREAD = 12;
    private static final Font COUNT_FONT = Font.font("System", FontWeight.BOLD, 11);

    /** What is under a point: one incident, or a cluster of several. */
    record Hit(int incident, MarkerClusters.Group cluster) {
        boolean isCluster() {
            return cluster != null;
        }
    }

    private final ExplorerState state;
    private final Canvas canvas = new Canvas();
    private final BooleanProperty hideOutsideWindow = new SimpleBooleanProperty(this, "hideOutsideWindow");
    /** Where each incident's marker is drawn (layer coordinates), NaN when it has no own marker on screen. */
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private List<MarkerClusters.Group> clusters = List.of();

    IncidentLayer(ExplorerState state) {
        this.state = state;
        getChildren().add(canvas);
        canvas.setMouseTransparent(true); // AtlasMap turns pointer events into hits
        ClusterSprites.warmUpInBackground();
        state.visibilityRevisionProperty().addListener(o -> redraw());
        state.selectedIndexProperty().addListener(o -> redraw());
        state.catalogProperty().addListener(o -> markDirty());
        hideOutsideWindow.addListener(o -> redraw());
        state.story().stepProperty().addListener(o -> redraw());
        state.story().narrativeProperty().addListener(o -> redraw());
    }

    private Runnable afterRedraw = () -> { };

    /** Runs after every redraw (the map's zoom or centre may have changed). */
    void setAfterRedraw(Runnable r) {
        afterRedraw = r;
    }

    /** The base map's live zoom, or 0 before the layer is attached. */
    double zoom() {
        return baseMap == null ? 0 : baseMap.zoom().get();
    }

    BooleanProperty hideOutsideWindowProperty() {
        return hideOutsideWindow;
    }

    @Override
    protected void initialize() {
        // BaseMap does not re-layout layers on zoom: follow its zoom and translation ourselves.
        baseMap.zoom().addListener(o -> markDirty());
        baseMap.translateXProperty().addListener(o -> markDirty());
        baseMap.translateYProperty().addListener(o -> markDirty());
    }

    /**
     * The canvas reaches this far beyond each edge of the view, so that a pan of up to this many pixels only moves
     * the last drawing (a translation) instead of drawing again: clusters are anchored to the world (Mercator
     * cells, or distances between markers), so what was drawn stays right as it slides.
     */
    static final double MARGIN = 256;
    private double viewWidth;
    private double viewHeight;
    private double drawnOriginX = Double.NaN;
    private double drawnOriginY = Double.NaN;
    private double drawnZoom = Double.NaN;

    @Override
    protected void layoutLayer() {
        if (getParent() instanceof javafx.scene.layout.Region r) {
            if (r.getWidth() != viewWidth || r.getHeight() != viewHeight) {
                viewWidth = r.getWidth();
                viewHeight = r.getHeight();
                canvas.setWidth(viewWidth + 2 * MARGIN);
                canvas.setHeight(viewHeight + 2 * MARGIN);
                canvas.relocate(-MARGIN, -MARGIN);
                drawnZoom = Double.NaN; // draw again
            }
        }
        if (baseMap != null && baseMap.zoom().get() == drawnZoom) {
            Point2D origin = getMapPoint(0, 0);
            double dx = origin.getX() - drawnOriginX;
            double dy = origin.getY() - drawnOriginY;
            if (Math.abs(dx) < MARGIN && Math.abs(dy) < MARGIN) {
                canvas.setTranslateX(Math.round(dx)); // a pan: slide the last drawing (whole pixels: a plain copy)
                canvas.setTranslateY(Math.round(dy));
                afterRedraw.run();
                return;
            }
        }
        redraw();
    }

    /** Asks for a re-layout and redraw after the view moved programmatically. */
    void refresh() {
        markDirty();
    }

    /** Layer position of the incident's own marker, or {@code null} (unlocated, hidden, or inside a cluster). */
    Point2D markerPosition(int index) {
        if (index < 0 || index >= xs.length || Double.isNaN(xs[index])) {
            return null;
        }
        return new Point2D(xs[index] + canvas.getTranslateX(), ys[index] + canvas.getTranslateY());
    }

    /** Where a cluster is now, in layer coordinates (its x and y are where it was drawn). */
    Point2D position(MarkerClusters.Group g) {
        return new Point2D(g.x() + canvas.getTranslateX(), g.y() + canvas.getTranslateY());
    }

    /** The clusters drawn now. */
    List<MarkerClusters.Group> clusters() {
        return clusters;
    }

    /** What is under (x, y) in layer coordinates: the nearest own marker, else a cluster disc, else null. */
    Hit hitTest(double layerX, double layerY) {
        double x = layerX - canvas.getTranslateX(); // into the coordinates of the last drawing
        double y = layerY - canvas.getTranslateY();
        int best = -1;
        double bestD = (RADIUS + 4) * (RADIUS + 4);
        for (int k = 0; k < markedCount; k++) {
            int i = marked[k];
            if (Double.isNaN(xs[i])) {
                continue;
            }
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double d = dx * dx + dy * dy;
            if (d < bestD || (d == bestD && i == state.getSelectedIndex())) {
                bestD = d;
                best = i;
            }
        }
        if (best >= 0) {
            return new Hit(best, null);
        }
        for (MarkerClusters.Group g : clusters) {
            double r = clusterRadius(g.size()) + 2;
            if ((g.x() - x) * (g.x() - x) + (g.y() - y) * (g.y() - y) <= r * r) {
                return new Hit(-1, g);
            }
        }
        return null;
    }

    /** Tooltip text for what is under (x, y), or {@code null}. */
    String describeAt(double x, double y) {
        Hit hit = hitTest(x, y);
        if (hit == null) {
            return null;
        }
        IncidentCatalog c = state.getCatalog();
        if (!hit.isCluster()) {
            Incident inc = c.get(hit.incident());
            String when = inc.when() == null ? "undated" : inc.when().literal() + " (" + inc.when().describe() + ")";
            return inc.title() + "\n" + when + (inc.where() == null ? "" : "\n" + inc.where().name());
        }
        Map<String, Integer> mix = categoryMix(c, hit.cluster());
        StringBuilder sb = new StringBuilder(hit.cluster().size() + " incidents — click to zoom in");
        mix.forEach((label, n) -> sb.append("\n").append(n).append(" × ").append(label));
        return sb.toString();
    }

    private Map<String, Integer> categoryMix(IncidentCatalog c, MarkerClusters.Group g) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        if (g.index() != null) {
            int[] counts = indexMix(g);
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    mix.put(c.categories().get(k).label(), counts[k]);
                }
            }
            return mix;
        }
        for (int m : g.members()) {
            mix.merge(c.get(m).category().label(), 1, Integer::sum);
        }
        return mix;
    }

    private boolean shown(int i) {
        return state.isIncluded(i) && (!hideOutsideWindow.get() || state.isVisible(i));
    }

    /** Incidents whose own marker is drawn now (their xs/ys are set). */
    private int[] marked = new int[64];
    private int markedCount;

    private void mark(int i) {
        if (markedCount == marked.length) {
            marked = java.util.Arrays.copyOf(marked, markedCount * 2);
        }
        marked[markedCount++] = i;
    }

    // ---- big catalogs: the spatial index ---------------------------------------------------------------------

    /** Above this many located incidents the layer draws from the {@link SpatialIndex}: cost follows the screen. */
    static final int INDEX_THRESHOLD = 5_000;
    private SpatialIndex index;
    private IncidentCatalog indexCatalog;
    private Object indexFilters;

    private boolean useIndex() {
        return locatedCount > INDEX_THRESHOLD;
    }

    private int locatedCount;

    private static final java.util.concurrent.ExecutorService INDEXER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "map-index");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.CompletableFuture<SpatialIndex> building;
    private IncidentCatalog buildingCatalog;
    private Object buildingFilters;

    /**
     * The index for the current catalog and filters. It is built on a background thread (a sort of the located
     * incidents, about a second at a million); meanwhile the index of the previous filters is used, or none for a
     * new catalog, and the layer redraws when the new one is ready.
     */
    private SpatialIndex index(IncidentCatalog catalog) {
        Object filters = state.getAppliedFilters();
        if (index != null && indexCatalog == catalog && indexFilters == filters) {
            return index;
        }
        if (building == null || buildingCatalog != catalog || buildingFilters != filters) {
            java.util.BitSet include = null;
            if (!state.getAppliedFilters().isNone()) {
                include = new java.util.BitSet(catalog.size());
                for (int i = 0; i < catalog.size(); i++) {
                    if (state.isIncluded(i)) {
                        include.set(i);
                    }
                }
            }
            java.util.BitSet included = include;
            double[] x = mx;
            double[] y = my;
            int level = level(zoom());
            var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                SpatialIndex built = build(catalog, x, y, included);
                // the time order of the level in view, sorted here rather than in the first redraw (FX thread)
                built.prepare(level);
                return built;
            }, INDEXER);
            building = future;
            buildingCatalog = catalog;
            buildingFilters = filters;
            future.thenAccept(idx -> javafx.application.Platform.runLater(() -> {
                if (building == future) {
                    adopt(idx);
                    redraw();
                }
            }));
        }
        return indexCatalog == catalog ? index : null;
    }

    private static SpatialIndex build(IncidentCatalog catalog, double[] x, double[] y, java.util.BitSet include) {
        int n = catalog.size();
        int[] cats = new int[n];
        long[] e = new long[n];
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            cats[i] = catalog.categoryIndex(i);
            e[i] = catalog.earliestMillis(i);
            l[i] = catalog.latestMillis(i);
        }
        return new SpatialIndex(x, y, include, cats, catalog.categories().size(), e, l, catalog.datedCount());
    }

    /** The index level drawn at {@code zoom}: cells of 45–90 px, so a disc (at most 44 px) barely overlaps another. */
    private static int level(double zoom) {
        return (int) Math.max(0, Math.min(SpatialIndex.BITS, Math.floor(zoom + 8 - Math.log(45) / Math.log(2))));
    }

    private void adopt(SpatialIndex idx) {
        index = idx;
        indexCatalog = buildingCatalog;
        indexFilters = buildingFilters;
        building = null;
    }

    /**
     * Waits for an index being built and draws with it, with the time order of the level in view ready
     * (benchmarks and tests; FX thread).
     */
    void awaitIndex() {
        while (projecting != null) { // a stale projection's redraw starts the current catalog's
            install(projecting.join());
            redraw(); // starts the index for it
        }
        if (building != null) {
            adopt(building.join());
        }
        if (index != null) {
            index.prepare(level(zoom()));
            redraw();
        }
    }

    /** True while an index or a level's time order is being made in the background, to be drawn when it comes. */
    boolean isWaiting() {
        return projecting != null || building != null || levelPending >= 0;
    }

    /**
     * From this many incidents, work a redraw would do on the FX thread for a new catalog or zoom level goes to
     * the indexer instead, and the layer redraws when it is in: projecting a new catalog, and sorting a level's
     * time order.
     */
    static final int ON_INDEXER_FROM = 50_000;
    private SpatialIndex levelIndex;
    private int levelPending = -1;
    private boolean levelInBackgroundFailed;

    /**
     * True when the clusters of {@code level} can be tested against the time window now. On a big index whose
     * level has not been sorted by time yet (a new zoom level, or the map fitted to a new file), the sort (about
     * a third of a second at a million) goes to the indexer, and the layer redraws once it is in; meanwhile
     * clusters are drawn as if inside the window.
     */
    private boolean timeOrderReady(SpatialIndex idx, int level) {
        if (idx.isPrepared(level) || idx.size() < ON_INDEXER_FROM || levelInBackgroundFailed) {
            return true;
        }
        if (levelIndex != idx || levelPending != level) {
            levelIndex = idx;
            levelPending = level;
            java.util.concurrent.CompletableFuture.supplyAsync(() -> idx.computeLevel(level), INDEXER)
                    .whenComplete((computed, failure) -> javafx.application.Platform.runLater(() -> {
                        if (levelIndex == idx && levelPending == level) {
                            levelIndex = null;
                            levelPending = -1;
                        }
                        if (failure != null) {
                            levelInBackgroundFailed = true; // e.g. out of memory: sort in the redraw as before
                        } else {
                            idx.install(level, computed);
                        }
                        if (index == idx) {
                            redraw();
                        }
                    }));
        }
        return false;
    }

    /** Category counts of an index cluster, in category order, from the index's prefix counts. */
    private int[] indexMix(MarkerClusters.Group g) {
        int[] counts = new int[state.getCatalog().categories().size()];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = g.index() == null ? 0 : Math.max(0, g.categoryCount(c));
        }
        return counts;
    }

    /**
     * Draws a big catalog from the spatial index: one disc per non-empty grid cell of about 32–64 px (its count,
     * category mix, and whether any member is in the time window), a marker for a cell of one. The cost is the
     * cells on screen times a few binary searches, whatever the number of incidents.
     */
    private void redrawIndexed(IncidentCatalog catalog) {
        SpatialIndex idx = index(catalog);
        if (idx == null) {
            drawPlacing(locatedCount);
            return;
        }
        double zoom = baseMap.zoom().get();
        int level = level(zoom);
        Point2D origin = getMapPoint(0, 0);
        double world = 256 * Math.pow(2, zoom);
        double ox = origin.getX() - 0.5 * world;
        double oy = origin.getY() - 0.5 * world;
        double w = viewWidth;
        double h = viewHeight;
        double pad = MARGIN + 40;
        int n = catalog.size();
        if (xs.length != n) {
            xs = new double[n];
            ys = new double[n];
            java.util.Arrays.fill(xs, Double.NaN);
            java.util.Arrays.fill(ys, Double.NaN);
        } else {
            for (int k = 0; k < markedCount; k++) {
                xs[marked[k]] = Double.NaN;
                ys[marked[k]] = Double.NaN;
            }
        }
        markedCount = 0;
        TimeWindowBounds tw = windowBounds();
        boolean timeKnown = tw == null || timeOrderReady(idx, level);
        boolean hide = hideOutsideWindow.get();
        int selected = state.getSelectedIndex();
        GraphicsContext g = canvas.getGraphicsContext2D(); // cleared by redraw()
        List<MarkerClusters.Group> drawnClusters = new ArrayList<>();
        List<Category> cats = catalog.categories();
        IndexCells cells = new IndexCells();
        idx.cells(level, (-pad - ox) / world, (-pad - oy) / world, (w + pad - ox) / world, (h + pad - oy) / world,
                (lo, hi) -> {
                    if (hi - lo == 1) {
                        int i = idx.member(lo);
                        if (hide && !state.isVisible(i)) {
                            return;
                        }
                        xs[i] = ox + mx[i] * world;
                        ys[i] = oy + my[i] * world;
                        mark(i);
                        return;
                    }
                    boolean any = tw == null || !timeKnown || idx.anyOverlapping(level, lo, hi, tw.from, tw.to);
                    if (hide && !any) {
                        return;
                    }
                    cells.add(lo, hi, ox + idx.centroidX(lo, hi) * world, oy + idx.centroidY(lo, hi) * world, any);
                });
        // Neighbouring cells whose discs would overlap (and hide each other's counts) are drawn as one disc, at
        // the biggest one's place.
        int[] owner = MarkerClusters.absorbOverlapping(cells.x, cells.y, cells.count, cells.n,
                IncidentLayer::clusterRadius);
        int[][] runsOf = new int[cells.n][];
        int[] filled = new int[cells.n];
        boolean[] anyOf = new boolean[cells.n];
        for (int b = 0; b < cells.n; b++) {
            filled[owner[b]] += 2;
        }
        for (int b = 0; b < cells.n; b++) {
            int a = owner[b];
            if (runsOf[a] == null) {
                runsOf[a] = new int[filled[a]];
                filled[a] = 0;
            }
            runsOf[a][filled[a]++] = cells.lo[b];
            runsOf[a][filled[a]++] = cells.hi[b];
            anyOf[a] |= cells.any[b];
        }
        for (int a = 0; a < cells.n; a++) {
            if (owner[a] != a) {
                continue;
            }
            boolean any = anyOf[a];
            MarkerClusters.Group grp = new MarkerClusters.Group(idx, runsOf[a], cells.x[a], cells.y[a]);
            Map<Category, Integer> mix = new LinkedHashMap<>();
            for (int c = 0; c < cats.size(); c++) {
                int k = grp.categoryCount(c);
                if (k > 0) {
                    mix.put(cats.get(c), k);
                }
            }
            drawCluster(g, catalog, grp, mix, any);
            drawnClusters.add(grp);
        }
        clusters = List.copyOf(drawnClusters);
        if (selected >= 0 && selected < n && !Double.isNaN(mx[selected]) && Double.isNaN(xs[selected])
                && state.isIncluded(selected)) {
            xs[selected] = ox + mx[selected] * world;
            ys[selected] = oy + my[selected] * world;
            mark(selected);
        }
        // Own markers: faded first, then visible, then the selection on top.
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < markedCount; k++) {
                int i = marked[k];
                if (i != selected && state.isVisible(i) == (pass == 1)) {
                    drawMarker(g, catalog, i, false);
                }
            }
        }
        if (selected >= 0 && selected < n && !Double.isNaN(xs[selected])) {
            drawMarker(g, catalog, selected, true);
        }
    }

    private record TimeWindowBounds(long from, long to) {
    }

    /** The multi-incident cells of one indexed redraw: runs of the index, disc centres, counts, in-window flags. */
    private static final class IndexCells {
        int n;
        int[] lo = new int[64];
        int[] hi = new int[64];
        int[] count = new int[64];
        double[] x = new double[64];
        double[] y = new double[64];
        boolean[] any = new boolean[64];

        void add(int runLo, int runHi, double cx, double cy, boolean inWindow) {
            if (n == lo.length) {
                int cap = n * 2;
                lo = java.util.Arrays.copyOf(lo, cap);
                hi = java.util.Arrays.copyOf(hi, cap);
                count = java.util.Arrays.copyOf(count, cap);
                x = java.util.Arrays.copyOf(x, cap);
                y = java.util.Arrays.copyOf(y, cap);
                any = java.util.Arrays.copyOf(any, cap);
            }
            lo[n] = runLo;
            hi[n] = runHi;
            count[n] = runHi - runLo;
            x[n] = cx;
            y[n] = cy;
            any[n] = inWindow;
            n++;
        }
    }

    private TimeWindowBounds windowBounds() {
        var w = state.getWindow();
        return w == null ? null : new TimeWindowBounds(w.startMillis(), w.endMillis());
    }

    private IncidentCatalog mercatorOf;
    private double[] mx = new double[0];
    private double[] my = new double[0];

    private void projectCatalog(IncidentCatalog catalog) {
        install(project(catalog));
    }

    /** Web Mercator (0–1) of every incident, NaN where unlocated; pure, so any thread may run it. */
    private static Projection project(IncidentCatalog catalog) {
        int n = catalog.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int located = 0;
        for (int i = 0; i < n; i++) {
            double lat = catalog.lat(i);
            if (Double.isNaN(lat)) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
            } else {
                x[i] = AtlasMap.mercX(catalog.lon(i));
                y[i] = AtlasMap.mercY(lat);
                located++;
            }
        }
        return new Projection(catalog, x, y, located);
    }

    /** Nothing to hit or draw yet but a line saying that {@code n} incidents are being placed. */
    private void drawPlacing(int n) {
        GraphicsContext g = canvas.getGraphicsContext2D(); // cleared by redraw()
        xs = new double[0];
        ys = new double[0];
        markedCount = 0;
        clusters = List.of();
        g.setFill(Color.rgb(40, 48, 60, 0.75));
        g.setFont(COUNT_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("Placing " + Counts.grouped(n) + " incidents on the map …",
                viewWidth / 2, viewHeight / 2);
    }

    private record Projection(IncidentCatalog catalog, double[] x, double[] y, int located) {
    }

    private java.util.concurrent.CompletableFuture<Projection> projecting;
    private IncidentCatalog projectingCatalog;

    /**
     * Starts projecting a big catalog on the indexer (about 0.1 s at a million, with the first touch of 16 MB of
     * arrays: it was the FX thread's largest share of taking in a new file) and redraws when it is in. The index
     * for it is built after it on the same thread.
     */
    private void projectAside(IncidentCatalog catalog) {
        if (projecting != null && projectingCatalog == catalog) {
            return;
        }
        var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> project(catalog), INDEXER);
        projecting = future;
        projectingCatalog = catalog;
        future.whenComplete((p, failure) -> javafx.application.Platform.runLater(() -> {
            if (projecting != future) {
                return; // a newer catalog
            }
            if (failure != null) {
                // never leave the map saying "Placing…": project here instead (it throws again if it must)
                projecting = null;
                projectingCatalog = null;
                projectCatalog(state.getCatalog());
            } else {
                install(p);
            }
            redraw();
        }));
    }

    private void install(Projection p) {
        projecting = null;
        projectingCatalog = null;
        if (p.catalog() == state.getCatalog()) {
            mx = p.x();
            my = p.y();
            mercatorOf = p.catalog();
            locatedCount = p.located();
        }
    }

    void redraw() {
        Point2D origin = baseMap == null ? null : getMapPoint(0, 0);
        if (origin == null) { // not on a laid-out map yet: the first layout draws
            return;
        }
        IncidentCatalog catalog = state.getCatalog();
        boolean projected = true;
        if (mercatorOf != catalog) {
            if (catalog.size() >= ON_INDEXER_FROM) {
                projectAside(catalog);
                projected = false;
            } else {
                projectCatalog(catalog);
            }
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        canvas.setTranslateX(0);
        canvas.setTranslateY(0);
        drawnOriginX = origin.getX();
        drawnOriginY = origin.getY();
        drawnZoom = baseMap.zoom().get();
        // Draw in layer coordinates; the canvas starts MARGIN px above and left of the view.
        gc.save();
        gc.translate(MARGIN, MARGIN);
        try {
            if (!projected) {
                drawPlacing(catalog.size());
            } else if (useIndex()) {
                redrawIndexed(catalog);
            } else {
                index = null;
                redrawExact(catalog);
            }
            if (state.story().isActive()) {
                drawStory(gc);
            }
        } finally {
            gc.restore();
        }
        afterRedraw.run();
    }

    private void redrawExact(IncidentCatalog catalog) {
        int n = catalog.size();
        double[] px = new double[n];
        double[] py = new double[n];
        boolean[] include = new boolean[n];
        int selected = state.getSelectedIndex();
        // Screen = origin + Mercator × world size: one projection per catalog (made by redraw), one
        // multiply-add per redraw.
        Point2D origin = getMapPoint(0, 0); // where Mercator (0.5, 0.5) is on screen
        double world = 256 * Math.pow(2, baseMap.zoom().get());
        double ox = origin.getX() - 0.5 * world;
        double oy = origin.getY() - 0.5 * world;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(mx[i]) || !shown(i)) {
                px[i] = Double.NaN;
                py[i] = Double.NaN;
                continue;
            }
            px[i] = ox + mx[i] * world;
            py[i] = oy + my[i] * world;
            include[i] = true;
        }
        List<MarkerClusters.Group> groups = MarkerClusters.group(px, py, include, CLUSTER_PX);
        xs = new double[n];
        ys = new double[n];
        java.util.Arrays.fill(xs, Double.NaN);
        java.util.Arrays.fill(ys, Double.NaN);
        List<MarkerClusters.Group> drawnClusters = new ArrayList<>();
        GraphicsContext g = canvas.getGraphicsContext2D(); // cleared by redraw()
        drawUncertainty(g, catalog, px, py);
        for (MarkerClusters.Group grp : groups) {
            if (grp.isCluster()) {
                drawnClusters.add(grp);
            } else if (grp.stack()) {
                int k = 0;
                for (int m : grp.members()) {
                    double a = -Math.PI / 2 + 2 * Math.PI * k++ / grp.members().length;
                    xs[m] = grp.x() + SPREAD * Math.cos(a);
                    ys[m] = grp.y() + SPREAD * Math.sin(a);
                }
                g.setStroke(Color.rgb(50, 50, 50, 0.7));
                g.setLineWidth(1);
                for (int m : grp.members()) {
                    g.strokeLine(grp.x(), grp.y(), xs[m], ys[m]);
                }
                g.setFill(Color.rgb(50, 50, 50, 0.85));
                g.fillOval(grp.x() - 2, grp.y() - 2, 4, 4);
            } else {
                int m = grp.members()[0];
                xs[m] = px[m];
                ys[m] = py[m];
            }
        }
        if (selected >= 0 && selected < n && !Double.isNaN(px[selected]) && Double.isNaN(xs[selected])) {
            // The selection is never hidden inside a cluster: it is drawn at its own place, on top.
            xs[selected] = px[selected];
            ys[selected] = py[selected];
        }
        clusters = List.copyOf(drawnClusters);
        markedCount = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(xs[i])) {
                mark(i);
            }
        }
        for (MarkerClusters.Group grp : clusters) {
            drawCluster(g, catalog, grp);
        }
        // Faded markers first, then visible ones, then the selection on top.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(xs[i]) || i == selected || state.isVisible(i) != (pass == 1)) {
                    continue;
                }
                drawMarker(g, catalog, i, false);
            }
        }
        if (selected >= 0 && selected < n && !Double.isNaN(xs[selected])) {
            drawMarker(g, catalog, selected, true);
        }
    }

    /** Screen positions of the story's located steps, in telling order, and their step numbers (1-based). */
    record StoryPoint(int step, int incident, double x, double y) {
    }

    /**
     * Where the story's steps are on screen: each located step at its incident's own place (even when the marker
     * itself is clustered, faded or hidden), in telling order; unlocated steps are left out.
     */
    List<StoryPoint> storyPoints() {
        List<StoryPoint> points = new ArrayList<>();
        if (baseMap == null || !state.story().isActive() || mercatorOf != state.getCatalog()) {
            return points;
        }
        Point2D origin = getMapPoint(0, 0);
        double world = 256 * Math.pow(2, baseMap.zoom().get());
        double ox = origin.getX() - 0.5 * world;
        double oy = origin.getY() - 0.5 * world;
        int[] steps = state.story().stepIndices();
        for (int k = 0; k < steps.length; k++) {
            int i = steps[k];
            if (i < mx.length && !Double.isNaN(mx[i])) {
                points.add(new StoryPoint(k + 1, i, ox + mx[i] * world, oy + my[i] * world));
            }
        }
        return points;
    }

    private static final Color STORY_DONE = Color.rgb(40, 48, 60, 0.8);
    private static final Color STORY_AHEAD = Color.rgb(40, 48, 60, 0.38);
    private static final Color STORY_NOW = Color.web("#d9480f");
    private static final Font STEP_FONT = Font.font("System", FontWeight.BOLD, 11);

    /**
     * The story on top of the markers: steps joined by arrows in telling order (told ones solid, the arrow into
     * the current step in accent colour, those still to come dashed and light), and a numbered badge at each
     * step's place; steps at the same place share one badge ("3·4·8").
     */
    private void drawStory(GraphicsContext g) {
        List<StoryPoint> points = storyPoints();
        int current = state.story().getStep() + 1;
        for (int k = 1; k < points.size(); k++) {
            StoryPoint a = points.get(k - 1);
            StoryPoint b = points.get(k);
            Color color = b.step() == current ? STORY_NOW : b.step() < current ? STORY_DONE : STORY_AHEAD;
            drawArrow(g, a.x(), a.y(), b.x(), b.y(), color, b.step() == current ? 3 : 2, b.step() > current);
        }
        // One badge per place, listing every step told there.
        Map<Long, List<StoryPoint>> byPlace = new LinkedHashMap<>();
        for (StoryPoint p : points) {
            long key = (Math.round(p.x() / 4) << 32) ^ (Math.round(p.y() / 4) & 0xffffffffL);
            byPlace.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        }
        g.setFont(STEP_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (List<StoryPoint> here : byPlace.values()) {
            StringBuilder text = new StringBuilder();
            boolean now = false;
            for (StoryPoint p : here) {
                text.append(text.length() == 0 ? "" : "·").append(p.step());
                now |= p.step() == current;
            }
            StoryPoint p = here.get(0);
            double w = Math.max(18, text.length() * 7.0 + 10);
            double bx = p.x() + RADIUS + 4;
            double by = p.y() - RADIUS - 18;
            g.setFill(now ? STORY_NOW : Color.WHITE);
            g.fillRoundRect(bx, by, w, 17, 17, 17);
            g.setStroke(now ? Color.WHITE : STORY_DONE);
            g.setLineWidth(1.5);
            g.strokeRoundRect(bx, by, w, 17, 17, 17);
            g.setFill(now ? Color.WHITE : Color.rgb(30, 30, 30));
            g.fillText(text.toString(), bx + w / 2, by + 8.5);
        }
    }

    /**
     * A gently curved arrow from (x0, y0) to (x1, y1), bending to the left of travel so that a there-and-back
     * pair of arrows stays two separate curves; it stops short of the markers at both ends.
     */
    private static void drawArrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color color,
                                  double width, boolean dashed) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        double gap = RADIUS + 7;
        if (len < 2 * gap + 6) {
            return; // the same place (or nearly): the shared badge says it
        }
        // Control point: the midpoint pushed sideways by a fifth of the length.
        double cx = (x0 + x1) / 2 + dy * 0.2;
        double cy = (y0 + y1) / 2 - dx * 0.2;
        // Trim both ends along the curve's end tangents.
        double[] s = toward(x0, y0, cx, cy, gap);
        double[] e = toward(x1, y1, cx, cy, gap);
        g.setStroke(color);
        g.setLineWidth(width);
        if (dashed) {
            g.setLineDashes(7, 5);
        }
        g.beginPath();
        g.moveTo(s[0], s[1]);
        g.quadraticCurveTo(cx, cy, e[0], e[1]);
        g.stroke();
        g.setLineDashes();
        // Arrowhead along the tangent at the end.
        double tx = e[0] - cx;
        double ty = e[1] - cy;
        double tl = Math.hypot(tx, ty);
        if (tl < 1e-6) {
            return;
        }
        tx /= tl;
        ty /= tl;
        double head = 7 + 2 * width;
        double bx = e[0] - tx * head;
        double by = e[1] - ty * head;
        g.setFill(color);
        g.fillPolygon(new double[] {e[0], bx - ty * head * 0.5, bx + ty * head * 0.5},
                new double[] {e[1], by + tx * head * 0.5, by - tx * head * 0.5}, 3);
    }

    /** The point at distance {@code d} from (x, y) toward (tx, ty). */
    private static double[] toward(double x, double y, double tx, double ty, double d) {
        double l = Math.hypot(tx - x, ty - y);
        return l < 1e-6 ? new double[] {x, y} : new double[] {x + (tx - x) / l * d, y + (ty - y) / l * d};
    }

    private void drawUncertainty(GraphicsContext g, IncidentCatalog catalog, double[] px, double[] py) {
        double pxPerKm = 256 * Math.pow(2, baseMap.zoom().get()) / 40_075.0;
        for (int i = 0; i < px.length; i++) {
            if (Double.isNaN(px[i])) {
                continue;
            }
            Incident inc = catalog.get(i);
            GeoLocation where = inc.where();
            if (where.uncertaintyKm() == null) {
                continue;
            }
            double r = where.uncertaintyKm() * pxPerKm / Math.cos(Math.toRadians(where.lat()));
            if (r > RADIUS * 1.5 && r < 100_000) {
                Color c = color(catalog, inc.category());
                boolean visible = state.isVisible(i);
                if (r < Math.max(canvas.getWidth(), canvas.getHeight())) {
                    // a disc larger than the view would only tint everything: then the outline alone
                    g.setFill(c.deriveColor(0, 1, 1, visible ? 0.10 : 0.03));
                    g.fillOval(px[i] - r, py[i] - r, 2 * r, 2 * r);
                }
                g.setStroke(c.deriveColor(0, 1, 1, visible ? 0.45 : 0.10));
                g.setLineWidth(1);
                g.setLineDashes(4, 3);
                g.strokeOval(px[i] - r, py[i] - r, 2 * r, 2 * r);
                g.setLineDashes();
            }
        }
    }

    static double clusterRadius(int count) {
        return Math.min(22, 11 + 3 * Math.log(count) / Math.log(2));
    }

    private void drawCluster(GraphicsContext g, IncidentCatalog catalog, MarkerClusters.Group grp) {
        boolean anyVisible = false;
        Map<Category, Integer> mix = new LinkedHashMap<>();
        for (int m : grp.members()) {
            mix.merge(catalog.get(m).category(), 1, Integer::sum);
            anyVisible |= state.isVisible(m);
        }
        drawCluster(g, catalog, grp, mix, anyVisible);
    }

    private void drawCluster(GraphicsContext g, IncidentCatalog catalog, MarkerClusters.Group grp,
                             Map<Category, Integer> mix, boolean anyVisible) {
        int total = grp.size();
        double r = clusterRadius(total);
        // the disc from the sprite cache: a small image copy instead of a pie of arcs for the rasterizer
        List<Category> cats = catalog.categories();
        int[] counts = new int[cats.size()];
        mix.forEach((cat, n) -> {
            int k = cats.indexOf(cat);
            if (k >= 0) {
                counts[k] += n;
            }
        });
        double scale = canvas.getScene() == null || canvas.getScene().getWindow() == null ? 1
                : Math.max(1, canvas.getScene().getWindow().getOutputScaleX());
        javafx.scene.image.Image disc = sprites.disc(r, counts, total, colorsOf(catalog), !anyVisible, scale,
                shortCount(total));
        // whole pixels and no scaling: the rasterizer's fast path for copying an image
        double size = disc.getWidth() / scale;
        g.drawImage(disc, Math.round(grp.x() - size / 2), Math.round(grp.y() - size / 2), size, size);
    }

    /** A count that fits a cluster disc: 9999, 12k, 302k, 1.2M (the tooltip gives the exact number). */
    static String shortCount(int n) {
        if (n < 10_000) {
            return Integer.toString(n);
        }
        if (n < 1_000_000) {
            return Math.round(n / 1000.0) + "k";
        }
        return String.format(java.util.Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    private void drawMarker(GraphicsContext g, IncidentCatalog catalog, int i, boolean selected) {
        Incident inc = catalog.get(i);
        Color c = color(catalog, inc.category());
        MarkerShapes shape = MarkerShapes.forCategory(catalog.categories().indexOf(inc.category()));
        double x = xs[i];
        double y = ys[i];
        if (selected) {
            g.setFill(Color.rgb(255, 200, 0, 0.5));
            g.fillOval(x - RADIUS - 8, y - RADIUS - 8, 2 * RADIUS + 16, 2 * RADIUS + 16);
            g.setStroke(Color.rgb(20, 20, 20, 0.9));
            g.setLineWidth(2);
            g.strokeOval(x - RADIUS - 5, y - RADIUS - 5, 2 * RADIUS + 10, 2 * RADIUS + 10);
        }
        double alpha = state.isVisible(i) ? 1.0 : 0.22;
        if (inc.isDated()) {
            g.setFill(c.deriveColor(0, 1, 1, alpha));
            g.setStroke(Color.rgb(255, 255, 255, alpha));
            g.setLineWidth(1.5);
        } else {
            g.setFill(Color.rgb(255, 255, 255, 0.9 * alpha));
            g.setStroke(c.deriveColor(0, 1, 1, alpha));
            g.setLineWidth(2.5);
        }
        shape.draw(g, x, y, RADIUS, true, true);
    }

    private final ClusterSprites sprites = new ClusterSprites();
    private IncidentCatalog colorsFor;
    private int[] colors = new int[0];

    /** Each category's colour as ARGB, in category order (once per catalog). */
    private int[] colorsOf(IncidentCatalog catalog) {
        if (colorsFor != catalog) {
            colors = new int[catalog.categories().size()];
            for (int k = 0; k < colors.length; k++) {
                Color c = color(catalog, catalog.categories().get(k));
                colors[k] = ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                        | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
            }
            colorsFor = catalog;
        }
        return colors;
    }

    /** Distinct cluster discs drawn so far (tests). */
    int spriteCount() {
        return sprites.size();
    }

    private static Color color(IncidentCatalog catalog, Category category) {
        return Color.web(CategoryPalette.color(catalog, category));
    }
}
