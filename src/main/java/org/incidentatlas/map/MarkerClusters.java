package org.incidentatlas.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.incidentatlas.model.SortedLongs;

/**
 * Groups markers that would overlap on screen. Pure screen-space maths (no JavaFX), so it is tested alone.
 *
 * <p>Markers closer than {@code distance} pixels join one group, greedily in the given priority order
 * (earlier indices seed groups first). A group whose members all sit on the same spot (within
 * {@link #SAME_SPOT} px) is a <em>stack</em>: the layer spreads it out on a ring so each member can be clicked.
 * Any other group of two or more is a <em>cluster</em>, drawn as one disc with a count. Cost is O(n) with a
 * grid of {@code distance}-sized cells.
 */
final class MarkerClusters {
    static final double SAME_SPOT = 2.0;

    /**
     * One group: its members (incident indices), centre, and whether all members share one spot. A group from
     * the {@link SpatialIndex} lists its members only when asked (a cluster may hold a million).
     */
    static final class Group {
        private int[] members;
        private final SpatialIndex index;
        /** For a group of an index: its runs of the index's Morton order, as pairs [lo, hi). */
        private final int[] runs;
        private final int size;
        private final double x;
        private final double y;
        private final boolean stack;

        Group(int[] members, double x, double y, boolean stack) {
            this.members = members;
            this.index = null;
            this.runs = null;
            this.size = members.length;
            this.x = x;
            this.y = y;
            this.stack = stack;
        }

        /** The incidents at positions [lo, hi) of the index. */
        Group(SpatialIndex index, int lo, int hi, double x, double y) {
            this(index, new int[] {lo, hi}, x, y);
        }

        /** The incidents at the runs of the index given as pairs [lo, hi), e.g. neighbouring cells drawn as one. */
        Group(SpatialIndex index, int[] runs, double x, double y) {
            this.index = index;
            this.runs = runs;
            int n = 0;
            for (int k = 0; k < runs.length; k += 2) {
                n += runs[k + 1] - runs[k];
            }
            this.size = n;
            this.x = x;
            this.y = y;
            this.stack = false;
        }

        int[] members() {
            if (members == null) {
                int[] out = new int[size];
                int at = 0;
                for (int k = 0; k < runs.length; k += 2) {
                    int[] part = index.members(runs[k], runs[k + 1]);
                    System.arraycopy(part, 0, out, at, part.length);
                    at += part.length;
                }
                Arrays.sort(out);
                members = out;
            }
            return members;
        }

        int size() {
            return size;
        }

        /** The index this group is made of runs of, or {@code null}. */
        SpatialIndex index() {
            return index;
        }

        /** Members of category {@code c}, from the index's prefix counts; -1 when the index does not track them. */
        int categoryCount(int c) {
            int n = 0;
            for (int k = 0; k < runs.length; k += 2) {
                int part = index.categoryCount(c, runs[k], runs[k + 1]);
                if (part < 0) {
                    return -1;
                }
                n += part;
            }
            return n;
        }

        double x() {
            return x;
        }

        double y() {
            return y;
        }

        boolean stack() {
            return stack;
        }

        boolean isSingle() {
            return size() == 1;
        }

        boolean isCluster() {
            return size() > 1 && !stack;
        }
    }

    private MarkerClusters() {
    }

    /**
     * @param xs       screen x of each incident's marker, NaN when the incident has no marker
     * @param ys       screen y of each marker
     * @param include  which markers take part (e.g. not hidden, not the selected one)
     * @param distance pixels within which markers merge
     */
    static List<Group> group(double[] xs, double[] ys, boolean[] include, double distance) {
        int n = xs.length;
        // Grid cells as sorted primitive keys (cell << 32 | index): no boxing, one sort.
        long[] keys = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (include[i] && !Double.isNaN(xs[i])) {
                keys[m++] = (cellKey((long) Math.floor(xs[i] / distance), (long) Math.floor(ys[i] / distance)) << 32)
                        | i;
            }
        }
        long[] sorted = Arrays.copyOf(keys, m);
        Arrays.sort(sorted);
        boolean[] taken = new boolean[n];
        List<Group> groups = new ArrayList<>();
        double d2 = distance * distance;
        int[] members = new int[8];
        for (int i = 0; i < n; i++) {
            if (!include[i] || Double.isNaN(xs[i]) || taken[i]) {
                continue;
            }
            taken[i] = true;
            members[0] = i;
            int count = 1;
            long cx = (long) Math.floor(xs[i] / distance);
            long cy = (long) Math.floor(ys[i] / distance);
            for (long gx = cx - 1; gx <= cx + 1; gx++) {
                for (long gy = cy - 1; gy <= cy + 1; gy++) {
                    long cell = cellKey(gx, gy);
                    int at = SortedLongs.lowerBound(sorted, sorted.length, cell << 32);
                    for (int k = at; k < sorted.length && (sorted[k] >>> 32) == cell; k++) {
                        int j = (int) (sorted[k] & 0xffffffffL);
                        if (taken[j]) {
                            continue;
                        }
                        double dx = xs[j] - xs[i];
                        double dy = ys[j] - ys[i];
                        if (dx * dx + dy * dy <= d2) {
                            taken[j] = true;
                            if (count == members.length) {
                                members = Arrays.copyOf(members, count * 2);
                            }
                            members[count++] = j;
                        }
                    }
                }
            }
            int[] g = Arrays.copyOf(members, count);
            Arrays.sort(g);
            double sx = 0;
            double sy = 0;
            boolean stack = true;
            for (int k : g) {
                sx += xs[k];
                sy += ys[k];
                if (Math.abs(xs[k] - xs[i]) > SAME_SPOT || Math.abs(ys[k] - ys[i]) > SAME_SPOT) {
                    stack = false;
                }
            }
            groups.add(new Group(g, sx / count, sy / count, stack && count > 1));
        }
        return groups;
    }

    /**
     * Which disc each of {@code n} discs is drawn as, so that no two drawn discs overlap: discs are taken biggest
     * first, and one that would overlap a disc already taken joins it (which grows by its count) instead.
     *
     * @param x      centre of each disc
     * @param y      centre of each disc
     * @param count  incidents in each disc
     * @param radius radius of a disc of a count
     * @return for each disc, the disc it is drawn as: itself when it stays
     */
    static int[] absorbOverlapping(double[] x, double[] y, int[] count, int n,
                                   java.util.function.IntToDoubleFunction radius) {
        int[] owner = new int[n];
        if (n == 0) {
            return owner;
        }
        // biggest first (ties in input order): one primitive sort of (count, index) keys
        long[] order = new long[n];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            order[i] = (long) (Integer.MAX_VALUE - count[i]) << 32 | i;
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
            maxX = Math.max(maxX, x[i]);
            maxY = Math.max(maxY, y[i]);
        }
        Arrays.sort(order);
        // Kept discs in a grid of cells as wide as the longest reach between two discs, so only the 3 × 3 cells
        // around a disc can hold one it overlaps. A kept disc grows with what joins it, never past the radius
        // of all the counts together (radii grow with the count), which bounds the reach.
        long all = 0;
        for (int i = 0; i < n; i++) {
            all += count[i];
        }
        double cell = Math.max(1, 2 * radius.applyAsDouble((int) Math.min(Integer.MAX_VALUE, all)));
        int gw = (int) Math.min(4096, Math.floor((maxX - minX) / cell) + 1);
        int gh = (int) Math.min(4096, Math.floor((maxY - minY) / cell) + 1);
        int[] head = new int[gw * gh];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] total = new int[n];
        for (long key : order) {
            int i = (int) key;
            owner[i] = i;
            double ri = radius.applyAsDouble(count[i]);
            int gx = (int) Math.min(gw - 1, Math.floor((x[i] - minX) / cell));
            int gy = (int) Math.min(gh - 1, Math.floor((y[i] - minY) / cell));
            search:
            for (int cy = Math.max(0, gy - 1); cy <= Math.min(gh - 1, gy + 1); cy++) {
                for (int cx = Math.max(0, gx - 1); cx <= Math.min(gw - 1, gx + 1); cx++) {
                    for (int a = head[cy * gw + cx]; a >= 0; a = next[a]) {
                        double reach = radius.applyAsDouble(total[a]) + ri;
                        double dx = x[a] - x[i];
                        double dy = y[a] - y[i];
                        if (dx * dx + dy * dy < reach * reach) {
                            owner[i] = a;
                            total[a] += count[i];
                            break search;
                        }
                    }
                }
            }
            if (owner[i] == i) {
                total[i] = count[i];
                next[i] = head[gy * gw + gx];
                head[gy * gw + gx] = i;
            }
        }
        return owner;
    }

    /** A non-negative 31-bit key for a grid cell (cells wrap far outside any screen; only neighbours matter). */
    private static long cellKey(long gx, long gy) {
        return ((gx & 0x7fff) << 16) | (gy & 0xffff);
    }
}
