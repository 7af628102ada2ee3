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
        private final int lo;
        private final int hi;
        private final double x;
        private final double y;
        private final boolean stack;

        Group(int[] members, double x, double y, boolean stack) {
            this.members = members;
            this.index = null;
            this.lo = 0;
            this.hi = members.length;
            this.x = x;
            this.y = y;
            this.stack = stack;
        }

        /** The incidents at positions [lo, hi) of the index. */
        Group(SpatialIndex index, int lo, int hi, double x, double y) {
            this.index = index;
            this.lo = lo;
            this.hi = hi;
            this.x = x;
            this.y = y;
            this.stack = false;
        }

        int[] members() {
            if (members == null) {
                members = index.members(lo, hi);
            }
            return members;
        }

        int size() {
            return hi - lo;
        }

        /** The index this group is a run of, or {@code null}. */
        SpatialIndex index() {
            return index;
        }

        /** First position of the run in the index. */
        int lo() {
            return lo;
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

    /** A non-negative 31-bit key for a grid cell (cells wrap far outside any screen; only neighbours matter). */
    private static long cellKey(long gx, long gy) {
        return ((gx & 0x7fff) << 16) | (gy & 0xffff);
    }
}
