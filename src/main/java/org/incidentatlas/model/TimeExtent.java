package org.incidentatlas.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An EDTF value (single date, date-time or interval) resolved to instants. Immutable.
 * Usually obtained from {@link Edtf#parse(String)}.
 *
 * @param literal     the EDTF text exactly as written (trimmed)
 * @param earliest    inclusive: the earliest instant the incident may have started
 * @param latest      exclusive upper bound: the instant by which it has certainly ended; after {@code earliest}
 * @param precision   precision of the literal; for intervals the coarser of the two known ends
 * @param uncertain   {@code ?} or {@code %} on any part
 * @param approximate {@code ~} or {@code %} on any part
 * @param interval    written as {@code start/end}
 * @param openStart   the interval start is {@code ..} (open) or empty (unknown)
 * @param openEnd     the interval end is {@code ..} (open) or empty (unknown)
 * @param offset      the offset written in a date-time, or {@code null}
 */
public record TimeExtent(String literal, Instant earliest, Instant latest, TimePrecision precision,
                         boolean uncertain, boolean approximate, boolean interval,
                         boolean openStart, boolean openEnd, ZoneOffset offset) {

    private static final String[] MONTHS = {
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"
    };

    /**
     * @throws IllegalArgumentException if literal, earliest, latest or precision is {@code null},
     *                                  or {@code earliest} is not before {@code latest}
     */
    public TimeExtent {
        requirePresent(literal, "literal");
        requirePresent(earliest, "earliest");
        requirePresent(latest, "latest");
        requirePresent(precision, "precision");
        if (!earliest.isBefore(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " must be before latest " + latest
                    + " in \"" + literal + "\"");
        }
    }

    /** The length of the extent, {@code latest - earliest}; always positive. */
    public Duration duration() {
        return Duration.between(earliest, latest);
    }

    /** The instant halfway between {@code earliest} and {@code latest}. */
    public Instant midpoint() {
        return earliest.plus(duration().dividedBy(2));
    }

    /**
     * Whether this extent shares any instant with the half-open range {@code [from, toExclusive)}.
     * An empty or reversed range overlaps nothing.
     */
    public boolean overlaps(Instant from, Instant toExclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        return from.isBefore(toExclusive) && earliest.isBefore(toExclusive) && from.isBefore(latest);
    }

    /** {@code true} when the value is neither uncertain nor approximate. */
    public boolean isExact() {
        return !uncertain && !approximate;
    }

    /**
     * A plain-English description for people, independent of the default locale, e.g.
     * {@code "about 6 June 2021 (day precision)"}, {@code "sometime in April 2021 (month precision, uncertain)"},
     * {@code "2014 – 2017 (year precision)"}, {@code "from 2014, open end"} or
     * {@code "3 January 2020 22:00 +03:00 (minute precision)"}.
     */
    public String describe() {
        String about = approximate ? "about " : "";
        String details = " (" + precision.label() + " precision" + (uncertain ? ", uncertain" : "") + ")";
        if (!interval) {
            String lead = approximate ? "about "
                    : precision.compareTo(TimePrecision.DAY) < 0 ? "sometime in " : "";
            return lead + format(earliest) + details;
        }
        Instant lastInstant = latest.minusNanos(1);
        String unsure = uncertain ? " (uncertain)" : "";
        if (openEnd && !openStart) {
            return "from " + about + format(earliest) + ", open end" + unsure;
        }
        if (openStart && !openEnd) {
            return "until " + about + format(lastInstant) + ", open start" + unsure;
        }
        return about + format(earliest) + " – " + format(lastInstant) + details;
    }

    /** Formats an instant at this extent's precision, in its offset (UTC when none). */
    private String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, offset == null ? ZoneOffset.UTC : offset);
        String year = pad(t.getYear(), 4);
        switch (precision) {
            case YEAR:
                return year;
            case MONTH:
                return MONTHS[t.getMonthValue() - 1] + " " + year;
            case DAY:
                return t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1] + " " + year;
            default:
                String time = pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2)
                        + (precision == TimePrecision.SECOND ? ":" + pad(t.getSecond(), 2) : "");
                String zone = offset == null || offset.equals(ZoneOffset.UTC) ? "UTC" : offset.getId();
                return t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1] + " " + year
                        + " " + time + " " + zone;
        }
    }

    private static void requirePresent(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static String pad(int value, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(value));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
