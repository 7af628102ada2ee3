package org.incidentatlas.timeline;

import java.time.Instant;
import org.incidentatlas.model.IncidentCatalog;

/**
 * Incident counts per lane (category) over the catalog's span, as a pyramid: level {@code L} splits the span
 * into {@code 2^L} equal bins by each incident's midpoint, up to {@value #FINEST} levels. Built once per
 * catalog in O(n); a redraw then reads the level whose bins are about a pixel column wide, so its cost depends
 * on the width on screen, not on the number of incidents. Immutable after construction.
 */
final class LaneHistogram {
    static final int FINEST = 16;

    private final long start;
    private final long end;
    /** counts[level][lane][bin] */
    private final int[][][] counts;

    LaneHistogram(IncidentCatalog c) {
        Instant[] span = c.timeSpan().orElse(new Instant[] {Instant.EPOCH, Instant.EPOCH.plusMillis(1)});
        start = span[0].toEpochMilli();
        end = Math.max(start + 1, span[1].toEpochMilli());
        int lanes = Math.max(1, c.categories().size());
        counts = new int[FINEST + 1][][];
        int finest = 1 << FINEST;
        int[][] top = new int[lanes][finest];
        double binMillis = (end - start) / (double) finest;
        for (int i = 0; i < c.datedCount(); i++) {
            double mid = (c.earliestMillis(i) + (double) c.latestMillis(i)) / 2;
            int b = (int) Math.min(finest - 1, Math.max(0, (mid - start) / binMillis));
            top[c.categoryIndex(i)][b]++;
        }
        counts[FINEST] = top;
        for (int level = FINEST - 1; level >= 0; level--) {
            int[][] finer = counts[level + 1];
            int[][] coarse = new int[lanes][1 << level];
            for (int l = 0; l < lanes; l++) {
                for (int b = 0; b < coarse[l].length; b++) {
                    coarse[l][b] = finer[l][2 * b] + finer[l][2 * b + 1];
                }
            }
            counts[level] = coarse;
        }
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** The coarsest level whose bins are at most {@code maxMillis} long, or -1 when even the finest is longer. */
    int levelFor(double maxMillis) {
        for (int level = 0; level <= FINEST; level++) {
            if ((end - start) / (double) (1L << level) <= maxMillis) {
                return level;
            }
        }
        return -1;
    }

    double binMillis(int level) {
        return (end - start) / (double) (1L << level);
    }

    int count(int level, int lane, int bin) {
        return counts[level][lane][bin];
    }

    int bins(int level) {
        return 1 << level;
    }
}
