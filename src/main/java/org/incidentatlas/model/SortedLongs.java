package org.incidentatlas.model;

/** Binary searches over sorted {@code long[]} prefixes, shared by the catalog's time arrays and the map's keys. */
public final class SortedLongs {
    private SortedLongs() {
    }

    /** First index in {@code a[0, n)} whose value is {@code >= key} ({@code n} when none). */
    public static int lowerBound(long[] a, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of values in {@code a[0, n)} that are {@code <= key}. */
    public static int upperBound(long[] a, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
