package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Laws of the EDTF parser: a value built from its parts, written out, parses back to those parts; whitespace
 * around it changes nothing; parsing what was parsed changes nothing; and any text at all either parses or is
 * refused with an {@link EdtfException} pointing inside it, never another exception.
 */
class EdtfPropertiesTest {
    /** A date of year, month or day precision with an optional qualifier, and what it must parse to. */
    record DatePart(String text, Instant earliest, Instant latest, TimePrecision precision, boolean uncertain,
                    boolean approximate) {
    }

    @Provide
    Arbitrary<DatePart> dates() {
        Arbitrary<Integer> years = Arbitraries.integers().between(0, 9999);
        Arbitrary<Integer> months = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> dayFractions = Arbitraries.integers().between(0, 30);
        Arbitrary<TimePrecision> precisions = Arbitraries.of(TimePrecision.YEAR, TimePrecision.MONTH, TimePrecision.DAY);
        Arbitrary<String> qualifiers = Arbitraries.of("", "?", "~", "%");
        return Combinators.combine(years, months, dayFractions, precisions, qualifiers).as((y, m, d, p, q) -> {
            int day = 1 + d % YearMonth.of(y, m).lengthOfMonth();
            LocalDate start = switch (p) {
                case YEAR -> LocalDate.of(y, 1, 1);
                case MONTH -> LocalDate.of(y, m, 1);
                default -> LocalDate.of(y, m, day);
            };
            LocalDate end = switch (p) {
                case YEAR -> start.plusYears(1);
                case MONTH -> start.plusMonths(1);
                default -> start.plusDays(1);
            };
            String text = switch (p) {
                case YEAR -> String.format("%04d", y);
                case MONTH -> String.format("%04d-%02d", y, m);
                default -> String.format("%04d-%02d-%02d", y, m, day);
            } + q;
            return new DatePart(text, start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    end.atStartOfDay(ZoneOffset.UTC).toInstant(), p, q.equals("?") || q.equals("%"),
                    q.equals("~") || q.equals("%"));
        });
    }

    @Property
    void aDateWrittenFromItsPartsParsesBackToThem(@ForAll("dates") DatePart d) {
        TimeExtent t = Edtf.parse(d.text());
        assertEquals(d.text(), t.literal());
        assertEquals(d.earliest(), t.earliest());
        assertEquals(d.latest(), t.latest());
        assertEquals(d.precision(), t.precision());
        assertEquals(d.uncertain(), t.uncertain());
        assertEquals(d.approximate(), t.approximate());
        assertEquals(false, t.interval());
    }

    @Property
    void anIntervalOfTwoOrderedDatesParsesToTheirSpanAndTheCoarserPrecision(@ForAll("dates") DatePart a,
                                                                            @ForAll("dates") DatePart b) {
        DatePart first = a.earliest().isAfter(b.earliest()) ? b : a;
        DatePart second = first == a ? b : a;
        TimeExtent t = Edtf.parse(first.text() + "/" + second.text());
        assertEquals(first.earliest(), t.earliest());
        assertEquals(second.latest(), t.latest());
        assertEquals(first.precision().compareTo(second.precision()) <= 0 ? first.precision() : second.precision(),
                t.precision());
        assertEquals(first.uncertain() || second.uncertain(), t.uncertain());
        assertEquals(first.approximate() || second.approximate(), t.approximate());
        assertTrue(t.interval() && !t.openStart() && !t.openEnd());
    }

    @Property
    void anIntervalWithOneOpenEndHasTheExtentOfItsKnownEnd(@ForAll("dates") DatePart d,
                                                          @ForAll boolean openAtStart, @ForAll boolean unknown) {
        String open = unknown ? "" : "..";
        TimeExtent t = Edtf.parse(openAtStart ? open + "/" + d.text() : d.text() + "/" + open);
        assertEquals(d.earliest(), t.earliest());
        assertEquals(d.latest(), t.latest());
        assertEquals(openAtStart, t.openStart());
        assertEquals(!openAtStart, t.openEnd());
    }

    /** A date-time and the instant it names. */
    record DateTimePart(String text, Instant instant, boolean seconds) {
    }

    @Provide
    Arbitrary<DateTimePart> dateTimes() {
        Arbitrary<LocalDateTime> when = Arbitraries.longs().between(
                LocalDateTime.of(0, 1, 2, 0, 0).toEpochSecond(ZoneOffset.UTC),
                LocalDateTime.of(9999, 12, 30, 23, 59, 59).toEpochSecond(ZoneOffset.UTC))
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
        Arbitrary<Integer> offsetMinutes = Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> q * 15);
        Arbitrary<Integer> offsetForm = Arbitraries.integers().between(0, 3); // none, Z, ±hh, ±hh:mm
        return Combinators.combine(when, offsetMinutes, offsetForm, Arbitraries.of(true, false))
                .as((t, minutes, form, seconds) -> {
                    LocalDateTime local = seconds ? t : t.withSecond(0);
                    int m = form == 2 ? minutes / 60 * 60 : form < 2 ? 0 : minutes;
                    ZoneOffset off = ZoneOffset.ofTotalSeconds(m * 60);
                    String offset = switch (form) {
                        case 0 -> "";
                        case 1 -> "Z";
                        case 2 -> String.format("%s%02d", m < 0 ? "-" : "+", Math.abs(m) / 60);
                        default -> String.format("%s%02d:%02d", m < 0 ? "-" : "+", Math.abs(m) / 60, Math.abs(m) % 60);
                    };
                    String text = String.format("%04d-%02d-%02dT%02d:%02d", local.getYear(), local.getMonthValue(),
                            local.getDayOfMonth(), local.getHour(), local.getMinute())
                            + (seconds ? String.format(":%02d", local.getSecond()) : "") + offset;
                    return new DateTimePart(text, local.toInstant(off), seconds);
                });
    }

    @Property
    void aDateTimeParsesToTheInstantItNamesInItsOffset(@ForAll("dateTimes") DateTimePart d) {
        TimeExtent t = Edtf.parse(d.text());
        assertEquals(d.instant(), t.earliest(), d.text());
        assertEquals(d.instant().plusSeconds(d.seconds() ? 1 : 60), t.latest());
        assertEquals(d.seconds() ? TimePrecision.SECOND : TimePrecision.MINUTE, t.precision());
        assertEquals(d.text(), t.literal());
    }

    @Property
    void surroundingWhitespaceChangesNothingAndParsingIsIdempotent(@ForAll("dates") DatePart d,
            @ForAll("whitespace") String before, @ForAll("whitespace") String after) {
        TimeExtent plain = Edtf.parse(d.text());
        assertEquals(plain, Edtf.parse(before + d.text() + after));
        assertEquals(plain, Edtf.parse(plain.literal()));
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMaxLength(4);
    }

    @Property(tries = 3000)
    void anyTextParsesOrIsRefusedWithAPositionInsideIt(@ForAll @StringLength(max = 40) String anything) {
        check(anything);
    }

    @Property(tries = 3000)
    void nearlyValidTextParsesOrIsRefusedWithAPositionInsideIt(@ForAll("nearlyValid") String text) {
        check(text);
    }

    /** EDTF-ish alphabets, where the interesting mistakes are. */
    @Provide
    Arbitrary<String> nearlyValid() {
        return Arbitraries.strings().withChars("0123456789-/.:T Z+~?%X").ofMaxLength(30);
    }

    private static void check(String text) {
        try {
            TimeExtent t = Edtf.parse(text);
            assertTrue(t.earliest().isBefore(t.latest()));
            assertEquals(text.strip(), t.literal().strip());
        } catch (EdtfException e) {
            assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> e.position() + " in " + text);
            assertTrue(e.getMessage().length() < 400, e.getMessage());
        }
    }
}
