package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentCatalogTest {
    private static final Category CAT = new Category("c", "C", null);

    static Incident inc(String id, String when, Double lat, Double lon) {
        GeoLocation g = lat == null ? null : new GeoLocation(null, id, lat, lon, null, null, PlacePrecision.SITE, null);
        return new Incident(id, id, when == null ? null : Edtf.parse(when), g, CAT, null, null, List.of(), List.of(),
                List.of());
    }

    private final IncidentCatalog catalog = new IncidentCatalog("t", List.of(CAT), List.of(
            inc("drones", "2021-06-06~", 33.78, 42.44),
            inc("undated", null, 33.78, 42.44),
            inc("isis", "2014/2017", 32.9, 42.1),
            inc("rocket", "2021-06-06~", 33.26, 44.23),
            inc("strike", "2020-01-03", 33.26, 44.23),
            inc("statement", "2021-04", null, null)));

    @Test
    void sortsByTimeWithTiesInFileOrderAndUndatedLast() {
        assertEquals(List.of("isis", "strike", "statement", "drones", "rocket", "undated"),
                catalog.incidents().stream().map(Incident::id).toList());
        assertEquals(5, catalog.datedCount());
        assertEquals(3, catalog.indexOf("drones"));
        assertEquals(-1, catalog.indexOf("nope"));
    }

    @Test
    void aBigCatalogSortsAsASmallOneDoes() {
        // 60,000 incidents (the sort by packed keys on two threads) over few distinct dates, so that runs of one
        // earliest instant are long and their latest instants (years, months, days, intervals) differ
        String[] forms = {"2019", "2019-03", "2019-03-04", "2019-03/2019-05", "2019-03-04/2020", "2018/2019-03",
            "2019-03-04T10:00Z", "2019-03~", "2019?", "2017-12-31"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        List<Incident> given = new java.util.ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String when = r.nextInt(50) == 0 ? null : forms[r.nextInt(forms.length)];
            given.add(inc("i" + i, when, null, null));
        }
        IncidentCatalog big = new IncidentCatalog("t", List.of(CAT), given);
        java.util.Comparator<Incident> timeOrder = java.util.Comparator
                .comparing((Incident x) -> x.when() == null)
                .thenComparing(x -> x.when() == null ? Instant.MAX : x.when().earliest())
                .thenComparing(x -> x.when() == null ? Instant.MAX : x.when().latest());
        List<Incident> expected = given.stream().sorted(timeOrder).toList(); // a stable sort
        assertEquals(expected.stream().map(Incident::id).toList(),
                big.incidents().stream().map(Incident::id).toList());
    }

    @Test
    void findsIncidentsOverlappingAWindow() {
        assertArrayEquals(new int[] {0}, catalog.indicesOverlapping(Instant.parse("2016-05-01T00:00:00Z"),
                Instant.parse("2016-06-01T00:00:00Z")), "the 2014–2017 interval covers 2016");
        assertArrayEquals(new int[] {1}, catalog.indicesOverlapping(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-02-01T00:00:00Z")));
        assertArrayEquals(new int[] {2}, catalog.indicesOverlapping(Instant.parse("2021-04-30T23:00:00Z"),
                Instant.parse("2021-05-01T00:00:00Z")), "a month-precision date spans its whole month");
        assertArrayEquals(new int[] {}, catalog.indicesOverlapping(Instant.parse("2021-05-01T00:00:00Z"),
                Instant.parse("2021-06-06T00:00:00Z")), "half-open: ends exactly where June 6 begins");
        assertArrayEquals(new int[] {3, 4}, catalog.indicesOverlapping(Instant.parse("2021-06-06T12:00:00Z"),
                Instant.parse("2021-06-07T12:00:00Z")));
    }

    @Test
    void spanAndBounds() {
        Instant[] span = catalog.timeSpan().orElseThrow();
        assertEquals(Instant.parse("2014-01-01T00:00:00Z"), span[0]);
        assertEquals(Instant.parse("2021-06-07T00:00:00Z"), span[1]);
        GeoBounds b = catalog.bounds().orElseThrow();
        assertEquals(32.9, b.minLat());
        assertEquals(44.23, b.maxLon());
        assertTrue(IncidentCatalog.empty().timeSpan().isEmpty());
        assertTrue(IncidentCatalog.empty().bounds().isEmpty());
    }

    @Test
    void rejectsDuplicateIds() {
        assertThrows(IllegalArgumentException.class, () -> new IncidentCatalog("t", List.of(CAT),
                List.of(inc("a", null, null, null), inc("a", "2020", null, null))));
    }
    @Test
    void countsOverlapsInLogTimeConsistentlyWithTheIndexQuery() {
        long[][] windows = {{ms("2016-05-01"), ms("2016-06-01")}, {ms("2020-01-01"), ms("2020-02-01")},
            {ms("2021-06-06T12:00"), ms("2021-06-07T12:00")}, {ms("2000-01-01"), ms("2030-01-01")}, {5, 5}};
        for (long[] w : windows) {
            int[] idx = w[1] > w[0] ? catalog.indicesOverlapping(Instant.ofEpochMilli(w[0]), Instant.ofEpochMilli(w[1]))
                    : new int[0];
            assertEquals(idx.length, catalog.countOverlapping(w[0], w[1]));
            for (int i : idx) {
                assertTrue(catalog.overlaps(i, w[0], w[1]));
            }
        }
        assertEquals(0, catalog.categoryIndex(0));
    }

    @Test
    void keepsNarrativesInFileOrderWithOnlyTheStepsOfKnownIncidents() {
        Narrative told = new Narrative("told", "Told", "d", List.of(new NarrativeStep("rocket", "first"),
                new NarrativeStep("ghost", "not here"), new NarrativeStep("drones", null),
                new NarrativeStep("undated", "before")));
        Narrative whole = new Narrative("whole", "Whole", null, List.of(new NarrativeStep("isis", null)));
        IncidentCatalog c = new IncidentCatalog("t", List.of(CAT), catalog.incidents(), List.of(told, whole));
        assertEquals(List.of("told", "whole"), c.narratives().stream().map(Narrative::id).toList());
        Narrative kept = c.narratives().get(0);
        assertEquals(List.of(new NarrativeStep("rocket", "first"), new NarrativeStep("drones", null),
                new NarrativeStep("undated", "before")), kept.steps(), "told order, not time order");
        assertEquals("Told", kept.title());
        assertEquals("d", kept.description());
        assertSame(whole, c.narratives().get(1), "a narrative with nothing to drop is kept as is");
        assertThrows(UnsupportedOperationException.class, () -> c.narratives().clear());
        assertEquals(catalog.incidents(), c.incidents(), "narratives do not change the incidents");
    }

    @Test
    void dropsNarrativesLeftWithoutSteps() {
        IncidentCatalog c = new IncidentCatalog("t", List.of(CAT), List.of(inc("a", "2020", null, null)), List.of(
                new Narrative("gone", "Gone", null, List.of(new NarrativeStep("ghost", null))),
                new Narrative("empty", "Empty", null, List.of()),
                new Narrative("kept", "Kept", null, List.of(new NarrativeStep("a", null)))));
        assertEquals(List.of("kept"), c.narratives().stream().map(Narrative::id).toList());
        assertTrue(catalog.narratives().isEmpty(), "the three-argument constructor has no narratives");
        assertTrue(IncidentCatalog.empty().narratives().isEmpty());
    }

    @Test
    void rejectsDuplicateNarrativeIdsAndNullRequiredFields() {
        Narrative n = new Narrative("n", "N", null, List.of(new NarrativeStep("isis", null)));
        assertThrows(IllegalArgumentException.class,
                () -> new IncidentCatalog("t", List.of(CAT), catalog.incidents(), List.of(n, n)));
        assertThrows(NullPointerException.class, () -> new Narrative(null, "N", null, List.of()));
        assertThrows(NullPointerException.class, () -> new Narrative("n", null, null, List.of()));
        assertThrows(NullPointerException.class, () -> new NarrativeStep(null, "note"));
    }

    private static long ms(String text) {
        return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text + ":00Z").toEpochMilli();
    }

    /** Property: on random catalogs (points, short and open-ended intervals, undated) and random windows, the
     * indexed window query equals a brute-force scan, in order, and agrees with the O(log n) count. */
    @Test
    void windowQueriesMatchBruteForceOnRandomCatalogsAndWindows() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        String[] forms = {"2021-06-06", "2021-06", "2021", "2021-06-06T22:00Z", "2020-01-03/2020-03-01",
            "2019-05/..", "../2018-02-01", "2014/2017", "2021-06-06~", "2020?"};
        for (int round = 0; round < 40; round++) {
            int n = round == 0 ? 60_000 : 1 + r.nextInt(400); // one above the size that builds on two threads
            java.util.List<Incident> list = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String when = r.nextDouble() < 0.05 ? null : shift(forms[r.nextInt(forms.length)], r.nextInt(6));
                list.add(new Incident("i" + i, "t", when == null ? null : Edtf.parse(when), null, CAT, null, null,
                        java.util.List.of(), java.util.List.of(), java.util.List.of()));
            }
            IncidentCatalog c = new IncidentCatalog("r", java.util.List.of(CAT), list);
            long min = Instant.parse("2010-01-01T00:00:00Z").toEpochMilli();
            long max = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
            for (int q = 0; q < 50; q++) {
                long a = min + (long) (r.nextDouble() * (max - min));
                long b = a + (long) (r.nextDouble() * r.nextDouble() * (max - min));
                int[] got = c.indicesOverlapping(Instant.ofEpochMilli(a), Instant.ofEpochMilli(b));
                int[] want = java.util.stream.IntStream.range(0, c.size()).filter(i -> c.overlaps(i, a, b)).toArray();
                assertArrayEquals(want, got, "round " + round + " window " + a + ".." + b);
                assertEquals(want.length, c.countOverlapping(a, b));
            }
        }
    }

    @Test
    void bigCatalogsFindEveryIdKeepPlacesAndCategoriesAndRejectDuplicates() {
        Category other = new Category("o", "O", null);
        List<Incident> list = new java.util.ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            GeoLocation g = i % 7 == 0 ? null
                    : new GeoLocation(null, "p", (i % 170) - 85.0, (i % 350) - 175.0, null, null, PlacePrecision.SITE,
                            null);
            list.add(new Incident("id-" + i, "t", i % 11 == 0 ? null : Edtf.parse(2000 + i % 20 + "-0" + (1 + i % 9)),
                    g, i % 3 == 0 ? other : CAT, null, null, List.of(), List.of(), List.of()));
        }
        IncidentCatalog c = new IncidentCatalog("big", List.of(CAT, other), list);
        for (int k = 0; k < c.size(); k++) {
            Incident inc = c.get(k);
            assertEquals(k, c.indexOf(inc.id()));
            assertEquals(inc.category() == other ? 1 : 0, c.categoryIndex(k));
            assertEquals(inc.where() == null ? Double.NaN : inc.where().lat(), c.lat(k));
            assertEquals(inc.where() == null ? Double.NaN : inc.where().lon(), c.lon(k));
        }
        assertEquals(-1, c.indexOf("id-60000"));
        list.add(list.get(12_345));
        assertThrows(IllegalArgumentException.class, () -> new IncidentCatalog("dup", List.of(CAT, other), list));
    }

    @Test
    void indicesMatchingFindsExactlyWhatAPlainLoopFinds() {
        for (int n : new int[] {0, 7, 100_001}) { // the last one is split over two threads
            List<Incident> list = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(inc("id-" + i, 2000 + (i * 7919) % 20 + "-01", null, null));
            }
            IncidentCatalog c = new IncidentCatalog("m", List.of(CAT), list);
            java.util.function.IntPredicate p = k -> k % 3 == 0 || c.get(k).id().endsWith("7");
            java.util.BitSet want = new java.util.BitSet();
            for (int k = 0; k < n; k++) {
                if (p.test(k)) {
                    want.set(k);
                }
            }
            assertEquals(want, c.indicesMatching(p), "n = " + n);
        }
    }

    @Test
    void areasPerIndexKeepNoAreaApartFromAnEmptyOneAndCountThemTogether() {
        List<Incident> list = new java.util.ArrayList<>();
        String[] areas = {null, "", "Al Anbar", null, "Al Anbar"};
        for (int i = 0; i < areas.length; i++) {
            GeoLocation g = new GeoLocation(null, "p", 33, 42, areas[i], null, PlacePrecision.SITE, null);
            list.add(new Incident("a" + i, "t", Edtf.parse("2021-06-0" + (i + 1)), g, CAT, null, null, List.of(),
                    List.of(), List.of()));
        }
        list.add(inc("unlocated", "2021-06-09", null, null));
        IncidentCatalog c = new IncidentCatalog("areas", List.of(CAT), list);
        for (int k = 0; k < c.size(); k++) {
            assertEquals(c.get(k).admin1(), c.admin1(k), "index " + k);
        }
        assertEquals(java.util.Map.of("", 4, "Al Anbar", 2), c.countsByAdmin1());
    }

    /** The form with every year moved by {@code years} - 3. */
    private static String shift(String form, int years) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(20\\d\\d)").matcher(form);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Integer.toString(Integer.parseInt(m.group(1)) + years - 3));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
