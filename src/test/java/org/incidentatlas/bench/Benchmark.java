package org.incidentatlas.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.incidentatlas.map.MapBench;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.timeline.TimelineBench;

/**
 * The benchmark: runs outside the unit tests ({@code ./mvnw -Pbench verify}, see README), prints a table and
 * writes {@code target/bench/results.json}. Speed is reported as medians and as ratios measured in the same
 * run, so that the noise of a shared 2-core machine mostly cancels. Renders headless (Monocle, software).
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1600x1200-32");
        String mode = args.length > 0 ? args[0] : "quick";
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", mode);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.version"));

        double[] tiles = MapBench.tileMillis(mode.equals("full") ? 10 : 4);
        results.put("tile_ms_median", round(MapBench.median(tiles)));
        results.put("tile_count", tiles.length);

        int timelineN = mode.equals("full") ? 1_000_000 : 100_000;
        IncidentCatalog big = synthetic(timelineN, 7);
        CompletableFuture<double[]> layer = new CompletableFuture<>();
        CompletableFuture<double[]> timeline = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                layer.complete(MapBench.layerMillis(synthetic(10_000, 42), 30, new Stage()));
                timeline.complete(TimelineBench.scrubMillis(big, 40, new Stage()));
            } catch (RuntimeException e) {
                layer.completeExceptionally(e);
                timeline.completeExceptionally(e);
            }
        });
        double[] l = layer.get();
        results.put("timeline_redraw_ms_median_" + (timelineN >= 1_000_000 ? "1m" : "100k"),
                round(MapBench.median(timeline.get())));
        results.put("timeline_n", timelineN);
        results.put("map_layer_ms_median_10k", round(l[0]));
        results.put("node_layer_ms_median_10k", round(l[1]));
        results.put("map_layer_speedup_vs_nodes_10k", round(l[1] / l[0]));
        Platform.exit();

        Path out = Path.of("target", "bench", "results.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println();
        System.out.println("Incident Atlas benchmark (" + mode + ")");
        results.forEach((k, v) -> System.out.printf("  %-34s %s%n", k, v));
        System.out.println("written to " + out);
        System.exit(0);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** {@code n} located, dated incidents scattered over Iraq and Syria, reproducible from {@code seed}. */
    static IncidentCatalog synthetic(int n, long seed) {
        Random r = new Random(seed);
        List<Category> cats = new ArrayList<>();
        for (String c : new String[] {"rocket", "drone", "missile", "airstrike", "insurgency", "statement", "other"}) {
            cats.add(new Category(c, c, null));
        }
        double[][] centres = {{33.31, 44.37}, {33.79, 42.44}, {36.34, 43.13}, {33.42, 43.30}, {35.47, 44.39},
            {36.20, 37.16}, {33.51, 36.29}, {35.33, 40.14}, {30.51, 47.78}, {34.45, 40.92}};
        List<Incident> incidents = new ArrayList<>(n);
        long start = Instant.parse("2014-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < n; i++) {
            double[] c = centres[r.nextInt(centres.length)];
            double lat = c[0] + r.nextGaussian() * 0.6;
            double lon = c[1] + r.nextGaussian() * 0.6;
            Instant t = Instant.ofEpochSecond(start + (long) (r.nextDouble() * 8 * 365 * 86400));
            String when = t.toString().substring(0, 10);
            incidents.add(new Incident("e" + i, "Incident " + i, Edtf.parse(when),
                    new GeoLocation(null, "p" + i, Math.max(-85, Math.min(85, lat)), lon, null, null,
                            PlacePrecision.TOWN, null),
                    cats.get(r.nextInt(cats.size())), null, null, List.of(), List.of(), List.of()));
        }
        return new IncidentCatalog("synthetic", cats, incidents);
    }
}
