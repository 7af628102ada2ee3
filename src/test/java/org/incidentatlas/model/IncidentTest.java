package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The packed texts of an {@link Incident} come back exactly as they went in. */
class IncidentTest {
    private static final Category CAT = new Category("attack", "Attack", "#cc3333");

    private static Incident incident(String title, String summary, List<Source> sources, List<String> tags,
                                     List<String> related) {
        return new Incident("i-1", title, null, null, CAT, summary, null, sources, tags, related);
    }

    @Test
    void textsOfEveryKindComeBackExactly() {
        String arabic = "هجوم بطائرة مسيرة قرب قاعدة عين الأسد";
        String latin1 = "Café — no, that dash is wide; this is Latin-1: café, Größe";
        String surrogates = "rocket 🚀 and a lone \ud800 surrogate";
        String longText = "x".repeat(70_000) + "é";
        Source s = new Source("CNN", null, arabic, "2021-06-09", "https://example.org/a?b=c", "");
        Incident inc = incident(latin1, longText, List.of(s, new Source(null, null, null, null, null, null)),
                List.of(surrogates, ""), List.of("i-2", "a real ? mark", "?", "wide ? 日?", "\u0100?"));
        assertEquals(latin1, inc.title());
        assertEquals(longText, inc.summary());
        assertEquals(List.of(s, new Source(null, null, null, null, null, null)), inc.sources());
        assertEquals(List.of(surrogates, ""), inc.tags());
        assertEquals(List.of("i-2", "a real ? mark", "?", "wide ? 日?", "\u0100?"), inc.related());
    }

    @Test
    void timePlaceAndOutcomeComeBackExactly() {
        for (String date : List.of("2021-06-09", "2021-06-09T03:12:45+03:00", "2021-06-09T23:59Z", "2021-06~",
                "2014/2017", "2020-01-03/..", "../2021-04-07", "2021?", "0044-03-15", "1999-12-31T23:59:59-09:30")) {
            TimeExtent when = Edtf.parse(date);
            for (GeoLocation where : java.util.Arrays.asList(null,
                    new GeoLocation("asad", "Al-Asad Air Base", 33.7856, 42.4412, "Al Anbar", "IQ",
                            PlacePrecision.values()[0], 2.5),
                    new GeoLocation(null, "Baghdad", -0.0, -180, null, null, PlacePrecision.values()[1], null))) {
                for (Outcome outcome : java.util.Arrays.asList(null, new Outcome(null, null, null),
                        new Outcome(0, 300, "hangar"), new Outcome(2_000_000, null, "ärger"))) {
                    Incident inc = new Incident("i-9", "t", when, where, CAT, null, outcome, List.of(), List.of(),
                            List.of());
                    assertEquals(when, inc.when(), date);
                    assertEquals(where, inc.where());
                    assertEquals(outcome, inc.outcome());
                    assertEquals("i-9", inc.id());
                    assertEquals("t", inc.title());
                    assertEquals(when.earliest().toEpochMilli(), inc.earliestMillis());
                    assertEquals(when.latest().toEpochMilli(), inc.latestMillis());
                    assertEquals(where == null ? Double.NaN : where.lat(), inc.lat());
                    assertEquals(where == null ? Double.NaN : where.lon(), inc.lon());
                    assertEquals(where == null ? null : where.admin1(), inc.admin1());
                }
            }
        }
        Incident undated = new Incident("u", "t", null, null, CAT, "s", null, List.of(), List.of(), List.of());
        assertNull(undated.when());
        assertNull(undated.where());
        assertNull(undated.outcome());
        assertEquals("s", undated.summary());
    }

    @Test
    void absentSummaryAndEmptyListsStayThat() {
        Incident inc = incident("t", null, List.of(), List.of(), List.of());
        assertNull(inc.summary());
        assertEquals(List.of(), inc.sources());
        assertEquals(List.of(), inc.tags());
        assertEquals(List.of(), inc.related());
    }

    @Test
    void equalValuesAreEqualAndDifferentOnesAreNot() {
        Incident a = incident("t", "s", List.of(), List.of("a", "b"), List.of());
        Incident b = incident("t", "s", new ArrayList<>(List.of()), Arrays.asList("a", "b"), List.of());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, incident("t", "s", List.of(), List.of("ab"), List.of()));
        assertNotEquals(a, incident("t", null, List.of(), List.of("a", "b"), List.of()));
        assertNotEquals(a, incident("t", "", List.of(), List.of("a", "b"), List.of()));
    }

    @Test
    void missingRequiredValuesAreRefused() {
        assertThrows(NullPointerException.class, () -> incident(null, null, List.of(), List.of(), List.of()));
        assertThrows(NullPointerException.class, () -> incident("t", null, null, List.of(), List.of()));
        assertThrows(NullPointerException.class,
                () -> incident("t", null, List.of(), Arrays.asList("a", null), List.of()));
    }

    @Property(tries = 300)
    void anyStringsRoundTrip(@ForAll("texts") String title, @ForAll("texts") String quote,
                             @ForAll("texts") String tag) {
        Source s = new Source(quote, tag, quote, null, title, tag);
        Incident inc = incident(title, quote, List.of(s), List.of(tag, title), List.of(quote));
        assertEquals(title, inc.title());
        assertEquals(quote, inc.summary());
        assertEquals(List.of(s), inc.sources());
        assertEquals(List.of(tag, title), inc.tags());
        assertEquals(List.of(quote), inc.related());
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0600', '\u06ff').ofMaxLength(200));
    }
}
