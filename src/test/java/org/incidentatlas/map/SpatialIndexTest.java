package org.incidentatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The spatial index against brute force on random data: cells, counts, centroids, categories, time overlap (with
 * levels sorted by time in place or on another thread).
 */
class SpatialIndexTest {
    private static final int N = 5000;

    @Test
    void cellsMatchBruteForceAtEveryLevelAndWindow() {
        SplittableRandom r = new SplittableRandom(3);
        double[] mx = new double[N];
        double[] my = new double[N];
        int[] cat = new int[N];
        long[] e = new long[N];
        long[] l = new long[N];
        int dated = N - 100; // the last 100 are undated
        long t = 0;
        for (int i = 0; i < N; i++) {
            boolean located = r.nextDouble() > 0.02;
            // clustered around a few centres, like towns
            double cx = 0.6 + 0.01 * (i % 7);
            double cy = 0.4 + 0.01 * (i % 5);
            mx[i] = located ? cx + r.nextGaussian() * 0.002 : Double.NaN;
            my[i] = located ? cy + r.nextGaussian() * 0.002 : Double.NaN;
            cat[i] = r.nextInt(6);
            t += r.nextInt(1000); // catalog order is time order
            e[i] = t;
            l[i] = t + (r.nextDouble() < 0.2 ? r.nextInt(50_000) : 0);
        }
        BitSet include = new BitSet(N);
        for (int i = 0; i < N; i++) {
            if (r.nextDouble() < 0.8) {
                include.set(i);
            }
        }
        SpatialIndex index = new SpatialIndex(mx, my, include, cat, 6, e, l, dated);
        for (int level : new int[] {0, 5, 9, 12, 16, 20}) {
            if (level % 2 == 1) { // half the levels sorted by time on another thread, as the map does at scale
                assertEquals(false, index.isPrepared(level));
                Object[] computed = java.util.concurrent.CompletableFuture.supplyAsync(() -> index.computeLevel(level))
                        .join();
                assertEquals(false, index.isPrepared(level));
                index.install(level, computed);
                assertEquals(true, index.isPrepared(level));
            }
            // a rectangle of at most a few thousand cells, as a screen is
            double span = Math.min(0.075, 48.0 / (1 << level));
            double x0 = 0.6 - span / 2;
            double x1 = 0.6 + span / 2;
            double y0 = 0.4 - span / 2;
            double y1 = 0.4 + span / 2;
            int cells = 1 << level;
            List<int[]> seen = new ArrayList<>();
            index.cells(level, x0, y0, x1, y1, (lo, hi) -> seen.add(new int[] {lo, hi}));
            int covered = 0;
            for (int[] run : seen) {
                int[] members = index.members(run[0], run[1]);
                covered += members.length;
                // all members share one cell, and it meets the rectangle
                int gx = (int) Math.floor(mx[members[0]] * cells);
                int gy = (int) Math.floor(my[members[0]] * cells);
                double sx = 0;
                int[] perCat = new int[6];
                for (int m : members) {
                    assertEquals(gx, (int) Math.floor(mx[m] * cells), "level " + level);
                    assertEquals(gy, (int) Math.floor(my[m] * cells), "level " + level);
                    assertEquals(true, include.get(m));
                    sx += mx[m];
                    perCat[cat[m]]++;
                }
                assertEquals(sx / members.length, index.centroidX(run[0], run[1]), 1e-9);
                for (int c = 0; c < 6; c++) {
                    assertEquals(perCat[c], index.categoryCount(c, run[0], run[1]));
                }
                for (int k = 0; k < 20; k++) {
                    long a = r.nextLong(t);
                    long b = a + r.nextLong(1 + r.nextInt(100_000));
                    boolean any = Arrays.stream(members).anyMatch(m -> m >= dated || (e[m] <= b && l[m] >= a));
                    assertEquals(any, index.anyOverlapping(level, run[0], run[1], a, b),
                            "level " + level + " window " + a + ".." + b);
                }
            }
            // every included, located incident inside the rectangle's cells is in exactly one reported run
            int expected = 0;
            for (int i = 0; i < N; i++) {
                if (include.get(i) && !Double.isNaN(mx[i])) {
                    int gx = (int) Math.floor(mx[i] * cells);
                    int gy = (int) Math.floor(my[i] * cells);
                    if (gx >= (int) Math.floor(x0 * cells) && gx <= (int) Math.floor(x1 * cells)
                            && gy >= (int) Math.floor(y0 * cells) && gy <= (int) Math.floor(y1 * cells)) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, covered, "level " + level);
        }
    }

    @Test
    void mortonInterleavesBits() {
        assertEquals(0b11, SpatialIndex.morton(1, 1));
        assertEquals(0b10, SpatialIndex.morton(0, 1));
        assertEquals(0b0100, SpatialIndex.morton(2, 0));
        assertEquals((1L << 48) - 1, SpatialIndex.morton((1 << 24) - 1, (1 << 24) - 1));
    }
}
