package org.incidentatlas.io.formats;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.EdtfException;
import org.incidentatlas.model.TimeExtent;
import org.incidentatlas.model.TimePrecision;

/**
 * Turns the time values found in other tools' files into {@link TimeExtent}s whose literal is EDTF that the
 * native reader accepts, so that every import can be written back as an events file. Precision is kept:
 * {@code 2004-01} stays a month. Sub-second parts are dropped (the finest precision is the second).
 */
final class TimeValues {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    /** Epoch values at or above this magnitude are milliseconds (1e11 s is year 5138; 1e11 ms is 1973). */
    private static final double MILLIS_THRESHOLD = 1e11;
    private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
            pattern("d MMMM uuuu"), pattern("d-MMMM-uuuu"), pattern("d MMM uuuu"), pattern("d-MMM-uuuu"),
            pattern("d-MMM-uu"), pattern("MMMM d, uuuu"), pattern("MMMM d uuuu"), pattern("MMM d, uuuu"),
            pattern("uuuu/M/d"), pattern("uuuu.M.d"));

    private TimeValues() {
    }

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /**
     * Parses a time written as EDTF ({@code 2021-06}, {@code 2014/2017}, {@code 2021-06-06~}), ISO 8601 with or
     * without offset and fraction ({@code 2021-06-06T22:00:05.123Z}, {@code 2021-06-06 22:00}), a day in words
     * ({@code 06 June 2021}, {@code 06-June-2021}, {@code June 6, 2021}) or epoch seconds/milliseconds.
     *
     * @return the extent, or {@code null} when {@code text} is blank
     * @throws IllegalArgumentException with a message for people when it is none of these
     */
    static TimeExtent parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        EdtfException edtfError;
        try {
            return Edtf.parse(t);
        } catch (EdtfException e) {
            edtfError = e;
        }
        if (NUMBER.matcher(t).matches()) {
            return epoch(new BigDecimal(t).doubleValue());
        }
        TimeExtent iso = isoDateTime(t);
        if (iso != null) {
            return iso;
        }
        for (DateTimeFormatter f : DAY_FORMATS) {
            try {
                return day(LocalDate.parse(t, f));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("\"" + t + "\" is not a date this importer understands ("
                + edtfError.getMessage() + "); expected EDTF or ISO 8601 such as 2021-06-06 or "
                + "2021-06-06T22:00:05Z, a day such as 06 June 2021, or epoch seconds or milliseconds");
    }

    /** Epoch seconds, or milliseconds when {@code |value| >= 1e11}; truncated to the second. */
    static TimeExtent epoch(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("time " + value + " is not a finite number");
        }
        long millis = Math.abs(value) >= MILLIS_THRESHOLD ? (long) value : (long) (value * 1000);
        return instant(Instant.ofEpochMilli(millis), null);
    }

    /** That second, written in {@code offset} (UTC when {@code null}). */
    static TimeExtent instant(Instant instant, ZoneOffset offset) {
        ZoneOffset o = offset == null ? ZoneOffset.UTC : offset;
        OffsetDateTime t = instant.truncatedTo(ChronoUnit.SECONDS).atOffset(o);
        checkYear(t.getYear());
        String literal = t.toLocalDateTime().format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"))
                + (o.equals(ZoneOffset.UTC) ? "Z" : o.getId());
        return Edtf.parse(literal);
    }

    /** That day (UTC). */
    static TimeExtent day(LocalDate d) {
        checkYear(d.getYear());
        return Edtf.parse(d.toString());
    }

    private static void checkYear(int year) {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is outside 0000–9999, which is all this version "
                    + "supports");
        }
    }

    /** ISO 8601 date-times that EDTF does not take: fractions, a space for 'T', offsets like +0300. */
    private static TimeExtent isoDateTime(String t) {
        String s = t.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ ]", "$1T");
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return null;
        }
        s = s.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceFirst(" ?(UTC|GMT)$", "Z");
        boolean hasSeconds = s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
        try {
            var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            OffsetDateTime odt = parsed instanceof OffsetDateTime o ? o
                    : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            if (!hasSeconds) {
                checkYear(odt.getYear());
                String off = odt.getOffset().equals(ZoneOffset.UTC) ? "Z" : odt.getOffset().getId();
                return Edtf.parse(odt.toLocalDateTime().format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"))
                        + off);
            }
            return instant(odt.toInstant(), odt.getOffset());
        } catch (DateTimeException | EdtfException e) {
            return null;
        }
    }

    /**
     * The span from {@code start} to {@code end}, either of which may be {@code null} (open on that side, but
     * not both). Dates make an EDTF interval that keeps their precision; date-times cannot be ends of an EDTF
     * interval, so a span with a date-time end is widened to whole UTC days, and {@link Span#widened()} says so.
     *
     * @throws IllegalArgumentException when both are {@code null} or the end comes before the start
     */
    static Span span(TimeExtent start, TimeExtent end) {
        if (start == null && end == null) {
            throw new IllegalArgumentException("neither a start nor an end");
        }
        if (start != null && end != null && end.latest().isBefore(start.earliest())) {
            throw new IllegalArgumentException("the end (" + end.literal() + ") comes before the start ("
                    + start.literal() + ")");
        }
        if (start != null && end != null && start.literal().equals(end.literal())) {
            return new Span(start, false);
        }
        boolean widened = false;
        String a;
        String b;
        if (start == null) {
            a = "..";
        } else if (isDateOnly(start)) {
            a = start.literal();
        } else {
            a = dayOf(start.earliest());
            widened = true;
        }
        if (end == null) {
            b = "..";
        } else if (isDateOnly(end)) {
            b = end.literal();
        } else {
            b = dayOf(end.latest().minusNanos(1));
            widened = true;
        }
        if (a.equals(b)) {
            return new Span(Edtf.parse(a), widened);
        }
        try {
            return new Span(Edtf.parse(a + "/" + b), widened);
        } catch (EdtfException e) {
            throw new IllegalArgumentException("cannot make an interval of " + a + " and " + b + ": " + e.getMessage());
        }
    }

    private static boolean isDateOnly(TimeExtent t) {
        return !t.interval() && t.precision().compareTo(TimePrecision.DAY) <= 0;
    }

    private static String dayOf(Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC).toString();
    }

    /** A time span and whether it had to be widened to whole days. */
    record Span(TimeExtent extent, boolean widened) {
    }

    /** The EDTF literal {@code 2021}, {@code 2021-06} or {@code 2021-06-06} of the given parts. */
    static String date(int year, Integer month, Integer day) {
        checkYear(year);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%04d", year));
        if (month != null) {
            sb.append(String.format(Locale.ROOT, "-%02d", month));
            if (day != null) {
                sb.append(String.format(Locale.ROOT, "-%02d", day));
            }
        }
        return sb.toString();
    }

    /** Whether year-month-day is a real calendar day. */
    static boolean validDay(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
