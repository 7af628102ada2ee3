package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The interval tree's centre is the value a sort would put in the middle, found without sorting. */
class StabbingIndexSelectTest {
    @Test
    void selectGivesWhatSortingWould() {
        SplittableRandom r = new SplittableRandom(12);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + r.nextInt(round < 1000 ? 12 : 400);
            long[] a = new long[n];
            int shape = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                a[i] = switch (shape) {
                    case 0 -> r.nextLong();
                    case 1 -> r.nextInt(4); // many equal values
                    case 2 -> i; // sorted
                    case 3 -> n - i; // reversed
                    default -> 7; // all equal
                };
            }
            long[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(n);
            assertEquals(sorted[k], StabbingIndex.select(a.clone(), k), () -> "k=" + k + " of " + Arrays.toString(a));
        }
    }
}
