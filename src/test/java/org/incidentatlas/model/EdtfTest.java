package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EdtfTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
        # literal                 | earliest             | latest               | precision | unc   | approx | interval | openStart | openEnd | offset
        2021-04                   | 2021-04-01T00:00:00Z | 2021-05-01T00:00:00Z | MONTH     | false | false  | false    | false     | false   | null
        2014                      | 2014-01-01T00:00:00Z | 2015-01-01T00:00:00Z | YEAR      | false | false  | false    | false     | false   | null
        2020-01-03                | 2020-01-03T00:00:00Z | 2020-01-04T00:00:00Z | DAY       | false | false  | false    | false     | false   | null
        2020-02-29                | 2020-02-29T00:00:00Z | 2020-03-01T00:00:00Z | DAY       | false | false  | false    | false     | false   | null
        2021-12                   | 2021-12-01T00:00:00Z | 2022-01-01T00:00:00Z | MONTH     | false | false  | false    | false     | false   | null
        0000                      | 0000-01-01T00:00:00Z | 0001-01-01T00:00:00Z | YEAR      | false | false  | false    | false     | false   | null
        9999                      | 9999-01-01T00:00:00Z | +10000-01-01T00:00:00Z | YEAR    | false | false  | false    | false     | false   | null
        2021-06-06T22:00+03:00    | 2021-06-06T19:00:00Z | 2021-06-06T19:01:00Z | MINUTE    | false | false  | false    | false     | false   | +03:00
        2021-06-06T22:00-05:30    | 2021-06-07T03:30:00Z | 2021-06-07T03:31:00Z | MINUTE    | false | false  | false    | false     | false   | -05:30
        2021-06-06T22:00+03       | 2021-06-06T19:00:00Z | 2021-06-06T19:01:00Z | MINUTE    | false | false  | false    | false     | false   | +03:00
        2021-06-06T22:00:05Z      | 2021-06-06T22:00:05Z | 2021-06-06T22:00:06Z | SECOND    | false | false  | false    | false     | false   | Z
        2021-06-06T22:00          | 2021-06-06T22:00:00Z | 2021-06-06T22:01:00Z | MINUTE    | false | false  | false    | false     | false   | null
        2014/2017                 | 2014-01-01T00:00:00Z | 2018-01-01T00:00:00Z | YEAR      | false | false  | true     | false     | false   | null
        2021-04/2021-06-06        | 2021-04-01T00:00:00Z | 2021-06-07T00:00:00Z | MONTH     | false | false  | true     | false     | false   | null
        2021-06-06/2021-06-06     | 2021-06-06T00:00:00Z | 2021-06-07T00:00:00Z | DAY       | false | false  | true     | false     | false   | null
        2014/..                   | 2014-01-01T00:00:00Z | 2015-01-01T00:00:00Z | YEAR      | false | false  | true     | false     | true    | null
        2014/                     | 2014-01-01T00:00:00Z | 2015-01-01T00:00:00Z | YEAR      | false | false  | true     | false     | true    | null
        ../2017                   | 2017-01-01T00:00:00Z | 2018-01-01T00:00:00Z | YEAR      | false | false  | true     | true      | false   | null
        /2017                     | 2017-01-01T00:00:00Z | 2018-01-01T00:00:00Z | YEAR      | false | false  | true     | true      | false   | null
        ../2021-06-06             | 2021-06-06T00:00:00Z | 2021-06-07T00:00:00Z | DAY       | false | false  | true     | true      | false   | null
        2021-06-06~               | 2021-06-06T00:00:00Z | 2021-06-07T00:00:00Z | DAY       | false | true   | false    | false     | false   | null
        2021-06?                  | 2021-06-01T00:00:00Z | 2021-07-01T00:00:00Z | MONTH     | true  | false  | false    | false     | false   | null
        2021-06-06%               | 2021-06-06T00:00:00Z | 2021-06-07T00:00:00Z | DAY       | true  | true   | false    | false     | false   | null
        2021~                     | 2021-01-01T00:00:00Z | 2022-01-01T00:00:00Z | YEAR      | false | true   | false    | false     | false   | null
        2014~/2017                | 2014-01-01T00:00:00Z | 2018-01-01T00:00:00Z | YEAR      | false | true   | true     | false     | false   | null
        2014/2017?                | 2014-01-01T00:00:00Z | 2018-01-01T00:00:00Z | YEAR      | true  | false  | true     | false     | false   | null
        2014?/..                  | 2014-01-01T00:00:00Z | 2015-01-01T00:00:00Z | YEAR      | true  | false  | true     | false     | true    | null
        """)
    void acceptsAndResolves(String literal, String earliest, String latest, TimePrecision precision,
                            boolean uncertain, boolean approximate, boolean interval,
                            boolean openStart, boolean openEnd, String offset) {
        TimeExtent t = Edtf.parse(literal);
        assertAll(
                () -> assertEquals(literal, t.literal(), "literal"),
                () -> assertEquals(at(earliest), t.earliest(), "earliest"),
                () -> assertEquals(at(latest), t.latest(), "latest"),
                () -> assertEquals(precision, t.precision(), "precision"),
                () -> assertEquals(uncertain, t.uncertain(), "uncertain"),
                () -> assertEquals(approximate, t.approximate(), "approximate"),
                () -> assertEquals(!uncertain && !approximate, t.isExact(), "isExact"),
                () -> assertEquals(interval, t.interval(), "interval"),
                () -> assertEquals(openStart, t.openStart(), "openStart"),
                () -> assertEquals(openEnd, t.openEnd(), "openEnd"),
                () -> assertEquals(offset == null ? null : ZoneOffset.of(offset), t.offset(), "offset"));
    }

    @Test
    void trimsSurroundingWhitespaceButKeepsPositionsInTheOriginalText() {
        TimeExtent t = Edtf.parse("  2021-06 \t");
        assertEquals("2021-06", t.literal());
        assertEquals(at("2021-06-01T00:00:00Z"), t.earliest());

        EdtfException e = assertThrows(EdtfException.class, () -> Edtf.parse("  2021-13"));
        assertEquals(7, e.position());
        assertEquals("  2021-13", e.input());
    }

    @Test
    void zuluOffsetIsUtcAndMissingOffsetIsNull() {
        assertEquals(ZoneOffset.UTC, Edtf.parse("2021-06-06T22:00Z").offset());
        assertNull(Edtf.parse("2021-06-06T22:00").offset());
        assertNull(Edtf.parse("2021-06-06").offset());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # input                        | expected message fragment                       | position (-1: not checked)
        ""                             | expected an EDTF date such as 2021-06-07         | 0
        "   "                          | expected an EDTF date such as 2021-06-07         | 0
        2021-13                        | month must be 01–12                               | 5
        2021-00                        | month must be 01–12                               | 5
        2021-02-30                     | day must be 01–28 in February 2021                | 8
        2021-04-31                     | day must be 01–30 in April 2021                   | 8
        2021-06-00                     | day must be 01–31                                 | 8
        21-06                          | year must have exactly 4 digits                   | 0
        20210                          | year must have exactly 4 digits                   | 0
        2021/06/06                     | more than one '/'                                 | 7
        June 2021                      | expected an EDTF date such as 2021-06-07         | 0
        2021-06-06T25:00Z              | hour must be 00–23                                | 11
        2021-06-06T22:60Z              | minute must be 00–59                              | 14
        2021-06-06T22:00:60Z           | second must be 00–59                              | 17
        2021-06-06T22Z                 | expected ':' and two-digit minutes                | 13
        2021-06-06T22:00+3             | offset must be Z, ±hh or ±hh:mm                   | 16
        2021-06-06T22:00+19:00         | offset must be between -18:00 and +18:00          | 16
        2021-06-06T22:00+03:00x        | unexpected 'x' after the offset                   | 22
        2021-6-6                       | month must be two digits                          | 5
        2021-06-6                      | day must be two digits                            | 8
        2021-                          | month must be two digits                          | 5
        2021-06-06x                    | unexpected 'x' after the date                     | 10
        2021-06-06 12:00               | unexpected space after the date                   | 10
        2021T10:00                     | a time needs a full date                          | 4
        2021??                         | only one qualifier                                | 5
        2021-06~?                      | only one qualifier                                | 8
        2021-06-06T22:00~              | qualifiers (?, ~, %) cannot be applied to a date-time | 16
        2021-06-06T22:00Z?             | qualifiers (?, ~, %) cannot be applied to a date-time | 17
        2021-21                        | seasons                                           | 5
        2021-21                        | not supported yet                                 | 5
        201X                           | unspecified digits (X) are not supported yet      | 3
        2021-XX                        | unspecified digits (X) are not supported yet      | 5
        -2021                          | negative years are not supported yet              | 0
        Y170000                        | 'Y' prefix are not supported yet                  | 0
        ../..                          | at least one known date                           | 0
        /                              | at least one known date                           | 0
        ..                             | expected an EDTF date such as 2021-06-07         | 0
        2017/2014                      | ends before it starts                             | 5
        2021-06-07/2021-06-06          | ends before it starts                             | 11
        2021-06-06T22:00Z/2021-06-07   | date-times are not supported inside intervals     | 10
        2014/June                      | expected an EDTF date such as 2021-06-07         | 5
        """)
    void rejectsWithAHelpfulMessage(String input, String fragment, int position) {
        EdtfException e = assertThrows(EdtfException.class, () -> Edtf.parse(input));
        assertTrue(e.getMessage().contains(fragment), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("\"" + input + "\": "), () -> "message was: " + e.getMessage());
        assertEquals(input, e.input());
        if (position >= 0) {
            assertEquals(position, e.position(), () -> "message was: " + e.getMessage());
            assertTrue(e.getMessage().endsWith(" at position " + position), () -> "message was: " + e.getMessage());
        }
    }

    @Test
    void nullIsRejectedLikeEmptyText() {
        EdtfException e = assertThrows(EdtfException.class, () -> Edtf.parse(null));
        assertEquals("", e.input());
        assertEquals(0, e.position());
    }

    @Test
    void exceptionIsAnIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Edtf.parse("2021-13"));
        assertEquals("\"2021-13\": month must be 01–12 at position 5", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-06-06", "2014/2017", "2021-06-06T22:00:05Z", "../2017", "2014/.."})
    void durationAndMidpointAreConsistent(String literal) {
        TimeExtent t = Edtf.parse(literal);
        assertEquals(Duration.between(t.earliest(), t.latest()), t.duration());
        assertTrue(t.midpoint().isAfter(t.earliest()) && t.midpoint().isBefore(t.latest()));
        assertEquals(t.duration(), Duration.between(t.earliest(), t.midpoint()).multipliedBy(2));
    }

    @Test
    void durationsOfCommonForms() {
        assertEquals(Duration.ofDays(1), Edtf.parse("2021-06-06").duration());
        assertEquals(Duration.ofDays(30), Edtf.parse("2021-04").duration());
        assertEquals(Duration.ofMinutes(1), Edtf.parse("2021-06-06T22:00Z").duration());
        assertEquals(Duration.ofSeconds(1), Edtf.parse("2021-06-06T22:00:05Z").duration());
        assertEquals(at("2021-06-06T12:00:00Z"), Edtf.parse("2021-06-06").midpoint());
    }

    @Test
    void overlapsIsHalfOpen() {
        TimeExtent april = Edtf.parse("2021-04");
        assertTrue(april.overlaps(at("2021-03-01T00:00:00Z"), at("2021-04-01T00:00:01Z")));
        assertFalse(april.overlaps(at("2021-03-01T00:00:00Z"), at("2021-04-01T00:00:00Z")),
                "a range ending exactly where April starts does not touch it");
        assertTrue(april.overlaps(at("2021-04-30T23:59:59Z"), at("2021-06-01T00:00:00Z")));
        assertFalse(april.overlaps(at("2021-05-01T00:00:00Z"), at("2021-06-01T00:00:00Z")),
                "April's latest is exclusive");
        assertTrue(april.overlaps(at("2021-04-10T00:00:00Z"), at("2021-04-11T00:00:00Z")), "range inside");
        assertTrue(april.overlaps(at("2020-01-01T00:00:00Z"), at("2022-01-01T00:00:00Z")), "range around");
        assertFalse(april.overlaps(at("2021-04-10T00:00:00Z"), at("2021-04-10T00:00:00Z")), "empty range");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        2021-06-06~               | about 6 June 2021 (day precision)
        2021-04?                  | sometime in April 2021 (month precision, uncertain)
        2021-06-06%               | about 6 June 2021 (day precision, uncertain)
        2014                      | sometime in 2014 (year precision)
        2020-01-03                | 3 January 2020 (day precision)
        2014/2017                 | 2014 – 2017 (year precision)
        2014~/2017                | about 2014 – 2017 (year precision)
        2021-04/2021-06-06        | April 2021 – June 2021 (month precision)
        2021-06-01/2021-06-06     | 1 June 2021 – 6 June 2021 (day precision)
        2014/..                   | from 2014, open end
        ../2017                   | until 2017, open start
        2020-01-03T22:00+03:00    | 3 January 2020 22:00 +03:00 (minute precision)
        2020-01-03T22:00:05Z      | 3 January 2020 22:00:05 UTC (second precision)
        2020-12-31T23:30-02:00    | 31 December 2020 23:30 -02:00 (minute precision)
        """)
    void describesForPeople(String literal, String expected) {
        assertEquals(expected, Edtf.parse(literal).describe());
    }

    @Test
    void timeExtentValidatesItsBounds() {
        Instant t0 = at("2021-01-01T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new TimeExtent("x", t0, t0, TimePrecision.DAY,
                false, false, false, false, false, null));
        assertThrows(IllegalArgumentException.class, () -> new TimeExtent("x", t0.plusSeconds(1), t0,
                TimePrecision.DAY, false, false, false, false, false, null));
        assertThrows(IllegalArgumentException.class, () -> new TimeExtent(null, t0, t0.plusSeconds(1),
                TimePrecision.DAY, false, false, false, false, false, null));
        assertThrows(IllegalArgumentException.class, () -> new TimeExtent("x", t0, t0.plusSeconds(1),
                null, false, false, false, false, false, null));
    }

    @Test
    void precisionLabels() {
        assertEquals("year", TimePrecision.YEAR.label());
        assertEquals("month", TimePrecision.MONTH.label());
        assertEquals("day", TimePrecision.DAY.label());
        assertEquals("minute", TimePrecision.MINUTE.label());
        assertEquals("second", TimePrecision.SECOND.label());
    }
}
