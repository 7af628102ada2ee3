package org.incidentatlas.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** One group: its members (incident indices), centre, and whether all members share one spot. */
    record Group(int[] members, double x, double y, boolean stack) {
        boolean isSingle() {
            return members.length == 1;
        }

        boolean isCluster() {
            return members.length > 1 && !stack;
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
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (include[i] && !Double.isNaN(xs[i])) {
                grid.computeIfAbsent(cell(xs[i], ys[i], distance), k -> new ArrayList<>()).add(i);
            }
        }
        boolean[] taken = new boolean[n];
        List<Group> groups = new ArrayList<>();
        double d2 = distance * distance;
        for (int i = 0; i < n; i++) {
            if (!include[i] || Double.isNaN(xs[i]) || taken[i]) {
                continue;
            }
            taken[i] = true;
            int[] members = new int[] {i};
            int count = 1;
            long cx = (long) Math.floor(xs[i] / distance);
            long cy = (long) Math.floor(ys[i] / distance);
            for (long gx = cx - 1; gx <= cx + 1; gx++) {
                for (long gy = cy - 1; gy <= cy + 1; gy++) {
                    List<Integer> bucket = grid.get(key(gx, gy));
                    if (bucket == null) {
                        continue;
                    }
                    for (int j : bucket) {
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
            members = Arrays.copyOf(members, count);
            Arrays.sort(members);
            double sx = 0;
            double sy = 0;
            boolean stack = true;
            for (int m : members) {
                sx += xs[m];
                sy += ys[m];
                if (Math.abs(xs[m] - xs[i]) > SAME_SPOT || Math.abs(ys[m] - ys[i]) > SAME_SPOT) {
                    stack = false;
                }
            }
            groups.add(new Group(members, sx / count, sy / count, stack && count > 1));
        }
        return groups;
    }

    private static long cell(double x, double y, double size) {
        return key((long) Math.floor(x / size), (long) Math.floor(y / size));
    }

    private static long key(long gx, long gy) {
        return (gx << 32) ^ (gy & 0xffffffffL);
    }
}
