package org.incidentatlas.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, time-sorted set of incidents: the one thing every view reads.
 *
 * <p>Order: dated incidents by earliest instant, then by latest instant, ties keeping file order; undated
 * incidents last, in file order. Views address incidents by their index in this order; the API is
 * index-based so that storage can later move to primitive arrays without touching the views.
 *
 * <p>The catalog also holds the file's {@linkplain #narratives() narratives}, in file order. It keeps only the
 * steps whose incident is in the catalog, and drops a narrative that is left with no steps.
 * Thread-safe (immutable).
 */
public final class IncidentCatalog {
    private final String title;
    /** The incidents, packed, in time order. */
    private final IncidentStore store;
    /** {@link #store} as an unmodifiable list; each {@code get} makes a new (equal) view. */
    private final List<Incident> incidents;
    private final List<Category> categories;
    private final List<Narrative> narratives;
    private final List<Era> eras;
    /** Open-addressing hash of ids: slot → incident index + 1 (0 = empty); 4–8 bytes per incident. */
    private final int[] idTable;
    private final long[] earliestMillis;
    private final long[] latestMillis;
    private final long[] latestSorted;
    private final StabbingIndex stabbing;
    /** Latitude and longitude of each incident (NaN when unlocated): the map reads these, not the records. */
    private final double[] lat;
    private final double[] lon;
    private final Map<String, Integer> categoryCounts;
    private final Map<String, Integer> admin1Counts;
    private final int[] categoryIndex;
    /** Per incident, its first-level area as an index into {@link #areas} (where {@code null} means none). */
    private final int[] areaIndex;
    private final String[] areas;
    /** Time indices in the order the incidents' bytes lie in the store (file order): for scans of every one. */
    private final int[] storedOrder;
    private final int datedCount;

    /**
     * A catalog without narratives.
     *
     * @param title      the file's title, may be {@code null}
     * @param categories categories in file order
     * @param incidents  incidents in file order; ids must be unique
     * @throws IllegalArgumentException on a duplicate id
     */
    public IncidentCatalog(String title, List<Category> categories, List<Incident> incidents) {
        this(title, categories, incidents, List.of());
    }

    /**
     * @param title      the file's title, may be {@code null}
     * @param categories categories in file order
     * @param incidents  incidents in file order; ids must be unique
     * @param narratives narratives in file order; ids must be unique. Steps whose incident id is not among
     *                   {@code incidents} are left out, and a narrative left with no steps is left out too
     * @throws IllegalArgumentException on a duplicate incident id or a duplicate narrative id
     */
    public IncidentCatalog(String title, List<Category> categories, List<Incident> incidents,
                           List<Narrative> narratives) {
        this(title, categories, incidents, narratives, List.of());
    }

    /**
     * A catalog with eras: labelled background spans (from TimelineJS files), drawn behind the incidents.
     *
     * @param eras in file order
     * @see #IncidentCatalog(String, List, List, List)
     */
    public IncidentCatalog(String title, List<Category> categories, List<Incident> incidents,
                           List<Narrative> narratives, List<Era> eras) {
        this(title, categories, storeOf(incidents), narratives, eras);
    }

    /**
     * A catalog of the incidents in {@code store} (in file order), which it keeps: the store must not be added to
     * afterwards. What a reader of big files builds, so that no incident is ever a set of small objects.
     *
     * @see #IncidentCatalog(String, List, List, List)
     */
    public IncidentCatalog(String title, List<Category> categories, IncidentStore store, List<Narrative> narratives) {
        this(title, categories, store, narratives, List.of());
    }

    private static IncidentStore storeOf(List<Incident> incidents) {
        IncidentStore store = new IncidentStore();
        for (Incident inc : incidents) {
            store.add(java.util.Objects.requireNonNull(inc, "incident"));
        }
        return store;
    }

    private IncidentCatalog(String title, List<Category> categories, IncidentStore given, List<Narrative> narratives,
                            List<Era> eras) {
        this.eras = List.copyOf(eras);
        this.title = title == null ? "" : title;
        this.categories = List.copyOf(categories);
        given.trim();
        int n = given.size();
        // One pass in file order reads everything the indexes need: the incidents lie in memory roughly in the
        // order they were read, so this pass is sequential, and the passes in time order below touch only arrays.
        // A store filled by a reader kept these values as it went (in its reading threads): no decoding here, and
        // its arrays (at least n long) are used as they are.
        IncidentStore.Keys keys = given.keys();
        given.dropKeys(); // this catalog takes the arrays over (and spreads the id hashes in place)
        long[] e = keys != null ? keys.earliest : new long[n];
        long[] l = keys != null ? keys.latest : new long[n];
        boolean[] undated = new boolean[n];
        double[] latOf = keys != null ? keys.lat : new double[n];
        double[] lonOf = keys != null ? keys.lon : new double[n];
        int[] categoryOf = new int[n];
        int[] idHash = keys != null ? keys.idHash : new int[n];
        Map<Category, Integer> catIndex = new HashMap<>();
        for (int c = 0; c < this.categories.size(); c++) {
            catIndex.put(this.categories.get(c), c);
        }
        Map<String, Integer> areaIds = new HashMap<>();
        List<String> areaNames = new ArrayList<>();
        int[] areaOf = new int[n];
        int[] perCategory = new int[this.categories.size()];
        Category lastCategory = null;
        int lastCategoryIndex = 0;
        for (int i = 0; i < n; i++) {
            Incident inc = keys == null ? given.view(i) : null;
            String area;
            if (keys != null) {
                undated[i] = e[i] == Long.MAX_VALUE;
                idHash[i] = spread(idHash[i]);
                area = keys.area[i];
            } else {
                undated[i] = !inc.isDated();
                e[i] = undated[i] ? Long.MAX_VALUE : inc.earliestMillis();
                l[i] = undated[i] ? Long.MAX_VALUE : inc.latestMillis();
                latOf[i] = inc.lat();
                lonOf[i] = inc.lon();
                idHash[i] = spread(inc.id().hashCode());
                area = inc.admin1();
            }
            Category category = given.category(i);
            if (category != lastCategory) { // runs of one category object are common: skip the record hash
                lastCategory = category;
                lastCategoryIndex = catIndex.getOrDefault(lastCategory, 0);
            }
            categoryOf[i] = lastCategoryIndex;
            if (lastCategoryIndex < perCategory.length) {
                perCategory[lastCategoryIndex]++;
            }
            Integer a = areaIds.get(area); // null (no area) is a key of its own
            if (a == null) {
                a = areaIds.size();
                areaIds.put(area, a);
                areaNames.add(area);
            }
            areaOf[i] = a;
        }
        // Sort by (dated first, earliest, latest), stable, on primitive keys: no boxing, no comparator objects.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sort(order, e, l, undated);
        this.store = given.permuted(order);
        earliestMillis = new long[n];
        latestMillis = new long[n];
        int dated = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (!undated[i]) {
                earliestMillis[k] = e[i];
                latestMillis[k] = l[i];
                dated++;
            }
        }
        this.datedCount = dated;
        // The interval tree builds on another core while this one fills the per-index arrays and sorts the latest
        // instants; the id table builds on a third thread.
        int datedFinal = dated;
        java.util.concurrent.FutureTask<StabbingIndex> tree = started(n, "incident-atlas-time-index",
                () -> new StabbingIndex(earliestMillis, latestMillis, datedFinal));
        this.incidents = new Views();
        java.util.concurrent.FutureTask<int[]> ids = started(n, "incident-atlas-id-table",
                () -> idTable(order, idHash, store));
        categoryIndex = new int[n];
        lat = new double[n];
        lon = new double[n];
        areaIndex = new int[n];
        this.areas = areaNames.toArray(new String[0]);
        storedOrder = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            storedOrder[i] = k;
            categoryIndex[k] = categoryOf[i];
            areaIndex[k] = areaOf[i];
            lat[k] = latOf[i];
            lon[k] = lonOf[i];
        }
        long[] sortedLatest = Arrays.copyOf(latestMillis, dated);
        Arrays.sort(sortedLatest);
        this.latestSorted = sortedLatest;
        idTable = await(ids);
        this.stabbing = await(tree);
        Map<String, Integer> cats = new LinkedHashMap<>();
        for (int c = 0; c < perCategory.length; c++) {
            cats.merge(this.categories.get(c).id(), perCategory[c], Integer::sum);
        }
        categoryCounts = Collections.unmodifiableMap(cats);
        int[] perArea = new int[areaNames.size()];
        for (int a : areaOf) {
            perArea[a]++;
        }
        Map<String, Integer> admin1 = new HashMap<>();
        for (int a = 0; a < perArea.length; a++) {
            admin1.merge(areaNames.get(a) == null ? "" : areaNames.get(a), perArea[a], Integer::sum);
        }
        admin1Counts = Collections.unmodifiableMap(admin1);
        Map<String, Integer> byId = new HashMap<>();
        for (Narrative nar : narratives) {
            for (NarrativeStep st : nar.steps()) {
                int k = indexOf(st.incidentId());
                if (k >= 0) {
                    byId.put(st.incidentId(), k);
                }
            }
        }
        this.narratives = keepKnownSteps(narratives, byId);
    }

    /**
     * An open-addressing table of (sorted index + 1) by spread id hash, twice the size of the catalog.
     *
     * @throws IllegalArgumentException when two incidents have the same id
     */
    private static int[] idTable(int[] order, int[] idHash, IncidentStore store) {
        int n = order.length;
        int[] table = new int[Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1];
        int mask = table.length - 1;
        for (int k = 0; k < n; k++) {
            int h = idHash[order[k]];
            int slot = h & mask;
            String id = null;
            while (table[slot] != 0) {
                int other = table[slot] - 1;
                if (idHash[order[other]] == h) { // same hash: compare the ids themselves
                    id = id != null ? id : store.view(k).id();
                    if (store.view(other).id().equals(id)) {
                        throw new IllegalArgumentException("duplicate incident id \"" + id + "\"");
                    }
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = k + 1;
        }
        return table;
    }

    /** {@code work} as a task, run on a thread of its own for a big catalog, else here and now. */
    private static <T> java.util.concurrent.FutureTask<T> started(int n, String thread,
                                                                  java.util.concurrent.Callable<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        if (n < 50_000) {
            task.run();
        } else {
            Thread t = new Thread(task, thread);
            t.setDaemon(true);
            t.start();
        }
        return task;
    }

    /** The task's result, waiting without giving up on interrupts; its runtime exception rethrown. */
    private static <T> T await(java.util.concurrent.FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish building: a half-built catalog is of no use to anyone
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The catalog as a list: every {@code get} makes a new view of the stored incident. */
    private final class Views extends java.util.AbstractList<Incident> implements java.util.RandomAccess {
        @Override
        public Incident get(int index) {
            return store.get(index);
        }

        @Override
        public int size() {
            return store.size();
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    /**
     * Sorts {@code order} (all indices) by (undated, earliest, latest), stably. A big catalog sorts its two halves
     * on two threads, then merges them: the sort was a third of building a million-incident catalog.
     */
    private static void sort(int[] order, long[] e, long[] l, boolean[] undated) {
        int n = order.length;
        if (n >= 50_000 && sortPacked(order, e, l, undated)) {
            return;
        }
        int[] tmp = new int[n];
        if (n < 50_000) {
            mergeSort(order, tmp, 0, n, e, l, undated);
            return;
        }
        int mid = n >>> 1;
        Thread other = new Thread(() -> mergeSort(order, tmp, 0, mid, e, l, undated), "incident-atlas-sort");
        other.setDaemon(true);
        other.start();
        mergeSort(order, tmp, mid, n, e, l, undated);
        joinUninterrupted(other);
        merge(order, tmp, 0, mid, n, e, l, undated);
    }

    /** Index bits in a packed sort key: catalogs up to 2^21 (2,097,152) incidents. */
    private static final int INDEX_BITS = 21;

    /**
     * The same order as {@link #mergeSort}, found by sorting primitive keys: (earliest − the least earliest) in
     * the high bits and the index in the low {@link #INDEX_BITS}, so that equal instants keep their input order;
     * then each run of equal earliest instants is put in (latest, index) order. The keys sort on two threads.
     * False, with {@code order} untouched, when the file's instants span too long for the key (about 270
     * years of milliseconds) or the catalog is too big.
     */
    private static boolean sortPacked(int[] order, long[] e, long[] l, boolean[] undated) {
        int n = order.length;
        if (n > 1 << INDEX_BITS) {
            return false;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int dated = 0;
        for (int i = 0; i < n; i++) {
            if (!undated[i]) {
                min = Math.min(min, e[i]);
                max = Math.max(max, e[i]);
                dated++;
            }
        }
        if (dated > 0 && (max - min < 0 || max - min >= 1L << (63 - INDEX_BITS))) {
            return false;
        }
        long[] keys = new long[dated];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!undated[i]) {
                keys[k++] = (e[i] - min) << INDEX_BITS | i;
            }
        }
        int mid = dated >>> 1;
        Thread other = new Thread(() -> Arrays.sort(keys, 0, mid), "incident-atlas-sort");
        other.setDaemon(true);
        other.start();
        Arrays.sort(keys, mid, dated);
        joinUninterrupted(other);
        // merge the two sorted halves into order (keys differ in their index bits: no ties)
        long mask = (1L << INDEX_BITS) - 1;
        int i = 0;
        int j = mid;
        for (k = 0; k < dated; k++) {
            long key = j >= dated || (i < mid && keys[i] < keys[j]) ? keys[i++] : keys[j++];
            order[k] = (int) (key & mask);
        }
        for (int u = 0; u < n; u++) { // undated last, in input order
            if (undated[u]) {
                order[k++] = u;
            }
        }
        // runs of one earliest instant: by latest, ties in input order (already so within the run)
        int[] tmp = null;
        for (int from = 0; from < dated; ) {
            int to = from + 1;
            long at = e[order[from]];
            boolean sorted = true;
            while (to < dated && e[order[to]] == at) {
                sorted &= l[order[to]] >= l[order[to - 1]];
                to++;
            }
            if (!sorted && !sortRunPacked(order, from, to, l)) {
                if (tmp == null) {
                    tmp = new int[n];
                }
                mergeSort(order, tmp, from, to, e, l, undated);
            }
            from = to;
        }
        return true;
    }

    /**
     * Puts {@code order[from, to)}, a run of one earliest instant in index order, in (latest, index) order by
     * sorting packed keys; false, with nothing changed, when its latest instants span too long for the key.
     */
    private static boolean sortRunPacked(int[] order, int from, int to, long[] l) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = from; k < to; k++) {
            min = Math.min(min, l[order[k]]);
            max = Math.max(max, l[order[k]]);
        }
        if (max - min < 0 || max - min >= 1L << (63 - INDEX_BITS)) {
            return false;
        }
        long[] keys = new long[to - from];
        for (int k = from; k < to; k++) {
            keys[k - from] = (l[order[k]] - min) << INDEX_BITS | order[k];
        }
        Arrays.sort(keys);
        long mask = (1L << INDEX_BITS) - 1;
        for (int k = from; k < to; k++) {
            order[k] = (int) (keys[k - from] & mask);
        }
        return true;
    }

    private static void joinUninterrupted(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException ex) {
                interrupted = true; // the sort must finish: its arrays are half done
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stable merge sort of {@code a[from, to)} by (undated, earliest, latest); ties keep input order. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] e, long[] l, boolean[] undated) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && before(x, a[j], e, l, undated)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, e, l, undated);
        mergeSort(a, tmp, mid, to, e, l, undated);
        merge(a, tmp, from, mid, to, e, l, undated);
    }

    /** Merges the sorted runs {@code a[from, mid)} and {@code a[mid, to)}, the first run first on ties. */
    private static void merge(int[] a, int[] tmp, int from, int mid, int to, long[] e, long[] l, boolean[] undated) {
        if (!before(a[mid], a[mid - 1], e, l, undated)) {
            return; // already in order
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && !before(tmp[j], tmp[i], e, l, undated))) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** Strictly before in time order (so that equal keys keep their order). */
    private static boolean before(int x, int y, long[] e, long[] l, boolean[] undated) {
        if (undated[x] != undated[y]) {
            return !undated[x];
        }
        return e[x] < e[y] || (e[x] == e[y] && l[x] < l[y]);
    }

    /** The narratives with only the steps whose incident is known, less those left empty (file order kept). */
    private static List<Narrative> keepKnownSteps(List<Narrative> narratives, Map<String, Integer> byId) {
        Set<String> narrativeIds = new HashSet<>();
        List<Narrative> kept = new ArrayList<>(narratives.size());
        for (Narrative n : narratives) {
            if (!narrativeIds.add(n.id())) {
                throw new IllegalArgumentException("duplicate narrative id \"" + n.id() + "\"");
            }
            List<NarrativeStep> steps = n.steps().stream().filter(st -> byId.containsKey(st.incidentId())).toList();
            if (steps.isEmpty()) {
                continue;
            }
            kept.add(steps.size() == n.steps().size() ? n : new Narrative(n.id(), n.title(), n.description(), steps));
        }
        return List.copyOf(kept);
    }

    /** Position of the incident's category in {@link #categories()} (0 when the category is not listed). */
    public int categoryIndex(int index) {
        return categoryIndex[index];
    }

    /**
     * How many dated incidents overlap {@code [from, to)}, in O(log n): those that start before {@code to},
     * less those that ended by {@code from} (which all started before {@code to} too).
     */
    public int countOverlapping(long fromMillis, long toMillis) {
        if (toMillis <= fromMillis) {
            return 0;
        }
        return SortedLongs.lowerBound(earliestMillis, datedCount, toMillis)
                - SortedLongs.upperBound(latestSorted, latestSorted.length, fromMillis);
    }

    /** True when the dated incident at {@code index} overlaps {@code [from, to)}. */
    public boolean overlaps(int index, long fromMillis, long toMillis) {
        return index < datedCount && earliestMillis[index] < toMillis && latestMillis[index] > fromMillis;
    }

    /** An empty catalog. */
    public static IncidentCatalog empty() {
        return new IncidentCatalog("", List.of(), List.of());
    }

    public String title() {
        return title;
    }

    public int size() {
        return incidents.size();
    }

    public boolean isEmpty() {
        return incidents.isEmpty();
    }

    /** The incident at {@code index} in time order. */
    public Incident get(int index) {
        return store.get(index);
    }

    /** Index of the incident with this id, or -1. */
    public int indexOf(String id) {
        if (id == null) {
            return -1;
        }
        int mask = idTable.length - 1;
        for (int slot = spread(id.hashCode()) & mask; idTable[slot] != 0; slot = (slot + 1) & mask) {
            if (store.view(idTable[slot] - 1).id().equals(id)) {
                return idTable[slot] - 1;
            }
        }
        return -1;
    }

    /** All incidents in time order (unmodifiable). Prefer index-based access in views. */
    public List<Incident> incidents() {
        return incidents;
    }

    public List<Category> categories() {
        return categories;
    }

    /**
     * The narratives in file order (unmodifiable). Every step names an incident of this catalog, and every
     * narrative has at least one step: other steps, and narratives left without steps, were dropped.
     */
    public List<Narrative> narratives() {
        return narratives;
    }

    /** Labelled background spans in file order (unmodifiable); usually empty. */
    public List<Era> eras() {
        return eras;
    }

    /** Number of dated incidents; they occupy indices {@code [0, datedCount())}. */
    public int datedCount() {
        return datedCount;
    }

    /** Earliest instant of the incident at {@code index} in epoch milliseconds; undefined for undated ones. */
    public long earliestMillis(int index) {
        return earliestMillis[index];
    }

    /** Exclusive latest instant of the incident at {@code index} in epoch milliseconds; undefined for undated ones. */
    public long latestMillis(int index) {
        return latestMillis[index];
    }

    /** From the earliest start to the latest end of all dated incidents, or empty when none is dated. */
    public Optional<Instant[]> timeSpan() {
        if (datedCount == 0) {
            return Optional.empty();
        }
        // O(1): the first incident starts first; the sorted latest instants end with the last one
        return Optional.of(new Instant[] {Instant.ofEpochMilli(earliestMillis[0]),
            Instant.ofEpochMilli(latestSorted[datedCount - 1])});
    }

    /**
     * Indices (ascending) of dated incidents whose extent overlaps the half-open range {@code [from, to)}.
     */
    public int[] indicesOverlapping(Instant from, Instant to) {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        if (f >= t) {
            return new int[0];
        }
        // Those containing 'from' (O(log n + k) in the interval tree), then those starting inside (from, to):
        // a contiguous run of the time order. The first all come before the run.
        int runStart = SortedLongs.upperBound(earliestMillis, datedCount, f);
        int runEnd = SortedLongs.lowerBound(earliestMillis, datedCount, t);
        int[] stabbed = new int[16];
        int[] count = {0};
        int[][] box = {stabbed};
        stabbing.stab(f, i -> {
            if (count[0] == box[0].length) {
                box[0] = Arrays.copyOf(box[0], count[0] * 2);
            }
            box[0][count[0]++] = i;
        });
        int k = count[0];
        int[] out = Arrays.copyOf(box[0], k + Math.max(0, runEnd - runStart));
        Arrays.sort(out, 0, k);
        int n = k;
        for (int i = runStart; i < runEnd; i++) {
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    /** Bounds of the located incidents, or empty when none is located. */
    public Optional<GeoBounds> bounds() {
        double minLat = Double.POSITIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lat.length; i++) {
            if (!Double.isNaN(lat[i])) {
                minLat = Math.min(minLat, lat[i]);
                maxLat = Math.max(maxLat, lat[i]);
                minLon = Math.min(minLon, lon[i]);
                maxLon = Math.max(maxLon, lon[i]);
            }
        }
        return minLat > maxLat ? Optional.empty() : Optional.of(new GeoBounds(minLat, minLon, maxLat, maxLon));
    }

    /** Number of incidents per category id, in category order. */
    public Map<String, Integer> countsByCategory() {
        return categoryCounts; // counted once, when the catalog was built (on the loading thread)
    }

    /**
     * How many incidents each first-level area (governorate, province) has; the key {@code ""} counts those with
     * no area (unlocated, or no {@code admin1}). Counted once, when the catalog was built.
     */
    public Map<String, Integer> countsByAdmin1() {
        return admin1Counts;
    }

    /**
     * The indices for which {@code test} holds. Visits the incidents in the order they lie in memory rather than
     * in time order (a pass that reads every incident, such as a search, is much faster with sequential reads),
     * and, for big catalogs, in two halves on two cores. {@code test} must be safe to call from another thread.
     */
    public java.util.BitSet indicesMatching(java.util.function.IntPredicate test) {
        int n = storedOrder.length;
        if (n < 100_000 || Runtime.getRuntime().availableProcessors() < 2) {
            return matching(test, 0, n);
        }
        java.util.concurrent.ForkJoinTask<java.util.BitSet> other =
                java.util.concurrent.ForkJoinTask.adapt(() -> matching(test, n / 2, n)).fork();
        java.util.BitSet mine = matching(test, 0, n / 2);
        mine.or(other.join());
        return mine;
    }

    private java.util.BitSet matching(java.util.function.IntPredicate test, int from, int to) {
        java.util.BitSet b = new java.util.BitSet(storedOrder.length);
        for (int j = from; j < to; j++) {
            int k = storedOrder[j];
            if (test.test(k)) {
                b.set(k);
            }
        }
        return b;
    }

    /** The first-level area (governorate, province) of the incident at {@code index}, or {@code null}. */
    public String admin1(int index) {
        return areas[areaIndex[index]];
    }

    /** The category of the incident at {@code index}, without making the incident. */
    public Category category(int index) {
        return store.category(index);
    }

    /** Latitude of the incident, or NaN when it is unlocated. */
    public double lat(int index) {
        return lat[index];
    }

    /** Longitude of the incident, or NaN when it is unlocated. */
    public double lon(int index) {
        return lon[index];
    }
}
