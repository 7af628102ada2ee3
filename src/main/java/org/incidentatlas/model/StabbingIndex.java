package org.incidentatlas.model;

import java.util.Arrays;

/**
 * A centred interval tree over time extents, answering "which extents contain the instant f?" (earliest ≤ f &lt;
 * latest) in O(log n + k). With the catalog's time order (sorted by earliest), an overlap query for a window
 * [f, t) is this stabbing query at f plus the contiguous run of extents that start inside (f, t): O(log n + k)
 * whatever the extents' lengths (open-ended intervals included).
 *
 * <p>Flat arrays: each node holds the extents that contain its centre, once sorted by earliest ascending and once
 * by latest descending. About 8 bytes per extent plus 28 per node. Immutable once built.
 */
final class StabbingIndex {
    private final long[] earliest;
    private final long[] latest;
    // per node
    private long[] centre = new long[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private int[] from = new int[16];
    private int[] to = new int[16];
    private int nodes;
    private final int root;
    /** Extents of all nodes, node by node: by earliest ascending, and by latest descending. */
    private final int[] byStart;
    private final int[] byEnd;
    private int filled;

    /**
     * Indexes extents 0 … n-1 given by {@code earliest[i]} and {@code latest[i]}, in earliest order (the catalog's).
     *
     * @throws IllegalArgumentException when {@code earliest} decreases somewhere in 0 … n-1
     */
    StabbingIndex(long[] earliest, long[] latest, int n) {
        for (int i = 1; i < n; i++) {
            if (earliest[i] < earliest[i - 1]) {
                throw new IllegalArgumentException("extents not in earliest order at " + i);
            }
        }
        this.earliest = earliest;
        this.latest = latest;
        byStart = new int[n];
        byEnd = new int[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        // scratch shared by all nodes: a node over items[lo, hi) uses only [lo, hi) of each
        mids = new long[n];
        lefts = new int[n];
        rights = new int[n];
        root = build(all, 0, n);
        mids = null;
        lefts = null;
        rights = null;
    }

    private long[] mids;
    private int[] lefts;
    private int[] rights;

    /**
     * Builds the node over items[lo, hi) (in index order) and its subtrees: the items containing the centre stay at
     * items[lo …], then those wholly left and those wholly right follow, each still in index order, and are built
     * in turn. Returns the node, or -1 for none.
     */
    private int build(int[] items, int lo, int hi) {
        int count = hi - lo;
        if (count == 0) {
            return -1;
        }
        // centre: the median of the extents' midpoints keeps the tree balanced
        long[] m = mids;
        for (int k = lo; k < hi; k++) {
            int i = items[k];
            m[k] = earliest[i] / 2 + latest[i] / 2;
        }
        long c = select(m, lo, hi, lo + count / 2); // what sorting would put there, without sorting
        int nl = 0;
        int nr = 0;
        int here = lo;
        for (int k = lo; k < hi; k++) {
            int i = items[k];
            if (latest[i] < c) {
                lefts[lo + nl++] = i;
            } else if (earliest[i] > c) {
                rights[lo + nr++] = i;
            } else {
                items[here++] = i; // contains c: stays at this node
            }
        }
        int node = nodes++;
        if (node == centre.length) {
            int cap = node * 2;
            centre = Arrays.copyOf(centre, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            from = Arrays.copyOf(from, cap);
            to = Arrays.copyOf(to, cap);
        }
        int atNode = here - lo;
        centre[node] = c;
        from[node] = filled;
        to[node] = filled + atNode;
        // items stay in index order, which is earliest order: nothing to sort for byStart
        System.arraycopy(items, lo, byStart, filled, atNode);
        sortDescending(items, lo, atNode, latest, byEnd, filled);
        filled += atNode;
        System.arraycopy(lefts, lo, items, here, nl);
        System.arraycopy(rights, lo, items, here + nl, nr);
        int l = build(items, here, here + nl);
        int r = build(items, here + nl, hi);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** The value {@code Arrays.sort(a)} would put at {@code a[k]}; reorders {@code a}. Hoare's quickselect. */
    static long select(long[] a, int k) {
        return select(a, 0, a.length, k);
    }

    /** The value sorting {@code a[from, to)} would put at {@code a[k]}; reorders that range. */
    static long select(long[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int m = (lo + hi) >>> 1; // median of three as the pivot: sorted and reversed runs stay fast
            long x = a[lo];
            long y = a[m];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k]; // between the two parts: equal to the pivot
            }
        }
        return a[k];
    }

    /** Copies items[from, from + count) into out[at …], sorted by key descending. */
    private static void sortDescending(int[] items, int from, int count, long[] key, int[] out, int at) {
        int[] idx = Arrays.copyOfRange(items, from, from + count);
        long[] k = new long[count];
        for (int j = 0; j < count; j++) {
            k[j] = -key[idx[j]];
        }
        sortPairs(k, idx, 0, count, new long[count], new int[count]);
        System.arraycopy(idx, 0, out, at, count);
    }

    private static void sortPairs(long[] k, int[] v, int lo, int hi, long[] tk, int[] tv) {
        if (hi - lo < 24) {
            for (int a = lo + 1; a < hi; a++) {
                long kk = k[a];
                int vv = v[a];
                int b = a - 1;
                while (b >= lo && k[b] > kk) {
                    k[b + 1] = k[b];
                    v[b + 1] = v[b];
                    b--;
                }
                k[b + 1] = kk;
                v[b + 1] = vv;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        sortPairs(k, v, lo, mid, tk, tv);
        sortPairs(k, v, mid, hi, tk, tv);
        System.arraycopy(k, lo, tk, lo, hi - lo);
        System.arraycopy(v, lo, tv, lo, hi - lo);
        int a = lo;
        int b = mid;
        for (int o = lo; o < hi; o++) {
            if (b >= hi || (a < mid && tk[a] <= tk[b])) {
                k[o] = tk[a];
                v[o] = tv[a++];
            } else {
                k[o] = tk[b];
                v[o] = tv[b++];
            }
        }
    }

    /** Calls {@code out} with every extent i where earliest[i] ≤ f &lt; latest[i]; O(log n + k). */
    void stab(long f, java.util.function.IntConsumer out) {
        int node = root;
        while (node >= 0) {
            if (f < centre[node]) {
                // all here end at or after the centre, beyond f: those starting by f contain it
                for (int p = from[node]; p < to[node] && earliest[byStart[p]] <= f; p++) {
                    if (latest[byStart[p]] > f) {
                        out.accept(byStart[p]);
                    }
                }
                node = left[node];
            } else {
                // all here start at or before the centre, so by f: those ending after f contain it
                for (int p = from[node]; p < to[node] && latest[byEnd[p]] > f; p++) {
                    out.accept(byEnd[p]);
                }
                node = right[node];
            }
        }
    }
}
