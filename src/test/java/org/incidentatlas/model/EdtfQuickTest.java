package org.incidentatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Edtf#quick} is a second reading of the common forms, so it must never disagree with {@link Edtf#parse}:
 * whatever it accepts parses to exactly the same values, and it accepts every common form.
 */
class EdtfQuickTest {
    private final TimeFields fields = new TimeFields();

    /** Quick's values for {@code s} equal parse's, or quick declined; returns whether it accepted. */
    private boolean agrees(String s) {
        if (!Edtf.quick(s, fields)) {
            return false;
        }
        TimeExtent parsed;
        try {
            parsed = Edtf.parse(s);
        } catch (EdtfException e) {
            fail("quick accepted \"" + s + "\", which parse refuses: " + e.getMessage());
            return false;
        }
        assertEquals(parsed, fields.toExtent(s), s);
        TimeFields viaExtent = new TimeFields();
        viaExtent.set(parsed);
        assertEquals(viaExtent.earliestMillis(), fields.earliestMillis(), s);
        return true;
    }

    @Test
    void epochDayIsLocalDatesForEveryDayOfYearsZeroToTenThousand() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 10_000; d = d.plusDays(1)) {
            if (Edtf.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != d.toEpochDay()) {
                fail(d.toString());
            }
        }
    }

    @Test
    void acceptsTheCommonFormsAsParseReadsThem() {
        String[] common = {"2021", "2021-06", "2021-06-10", "0000", "9999-12-31", "2020-02-29", "2021-06-10?",
            "2021-06~", "2014%", "2014/2017", "2021-06-01/2021-06-10", "2021-06/2021-06", "2014-05~/2017?",
            "2021-06-10T22:00", "2021-06-10T22:00:05", "2021-06-10T22:00Z", "2021-06-10T22:00+03:00",
            "2021-06-10T22:00-03", "1970-01-01T00:00:00-18:00", "9999-12-31T23:59:59+18:00", "2021-06-10T00:00-00:00",
            "2021-06-10T12:30+05:45", "0000-01-01T00:00Z"};
        for (String s : common) {
            assertTrue(agrees(s), s);
        }
    }

    @Test
    void declinesWhatItDoesNotReadAndLeavesItToParse() {
        String[] other = {"", " 2021", "2021 ", "21", "2021-6", "2021-00", "2021-13", "2021-06-00", "2021-02-29",
            "2021-06-31", "2021-06-10??", "2021-06-10T24:00", "2021-06-10T22:60", "2021-06-10T22:00:60",
            "2021-06-10T22:00+18:01", "2021-06-10T22:00+19", "2021-06-10T22:00+0300", "2021-06-10T22:00?",
            "2021-06-10T22", "2021-06-10/2021-06-09", "2021/2021-06-10T22:00", "2014/..", "../2017", "2014/",
            "/2017", "2014/2015/2016", "2021-21", "X021", "2021-06-10t22:00", "2021-06-10T22:00Z ", "-2021"};
        for (String s : other) {
            assertFalse(Edtf.quick(s, fields), s);
        }
    }

    @Test
    void neverDisagreesWithParseOnGeneratedAndMangledTexts() {
        Random r = new Random(20261129);
        String alphabet = "0123456789-:/TZ+?~%.X ";
        int accepted = 0;
        int acceptedMangled = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = common(r);
            assertTrue(agrees(s), s); // every generated common form is read quickly
            accepted++;
            StringBuilder m = new StringBuilder(s);
            for (int k = 1 + r.nextInt(2); k > 0 && m.length() > 0; k--) {
                int at = r.nextInt(m.length());
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(3)) {
                    case 0 -> m.setCharAt(at, c);
                    case 1 -> m.insert(at, c);
                    default -> m.deleteCharAt(at);
                }
            }
            if (agrees(m.toString())) {
                acceptedMangled++;
            }
        }
        assertEquals(200_000, accepted);
        assertTrue(acceptedMangled > 1_000, "mangled texts that are still valid are read too: " + acceptedMangled);
    }

    /** A random text of one of the common forms. */
    private static String common(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> date(r) + qualifier(r);
            case 1 -> {
                String a = date(r);
                String b = date(r);
                yield (a.compareTo(b) <= 0 ? a + qualifier(r) + "/" + b : b + qualifier(r) + "/" + a) + qualifier(r);
            }
            default -> {
                String t = day(r) + String.format("T%02d:%02d", r.nextInt(24), r.nextInt(60));
                if (r.nextBoolean()) {
                    t += String.format(":%02d", r.nextInt(60));
                }
                int h = r.nextInt(19);
                int m = h == 18 ? 0 : r.nextInt(60);
                yield t + switch (r.nextInt(4)) {
                    case 0 -> "";
                    case 1 -> "Z";
                    case 2 -> String.format("%c%02d", r.nextBoolean() ? '+' : '-', h);
                    default -> String.format("%c%02d:%02d", r.nextBoolean() ? '+' : '-', h, m);
                };
            }
        };
    }

    private static String date(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> String.format("%04d", year(r));
            case 1 -> String.format("%04d-%02d", year(r), 1 + r.nextInt(12));
            default -> day(r);
        };
    }

    private static String day(Random r) {
        int y = year(r);
        int m = 1 + r.nextInt(12);
        return String.format("%04d-%02d-%02d", y, m, 1 + r.nextInt(YearMonth.of(y, m).lengthOfMonth()));
    }

    /** Mostly recent years, where a clash of two dates in an interval is likely; sometimes any year. */
    private static int year(Random r) {
        return r.nextInt(4) == 0 ? r.nextInt(10_000) : 2018 + r.nextInt(4);
    }

    private static String qualifier(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "?";
            case 1 -> "~";
            case 2 -> "%";
            default -> "";
        };
    }
}
