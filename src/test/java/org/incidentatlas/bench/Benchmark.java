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

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) { // the FX thread would otherwise keep the JVM (and the build) waiting forever
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
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

        boolean full = mode.equals("full");
        int n = full ? 1_000_000 : 100_000;
        String size = full ? "1m" : "100k";
        results.put("n", n);

        // Loading: our full load against a bare token scan of the same bytes, alternating, medians.
        Path file = LoadBench.file(n);
        results.put("file_mb", round(Files.size(file) / 1e6));
        int reps = 5; // the host is shared: five alternating pairs make the medians steadier
        LoadBench.tokenScanMillis(file);
        LoadBench.loadMillis(file);
        LoadBench.stringScanMillis(file);
        double[] scan = new double[reps];
        double[] strings = new double[reps];
        double[] load = new double[reps];
        for (int i = 0; i < reps; i++) {
            scan[i] = LoadBench.tokenScanMillis(file);
            strings[i] = LoadBench.stringScanMillis(file);
            load[i] = LoadBench.loadMillis(file);
        }
        results.put("token_scan_ms_median_" + size, round(LoadBench.median(scan)));
        results.put("string_scan_ms_median_" + size, round(LoadBench.median(strings)));
        results.put("load_ms_median_" + size, round(LoadBench.median(load)));
        results.put("load_ratio_vs_token_scan", round(LoadBench.median(load) / LoadBench.median(scan)));
        // context, not a target: the same load against a scan that decodes every text, as a reader must
        results.put("load_ratio_vs_string_scan", round(LoadBench.median(load) / LoadBench.median(strings)));
        if (full) {
            Path small = LoadBench.file(100_000);
            double[] l100 = new double[3];
            for (int i = 0; i < 3; i++) {
                l100[i] = LoadBench.loadMillis(small);
            }
            results.put("load_ms_100k", round(LoadBench.median(l100)));
        } else {
            results.put("load_ms_100k", round(LoadBench.median(load)));
        }
        results.put("heap_bytes_per_incident", Math.round(LoadBench.heapBytesPerIncident(file)));

        double[] tiles = MapBench.tileMillis(full ? 10 : 4);
        results.put("tile_ms_median", round(MapBench.median(tiles)));
        results.put("tile_count", tiles.length);

        IncidentCatalog big = new org.incidentatlas.io.EventFileReader().read(file).catalog();
        CompletableFuture<double[]> layer = new CompletableFuture<>();
        CompletableFuture<double[]> timeline = new CompletableFuture<>();
        CompletableFuture<double[]> window = new CompletableFuture<>();
        CompletableFuture<double[]> smooth = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                layer.complete(MapBench.layerMillis(synthetic(10_000, 42), 30, new Stage()));
                timeline.complete(TimelineBench.scrubMillis(big, 40, new Stage()));
                window.complete(MapBench.windowUpdateMillis(big, 200, new Stage()));
                org.incidentatlas.app.LoadSmoothness.measure(Path.of("data", "events.json"), file, n, new Stage())
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                smooth.completeExceptionally(e);
                            } else {
                                smooth.complete(v);
                            }
                        });
            } catch (RuntimeException | Error | java.io.IOException e) {
                layer.completeExceptionally(e);
                timeline.completeExceptionally(e);
                window.completeExceptionally(e);
                smooth.completeExceptionally(e);
            }
        });
        double[] l = layer.get();
        results.put("window_update_ms_median", round(MapBench.median(window.get())));
        results.put("window_update_ms_median_state_and_draw_calls", round(MapBench.lastWindowUpdateParts[0]));
        results.put("window_update_ms_median_map_render", round(MapBench.lastWindowUpdateParts[1]));
        results.put("window_update_ms_median_timeline_render", round(MapBench.lastWindowUpdateParts[2]));
        results.put("timeline_redraw_ms_median_" + size, round(MapBench.median(timeline.get())));
        results.put("map_layer_ms_median_10k", round(l[0]));
        results.put("node_layer_ms_median_10k", round(l[1]));
        results.put("map_layer_speedup_vs_nodes_10k", round(l[1] / l[0]));
        results.put("map_pan_ms_median_10k", round(MapBench.lastPanMedian));
        results.put("map_pan_speedup_vs_nodes_10k", round(l[1] / MapBench.lastPanMedian));
        // The whole window while the mode's file loads: frames while reading, then the views taking the catalog.
        double[] frames = smooth.get(15, java.util.concurrent.TimeUnit.MINUTES);
        int after = (int) frames[frames.length - 1];
        int reading = frames.length - 1 - after - 1; // the frame that took the catalog in belongs to the second part
        double[] whileReading = java.util.Arrays.copyOf(frames, Math.max(1, reading));
        double[] sorted = whileReading.clone();
        java.util.Arrays.sort(sorted);
        results.put("load_frame_ms_median_" + size, round(MapBench.median(whileReading)));
        results.put("load_frame_ms_p99_" + size, round(sorted[(int) Math.floor(0.99 * (sorted.length - 1))]));
        results.put("load_frame_gaps_over_100ms_" + size, java.util.Arrays.stream(whileReading).filter(g -> g > 100)
                .count());
        results.put("load_frame_ms_longest_" + size, round(sorted[sorted.length - 1]));
        results.put("load_reading_s_" + size, round(java.util.Arrays.stream(whileReading).sum() / 1000));
        double taking = 0;
        for (int i = Math.max(0, reading); i < frames.length - 1; i++) {
            taking += frames[i];
        }
        results.put("load_views_take_catalog_ms_" + size, round(taking));
        // Then a search for "drone" in that window: how long until it shows, and the longest frame meanwhile.
        double[] search = org.incidentatlas.app.LoadSmoothness.lastSearchFrames;
        results.put("search_applied_ms_" + size, round(search[search.length - 1]));
        results.put("search_frame_ms_longest_" + size, round(java.util.Arrays.stream(search, 0, search.length - 1)
                .max().orElse(0)));

        Platform.exit();

        results.put("first_frame_ms", firstFrameMillis(5, true));
        results.put("first_frame_phases", lastFirstFramePhases);
        results.put("first_frame_ms_plain_java_jar", firstFrameMillis(5, false));
        results.put("first_frame_phases_plain_java_jar", lastFirstFramePhases);
        if (full) {
            // what a user waits for: launch to the million on screen, in a fresh JVM (cold code, heap growing)
            results.put("first_frame_ms_1m_fresh_process", firstFrameMillis(1, true, LoadBench.file(1_000_000)));
            results.put("first_frame_phases_1m_fresh_process", lastFirstFramePhases);
        }
        // context for the machine at hand: a one-label JavaFX window started the same way
        results.put("first_frame_ms_hello_javafx", helloFxMillis(5));

        Path out = Path.of("target", "bench", "results.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println();
        System.out.println("Incident Atlas benchmark (" + mode + ")");
        results.forEach((k, v) -> System.out.printf("  %-34s %s%n", k, v));
        System.out.println("written to " + out);
        System.exit(0);
    }

    /**
     * Median over {@code runs} fresh processes of the app's own report of the time from its launch to the first
     * frame with the seed incidents (headless, software rendering), started as the packaged launcher starts it
     * ({@code target/incident-atlas.sh}: the jar with the build's class-data archive) or, with
     * {@code withArchive} false, as plain {@code java -jar}; -1 when the jar is missing.
     */
    static double firstFrameMillis(int runs, boolean withArchive) throws Exception {
        return firstFrameMillis(runs, withArchive, null);
    }

    /**
     * As {@link #firstFrameMillis(int, boolean)}, the app opening {@code file} instead of the seed: with a big
     * file, the time a user waits from launch until the incidents are on screen, in a fresh JVM.
     */
    static double firstFrameMillis(int runs, boolean withArchive, Path file) throws Exception {
        Path jar = Path.of("target", "incident-atlas.jar");
        Path launcher = Path.of("target", "incident-atlas.sh");
        if (!Files.exists(jar) || withArchive && !Files.exists(launcher)) {
            return -1;
        }
        String javaHome = System.getProperty("java.home");
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            String opts = "-Datlas.reportFirstFrame=true -Datlas.exitAfterFirstFrame=true -Datlas.launchedAt="
                    + System.currentTimeMillis();
            ProcessBuilder pb;
            if (withArchive) {
                List<String> cmd = new ArrayList<>(List.of("sh", launcher.toString(), "--screenshot",
                        "target/bench/first-frame.png"));
                if (file != null) {
                    cmd.add(file.toString());
                }
                pb = new ProcessBuilder(cmd);
                pb.environment().put("JAVA_HOME", javaHome);
                pb.environment().put("ATLAS_JAVA_OPTS", opts);
            } else {
                List<String> cmd = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString()));
                cmd.addAll(List.of(opts.split(" ")));
                cmd.addAll(List.of("-jar", jar.toString(), "--screenshot", "target/bench/first-frame.png"));
                if (file != null) {
                    cmd.add(file.toString());
                }
                pb = new ProcessBuilder(cmd);
            }
            Process p = pb.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            ms[i] = out.lines().filter(x -> x.startsWith("first-frame-ms ")).mapToDouble(
                    x -> Double.parseDouble(x.substring("first-frame-ms ".length()))).findFirst().orElse(-1);
            out.lines().filter(x -> x.startsWith("first-frame-phases ")).findFirst().ifPresent(
                    x -> lastFirstFramePhases = x.substring("first-frame-phases ".length()));
        }
        return MapBench.median(ms);
    }

    /** Median of {@link HelloFx}'s own report over {@code runs} fresh processes, from the same kind of clock. */
    static double helloFxMillis(int runs) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder(javaBin, "-Datlas.launchedAt=" + System.currentTimeMillis(), "-cp",
                    System.getProperty("java.class.path"), HelloFx.class.getName()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            ms[i] = out.lines().filter(x -> x.startsWith("first-frame-ms ")).mapToDouble(
                    x -> Double.parseDouble(x.substring("first-frame-ms ".length()))).findFirst().orElse(-1);
        }
        return MapBench.median(ms);
    }

    /** The marks of the last first-frame run ("main=… start=… window-built=…", ms since launch). */
    private static String lastFirstFramePhases = "";

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
