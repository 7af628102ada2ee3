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
    private static final Comparator<Incident> TIME_ORDER = Comparator
            .comparing((Incident i) -> i.when() == null)
            .thenComparing(i -> i.when() == null ? Instant.MAX : i.when().earliest())
            .thenComparing(i -> i.when() == null ? Instant.MAX : i.when().latest());

    private final String title;
    private final List<Incident> incidents;
    private final List<Category> categories;
    private final List<Narrative> narratives;
    private final List<Era> eras;
    private final Map<String, Integer> indexById;
    private final long[] earliestMillis;
    private final long[] latestMillis;
    private final long[] latestSorted;
    private final int[] categoryIndex;
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
        this.eras = List.copyOf(eras);
        this.title = title == null ? "" : title;
        this.categories = List.copyOf(categories);
        List<Incident> sorted = new ArrayList<>(incidents);
        sorted.sort(TIME_ORDER); // List.sort is stable: ties keep file order
        this.incidents = Collections.unmodifiableList(sorted);
        Map<String, Integer> byId = new HashMap<>();
        earliestMillis = new long[sorted.size()];
        latestMillis = new long[sorted.size()];
        int dated = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Incident inc = sorted.get(i);
            if (byId.put(inc.id(), i) != null) {
                throw new IllegalArgumentException("duplicate incident id \"" + inc.id() + "\"");
            }
            if (inc.when() != null) {
                earliestMillis[i] = inc.when().earliest().toEpochMilli();
                latestMillis[i] = inc.when().latest().toEpochMilli();
                dated++;
            }
        }
        this.indexById = byId;
        this.datedCount = dated;
        this.latestSorted = Arrays.copyOf(latestMillis, dated);
        Arrays.sort(latestSorted);
        Map<Category, Integer> catIndex = new HashMap<>();
        for (int c = 0; c < this.categories.size(); c++) {
            catIndex.put(this.categories.get(c), c);
        }
        categoryIndex = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            categoryIndex[i] = catIndex.getOrDefault(sorted.get(i).category(), 0);
        }
        this.narratives = keepKnownSteps(narratives, byId);
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
        return lowerBound(earliestMillis, datedCount, toMillis) - upperBound(latestSorted, fromMillis);
    }

    /** True when the dated incident at {@code index} overlaps {@code [from, to)}. */
    public boolean overlaps(int index, long fromMillis, long toMillis) {
        return index < datedCount && earliestMillis[index] < toMillis && latestMillis[index] > fromMillis;
    }

    /** First index in {@code a[0, n)} whose value is {@code >= key}. */
    private static int lowerBound(long[] a, int n, long key) {
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

    /** Number of values in sorted {@code a} that are {@code <= key}. */
    private static int upperBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
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
        return incidents.get(index);
    }

    /** Index of the incident with this id, or -1. */
    public int indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
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
        long max = Long.MIN_VALUE;
        for (int i = 0; i < datedCount; i++) {
            max = Math.max(max, latestMillis[i]);
        }
        return Optional.of(new Instant[] {Instant.ofEpochMilli(earliestMillis[0]), Instant.ofEpochMilli(max)});
    }

    /**
     * Indices (ascending) of dated incidents whose extent overlaps the half-open range {@code [from, to)}.
     */
    public int[] indicesOverlapping(Instant from, Instant to) {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        // Incidents starting at or after 'to' cannot overlap: binary search for the end of the candidates.
        int lo = 0;
        int hi = datedCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (earliestMillis[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int[] out = new int[lo];
        int n = 0;
        for (int i = 0; i < lo; i++) {
            if (latestMillis[i] > f) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Bounds of the located incidents, or empty when none is located. */
    public Optional<GeoBounds> bounds() {
        double minLat = Double.POSITIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (Incident inc : incidents) {
            GeoLocation g = inc.where();
            if (g != null) {
                minLat = Math.min(minLat, g.lat());
                maxLat = Math.max(maxLat, g.lat());
                minLon = Math.min(minLon, g.lon());
                maxLon = Math.max(maxLon, g.lon());
            }
        }
        return minLat > maxLat ? Optional.empty() : Optional.of(new GeoBounds(minLat, minLon, maxLat, maxLon));
    }

    /** Number of incidents per category id, in category order. */
    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        categories.forEach(c -> counts.put(c.id(), 0));
        incidents.forEach(i -> counts.merge(i.category().id(), 1, Integer::sum));
        return counts;
    }
}
