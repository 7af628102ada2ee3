package org.incidentatlas.map;

import java.util.Arrays;
import org.incidentatlas.model.SortedLongs;

/**
 * A spatial index over located incidents for big catalogs, so that drawing the map costs in proportion to the
 * cells on screen, not to the number of incidents. Pure maths (no JavaFX), tested against brute force.
 *
 * <p>Incidents are sorted by the Morton (Z-order) code of their Web-Mercator position at {@value #BITS} bits per
 * axis. A grid cell at any level L ≤ {@value #BITS} is then one contiguous run of that order, found by two binary
 * searches; prefix sums give each cell's count, centroid and category counts in O(1). For the time window, the
 * runs of the current level are re-sorted by incident index (which is time order in the catalog) with a prefix
 * maximum of the latest instant, so "does any member of this cell overlap [a, b]?" is one more binary search.
 *
 * <p>Memory: about 40 bytes per incident plus 4 per incident and category, and 12 per incident for the level in
 * use. Built once per catalog and filter change (a sort, O(n log n)); the per-level part is rebuilt on zoom.
 */
final class SpatialIndex {
    static final int BITS = 24;
    private static final double SCALE = 1 << BITS;

    /** Incident indices in Morton order. */
    private final int[] order;
    private final long[] codes;
    private final double[] sumX;
    private final double[] sumY;
    /** catCount[c][k] = members of category c among order[0, k); {@code null} when there are too many categories. */
    private final int[][] catCount;
    private final long[] earliest;
    private final long[] latest;
    private final int datedCount;

    private int level = -1;
    private int[] byTime;
    private long[] maxLatest;
    /** The time orders of recently used levels (zooming back and forth reuses them). */
    private final java.util.LinkedHashMap<Integer, Object[]> levels = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Integer, Object[]> eldest) {
            return size() > 4;
        }
    };

    /**
     * @param mx         Web-Mercator x in [0, 1] of each incident, NaN when unlocated
     * @param my         Web-Mercator y in [0, 1]
     * @param include    which incidents to index (located ones passing the filters), or {@code null} for all
     * @param category   category index of each incident
     * @param categories how many categories there are
     * @param earliest   earliest instant of each incident (catalog order = time order)
     * @param latest     latest instant of each incident
     * @param datedCount incidents at index ≥ this are undated, always inside any time window
     */
    SpatialIndex(double[] mx, double[] my, java.util.BitSet include, int[] category, int categories,
                 long[] earliest, long[] latest, int datedCount) {
        int n = mx.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(mx[i]) && (include == null || include.get(i))) {
                m++;
            }
        }
        int[] idx = new int[m];
        long[] code = new long[m];
        m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(mx[i]) && (include == null || include.get(i))) {
                idx[m] = i;
                code[m++] = morton(quantize(mx[i]), quantize(my[i]));
            }
        }
        sortByCode(code, idx);
        this.order = idx;
        this.codes = code;
        sumX = new double[m + 1];
        sumY = new double[m + 1];
        for (int k = 0; k < m; k++) {
            sumX[k + 1] = sumX[k] + mx[idx[k]];
            sumY[k + 1] = sumY[k] + my[idx[k]];
        }
        if (categories <= 32) {
            catCount = new int[categories][m + 1];
            for (int k = 0; k < m; k++) {
                int cat = category[idx[k]];
                for (int c = 0; c < categories; c++) {
                    catCount[c][k + 1] = catCount[c][k] + (c == cat ? 1 : 0);
                }
            }
        } else {
            catCount = null;
        }
        this.earliest = earliest;
        this.latest = latest;
        this.datedCount = datedCount;
    }

    /** Number of indexed incidents. */
    int size() {
        return order.length;
    }

    /** Incident index at position {@code pos} of the Morton order. */
    int member(int pos) {
        return order[pos];
    }

    /** The incident indices of positions [lo, hi). */
    int[] members(int lo, int hi) {
        return Arrays.copyOfRange(order, lo, hi);
    }

    double centroidX(int lo, int hi) {
        return (sumX[hi] - sumX[lo]) / (hi - lo);
    }

    double centroidY(int lo, int hi) {
        return (sumY[hi] - sumY[lo]) / (hi - lo);
    }

    /** Members of category {@code c} among positions [lo, hi), or -1 when not tracked. */
    int categoryCount(int c, int lo, int hi) {
        return catCount == null || c >= catCount.length ? -1 : catCount[c][hi] - catCount[c][lo];
    }

    /** What {@link #cells} reports for each non-empty cell: its run [lo, hi) of the Morton order. */
    interface CellVisitor {
        void cell(int lo, int hi);
    }

    /**
     * Reports each non-empty cell of level {@code level} (2^level cells across the world) that meets the
     * Web-Mercator rectangle [x0, x1] × [y0, y1]. Cost: the cells in the rectangle times two binary searches.
     */
    void cells(int level, double x0, double y0, double x1, double y1, CellVisitor visitor) {
        int cellsPerAxis = 1 << level;
        int cx0 = clamp((int) Math.floor(x0 * cellsPerAxis), cellsPerAxis);
        int cx1 = clamp((int) Math.floor(x1 * cellsPerAxis), cellsPerAxis);
        int cy0 = clamp((int) Math.floor(y0 * cellsPerAxis), cellsPerAxis);
        int cy1 = clamp((int) Math.floor(y1 * cellsPerAxis), cellsPerAxis);
        int shift = 2 * (BITS - level);
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                long first = morton(cx, cy) << shift;
                int lo = SortedLongs.lowerBound(codes, codes.length, first);
                if (lo == codes.length || (codes[lo] >>> shift) != (first >>> shift)) {
                    continue;
                }
                int hi = SortedLongs.lowerBound(codes, codes.length, first + (1L << shift));
                visitor.cell(lo, hi);
            }
        }
    }

    /**
     * True when a member of the level-{@code level} cell at positions [lo, hi) overlaps [a, b] in time (undated
     * members always do). O(log (hi − lo)) once the level's time order is built (O(n log n) on a level change).
     */
    boolean anyOverlapping(int level, int lo, int hi, long a, long b) {
        prepare(level);
        if (byTime[hi - 1] >= datedCount) {
            return true; // an undated member: indices sort undated last
        }
        // members with earliest <= b form a prefix of the run (indices are in time order)
        int l = lo;
        int h = hi;
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (earliest[byTime[mid]] <= b) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        return l > lo && maxLatest[l - 1] >= a;
    }

    /** True when {@link #anyOverlapping} at {@code level} answers without first sorting the level. */
    boolean isPrepared(int level) {
        return level == this.level || levels.containsKey(level);
    }

    /**
     * The time order of {@code level}, computed without changing this index: safe on any thread while the index
     * is in use on another. Hand the result to {@link #install} on the thread that uses the index.
     */
    Object[] computeLevel(int level) {
        int[] time = order.clone();
        long[] max = new long[order.length];
        sortLevel(level, time, max);
        return new Object[] {time, max};
    }

    /** Adopts a level computed by {@link #computeLevel}. */
    void install(int newLevel, Object[] computed) {
        if (!levels.containsKey(newLevel)) {
            levels.put(newLevel, computed);
        }
    }

    /**
     * Builds the time order of {@code level} now (a sort within each cell), so that the first query at that level
     * does not; for the thread that builds the index, before handing it over.
     */
    void prepare(int newLevel) {
        if (newLevel == level) {
            return;
        }
        Object[] computed = levels.get(newLevel);
        if (computed == null) {
            computed = computeLevel(newLevel);
            levels.put(newLevel, computed);
        }
        byTime = (int[]) computed[0];
        maxLatest = (long[]) computed[1];
        level = newLevel;
    }

    /** Sorts {@code byTime} (a copy of the Morton order) by index within each cell and fills the running maxima. */
    private void sortLevel(int newLevel, int[] byTime, long[] maxLatest) {
        int m = order.length;
        int shift = 2 * (BITS - newLevel);
        int start = 0;
        while (start < m) {
            long cell = codes[start] >>> shift;
            int end = start + 1;
            while (end < m && (codes[end] >>> shift) == cell) {
                end++;
            }
            Arrays.sort(byTime, start, end);
            long max = Long.MIN_VALUE;
            for (int k = start; k < end; k++) {
                int i = byTime[k];
                max = Math.max(max, i >= datedCount ? Long.MAX_VALUE : latest[i]);
                maxLatest[k] = max;
            }
            start = end;
        }
    }

    static int quantize(double v) {
        return (int) Math.max(0, Math.min(SCALE - 1, Math.floor(v * SCALE)));
    }

    private static int clamp(int c, int cells) {
        return Math.max(0, Math.min(cells - 1, c));
    }

    /** Interleaves the low {@value #BITS} bits of x and y: x in the even bits, y in the odd ones. */
    static long morton(int x, int y) {
        return spread(x) | (spread(y) << 1);
    }

    private static long spread(int v) {
        long x = v & 0xffffffL;
        x = (x | (x << 16)) & 0x0000ffff0000ffffL;
        x = (x | (x << 8)) & 0x00ff00ff00ff00ffL;
        x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0fL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & 0x5555555555555555L;
        return x;
    }

    /** Sorts {@code code} ascending and permutes {@code idx} alongside (ties keep index order). */
    private static void sortByCode(long[] code, int[] idx) {
        int m = code.length;
        long[] tmpC = new long[m];
        int[] tmpI = new int[m];
        mergeSort(code, idx, tmpC, tmpI, 0, m);
    }

    private static void mergeSort(long[] c, int[] i, long[] tc, int[] ti, int from, int to) {
        if (to - from < 32) {
            for (int a = from + 1; a < to; a++) {
                long kc = c[a];
                int ki = i[a];
                int b = a - 1;
                while (b >= from && c[b] > kc) {
                    c[b + 1] = c[b];
                    i[b + 1] = i[b];
                    b--;
                }
                c[b + 1] = kc;
                i[b + 1] = ki;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(c, i, tc, ti, from, mid);
        mergeSort(c, i, tc, ti, mid, to);
        if (c[mid - 1] <= c[mid]) {
            return;
        }
        System.arraycopy(c, from, tc, from, to - from);
        System.arraycopy(i, from, ti, from, to - from);
        int a = from;
        int b = mid;
        for (int k = from; k < to; k++) {
            if (b >= to || (a < mid && tc[a] <= tc[b])) {
                c[k] = tc[a];
                i[k] = ti[a++];
            } else {
                c[k] = tc[b];
                i[k] = ti[b++];
            }
        }
    }
}
