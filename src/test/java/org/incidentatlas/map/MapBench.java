package org.incidentatlas.map;

import com.gluonhq.maps.MapView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.incidentatlas.map.basemap.BasemapData;
import org.incidentatlas.map.basemap.TileRenderer;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Map-room measurements for the benchmark (not a unit test): offline tile rendering, and the Canvas incident
 * layer against a node-per-marker layer drawing the same incidents. Call on the FX thread except
 * {@link #tileMillis}.
 */
public final class MapBench {
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;

    private MapBench() {
    }

    /** Milliseconds to render each tile of a fixed tour (world, region and city zooms over Iraq and elsewhere). */
    public static double[] tileMillis(int rounds) {
        TileRenderer r = new TileRenderer(BasemapData.loadBundled());
        int[][] tiles = {{2, 2, 1}, {3, 4, 3}, {5, 19, 12}, {6, 39, 25}, {6, 38, 25}, {7, 79, 51}, {8, 159, 102},
            {9, 318, 205}, {10, 637, 410}, {4, 8, 5}, {5, 16, 10}, {7, 66, 44}};
        for (int[] t : tiles) { // warm-up: label placement per zoom is computed once and cached
            r.render(t[0], t[1], t[2], 1);
        }
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int[] t : tiles) {
                long t0 = System.nanoTime();
                r.render(t[0], t[1], t[2], 1);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Redraw time of our Canvas layer and of a layer with one Circle node per incident, both showing every
     * incident of {@code catalog} at 1400×900 while the view pans, rendered to an image each step.
     *
     * @return {canvasMedianMs, nodesMedianMs}
     */
    public static double[] layerMillis(IncidentCatalog catalog, int steps, Stage stage) {
        ExplorerState state = new ExplorerState(new org.incidentatlas.io.EventFileReader(), Runnable::run,
                Runnable::run);
        state.show(new org.incidentatlas.io.LoadResult("bench", catalog, List.of(), 0));
        MapView view = new MapView();
        IncidentLayer layer = new IncidentLayer(state);
        view.addLayer(layer);
        view.setZoom(6);
        view.setCenter(33.5, 42.5);
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(view);
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
        root.applyCss();
        root.layout();
        layer.layoutLayer();
        layer.awaitIndex();
        if (view.getWidth() < WIDTH || layer.getBoundsInLocal().getWidth() < WIDTH - 1) {
            throw new IllegalStateException("map not laid out at " + WIDTH + "x" + HEIGHT + ": " + view.getWidth());
        }
        SnapshotParameters params = new SnapshotParameters();
        // what the map shows: the layer's canvas reaches beyond the view (for panning), the map clips it
        params.setViewport(new javafx.geometry.Rectangle2D(0, 0, WIDTH, HEIGHT));
        WritableImage target = new WritableImage(WIDTH, HEIGHT);

        // Gluon's own work when the centre moves (tile bookkeeping) is the same for any layer: not timed.
        // Each step a full redraw (what the baseline does too), then rendered.
        double[] canvas = time(steps, i -> {
            view.setCenter(33.5 + 0.01 * i, 42.5 + 0.01 * i);
            root.applyCss();
            root.layout();
        }, i -> {
            layer.redraw();
            layer.snapshot(params, target);
        });
        // As the app pans: within the canvas's margin the last drawing slides, and is rendered.
        double[] pan = time(steps, i -> {
            view.setCenter(33.4 - 0.01 * i, 42.4 - 0.01 * i);
            root.applyCss();
            root.layout();
        }, i -> {
            layer.layoutLayer();
            layer.snapshot(params, target);
        });
        lastPanMedian = median(pan);

        // Baseline: the same incidents as Circle nodes, moved to the same projected positions every step.
        int n = catalog.size();
        Circle[] circles = new Circle[n];
        Group markers = new Group();
        for (int i = 0; i < n; i++) {
            Circle c = new Circle(IncidentLayer.RADIUS, Color.web(CategoryPalette.color(catalog,
                    catalog.get(i).category())));
            c.setStroke(Color.WHITE);
            c.setStrokeWidth(1.5);
            circles[i] = c;
        }
        markers.getChildren().addAll(circles);
        Pane nodes = new Pane(markers);
        nodes.resize(WIDTH, HEIGHT);
        root.getChildren().setAll(nodes);
        double zoomPx = 256 * Math.pow(2, 6);
        double[] baseline = time(steps, i -> { }, i -> {
            double cx = AtlasMap.mercX(42.5 + 0.01 * i) * zoomPx;
            double cy = AtlasMap.mercY(33.5 + 0.01 * i) * zoomPx;
            for (int k = 0; k < n; k++) {
                GeoLocation g = catalog.get(k).where();
                circles[k].setCenterX(AtlasMap.mercX(g.lon()) * zoomPx - cx + WIDTH / 2.0);
                circles[k].setCenterY(AtlasMap.mercY(g.lat()) * zoomPx - cy + HEIGHT / 2.0);
            }
            nodes.snapshot(params, target);
        });
        return new double[] {median(canvas), median(baseline)};
    }

    /**
     * Milliseconds per step of a scrub: the time window (a twentieth of the catalog's span) moves one step, and the
     * map layer (1400×900) and the timeline (1400×260) redraw and are rendered to images. The map shows Iraq and
     * Syria at zoom 6, as the app does for such data.
     */
    public static double[] windowUpdateMillis(IncidentCatalog catalog, int steps, Stage stage) {
        ExplorerState state = new ExplorerState(new org.incidentatlas.io.EventFileReader(), Runnable::run,
                Runnable::run);
        state.show(new org.incidentatlas.io.LoadResult("bench", catalog, List.of(), 0));
        MapView view = new MapView();
        IncidentLayer layer = new IncidentLayer(state);
        view.addLayer(layer);
        view.setZoom(6);
        view.setCenter(34.5, 40.5);
        var timeline = new org.incidentatlas.timeline.IncidentTimeline(state,
                new org.incidentatlas.viewmodel.Playback(state));
        javafx.scene.layout.StackPane mapPane = new javafx.scene.layout.StackPane(view);
        mapPane.setPrefSize(WIDTH, HEIGHT);
        timeline.setPrefSize(WIDTH, 260);
        javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(mapPane, timeline);
        stage.setScene(new Scene(root, WIDTH, HEIGHT + 260));
        stage.show();
        root.applyCss();
        root.layout();
        layer.layoutLayer();
        layer.awaitIndex();
        SnapshotParameters params = new SnapshotParameters();
        params.setViewport(new javafx.geometry.Rectangle2D(0, 0, WIDTH, HEIGHT)); // the view, as the map clips it
        WritableImage mapImage = new WritableImage(WIDTH, HEIGHT);
        WritableImage timelineImage = new WritableImage(WIDTH, 260);
        java.time.Instant[] span = catalog.timeSpan().orElseThrow();
        long total = span[1].toEpochMilli() - span[0].toEpochMilli();
        long width = total / 20;
        List<double[]> parts = new ArrayList<>();
        double[] ms = time(steps, i -> { }, i -> {
            long end = span[0].toEpochMilli() + width + (total - width) * i / steps;
            long t0 = System.nanoTime();
            state.setWindow(java.time.Instant.ofEpochMilli(end - width), java.time.Instant.ofEpochMilli(end));
            long t1 = System.nanoTime();
            layer.snapshot(params, mapImage);
            long t2 = System.nanoTime();
            timeline.snapshot(params, timelineImage);
            long t3 = System.nanoTime();
            parts.add(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6});
        });
        // medians over the timed steps: the last ones (those before were warm-up)
        List<double[]> timed = parts.subList(parts.size() - steps, parts.size());
        lastWindowUpdateParts = new double[3];
        for (int p = 0; p < 3; p++) {
            int part = p;
            lastWindowUpdateParts[p] = median(timed.stream().mapToDouble(r -> r[part]).toArray());
        }
        return ms;
    }

    /**
     * Median milliseconds of the last {@link #windowUpdateMillis} run's parts: state change with both views'
     * drawing commands, map layer rendering, timeline rendering.
     */
    public static double[] lastWindowUpdateParts = new double[3];

    /** Median ms of the last {@link #layerMillis} run's pan steps (the drawing slides; no redraw). */
    public static double lastPanMedian;

    private interface Step {
        void run(int i);
    }

    /** Runs {@code prepare} (untimed) then {@code step} (timed) for each step, after three warm-up rounds. */
    /**
     * Times {@code steps} steps after a warm-up of at least 20 steps and half a second, so that both sides of a
     * comparison are measured with their code compiled (a layer that draws 60 sprites a step gets compiled
     * many steps later than one that moves 10,000 nodes a step, and 3 warm-up steps measured the interpreter).
     */
    private static double[] time(int steps, Step prepare, Step step) {
        basemapIdle();
        long warmUntil = System.nanoTime() + 500_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warmUntil; i++) {
            prepare.run(i % steps);
            step.run(i % steps);
        }
        basemapIdle();
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            prepare.run(i);
            long t0 = System.nanoTime();
            step.run(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /**
     * Waits for the basemap tiles the view asked for and collects garbage: rendering tiles on the other core (and
     * the JIT compiling the renderer), or a concurrent GC cycle left from loading the big catalog, is not what
     * the layer comparisons measure, and the side timed later would not pay it.
     */
    private static void basemapIdle() {
        System.gc();
        try {
            if (!AtlasTileRetriever.offline().awaitIdle(60_000)) {
                throw new IllegalStateException("basemap tiles still rendering after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
