package org.incidentatlas.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;

/**
 * Load measurements for the benchmark: our full load of a generated file against a bare Jackson token scan of
 * the same bytes (both from the page cache after a warm-up), and the heap the loaded catalog retains.
 */
public final class LoadBench {
    private LoadBench() {
    }

    /** The generated file of {@code n} incidents (seed 1), written once into target/bench. */
    public static Path file(int n) throws IOException {
        Path f = Path.of("target", "bench", "events-" + n + ".json");
        if (!Files.exists(f)) {
            EventFileGenerator.write(n, 1, f);
        }
        return f;
    }

    /** Milliseconds of a bare {@code nextToken()} loop over the file. */
    public static double tokenScanMillis(Path f) throws IOException {
        long t0 = System.nanoTime();
        long tokens = 0;
        try (InputStream in = Files.newInputStream(f); JsonParser p = new JsonFactory().createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("empty file");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Milliseconds of a {@code nextToken()} loop that also decodes every name and string into a {@code String}:
     * the least any reader that keeps the texts must do, shown beside the bare scan to say where the floor is.
     */
    public static double stringScanMillis(Path f) throws IOException {
        long t0 = System.nanoTime();
        long chars = 0;
        try (InputStream in = Files.newInputStream(f); JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    chars += p.getText().length();
                }
            }
        }
        if (chars == 0) {
            throw new IllegalStateException("no strings");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Milliseconds of our full load (read, validate, build the catalog). */
    public static double loadMillis(Path f) throws Exception {
        long t0 = System.nanoTime();
        LoadResult r = new EventFileReader().read(f);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.catalog().isEmpty()) {
            throw new IllegalStateException("nothing loaded");
        }
        return ms;
    }

    /** Bytes of heap retained by the loaded catalog of {@code f}, divided by its size. */
    public static double heapBytesPerIncident(Path f) throws Exception {
        long before = usedAfterGc();
        LoadResult r = new EventFileReader().read(f);
        long after = usedAfterGc();
        int n = r.catalog().size();
        double perIncident = (after - before) / (double) n;
        if (r.catalog().size() != n) {
            throw new AssertionError(); // keeps r reachable until here
        }
        return perIncident;
    }

    private static long usedAfterGc() throws InterruptedException {
        var mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(50); // lets the collector finish; not a timing measurement
            long used = mem.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 256 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args.length > 1 ? args[1] : "3");
        Path f = file(n);
        System.out.println(f + " " + Files.size(f) / 1e6 + " MB");
        tokenScanMillis(f);
        loadMillis(f);
        double[] scan = new double[reps];
        double[] load = new double[reps];
        for (int i = 0; i < reps; i++) {
            scan[i] = tokenScanMillis(f);
            load[i] = loadMillis(f);
        }
        System.out.printf("scan %.0f ms, load %.0f ms, ratio %.2f%n", median(scan), median(load),
                median(load) / median(scan));
        System.out.printf("heap %.0f bytes/incident%n", heapBytesPerIncident(f));
    }
}
