package org.incidentatlas.model;

/**
 * A date's values as the store packs them (instants as epoch second and nano, precision, qualifier bits, offset),
 * held in fields rather than in a {@link TimeExtent}: what {@link Edtf#quick} fills for the common forms, so a fast
 * reader makes no object for a date. Mutable and reused; not thread-safe.
 */
public final class TimeFields {
    /** Qualifier and shape bits, as the store packs them. */
    static final int UNCERTAIN = 1;
    static final int APPROXIMATE = 2;
    static final int INTERVAL = 4;
    static final int OPEN_START = 8;
    static final int OPEN_END = 16;
    static final int OFFSET = 32;

    /** Whether there is a date at all; the other fields mean nothing when not. */
    public boolean dated;
    long earliestSecond;
    int earliestNano;
    long latestSecond;
    int latestNano;
    TimePrecision precision;
    /** {@link #UNCERTAIN} … {@link #OFFSET}. */
    int flags;
    /** The written offset, when {@link #OFFSET} is set. */
    int offsetSeconds;

    /** No date. */
    public void clear() {
        dated = false;
    }

    /** The values of {@code t}, or no date when it is {@code null}. */
    public void set(TimeExtent t) {
        if (t == null) {
            dated = false;
            return;
        }
        dated = true;
        earliestSecond = t.earliest().getEpochSecond();
        earliestNano = t.earliest().getNano();
        latestSecond = t.latest().getEpochSecond();
        latestNano = t.latest().getNano();
        precision = t.precision();
        flags = flagsOf(t);
        offsetSeconds = t.offset() != null ? t.offset().getTotalSeconds() : 0;
    }

    /** The qualifier and shape bits of {@code t}, as the store packs them. */
    static int flagsOf(TimeExtent t) {
        return (t.uncertain() ? UNCERTAIN : 0) | (t.approximate() ? APPROXIMATE : 0) | (t.interval() ? INTERVAL : 0)
                | (t.openStart() ? OPEN_START : 0) | (t.openEnd() ? OPEN_END : 0) | (t.offset() != null ? OFFSET : 0);
    }

    /** The extent of packed values: {@code offset} is read only when {@code flags} has {@link #OFFSET}. */
    static TimeExtent extent(String literal, java.time.Instant earliest, java.time.Instant latest,
                             TimePrecision precision, int flags, java.time.ZoneOffset offset) {
        return new TimeExtent(literal, earliest, latest, precision, (flags & UNCERTAIN) != 0,
                (flags & APPROXIMATE) != 0, (flags & INTERVAL) != 0, (flags & OPEN_START) != 0,
                (flags & OPEN_END) != 0, (flags & OFFSET) != 0 ? offset : null);
    }

    /** An instant in epoch milliseconds as the packed form gives it: whole seconds and whole ms of the nanos. */
    static long millis(long second, int nano) {
        return Math.addExact(Math.multiplyExact(second, 1000L), nano / 1_000_000);
    }

    /** Sets whole-second instants with no offset written. */
    void set(long earliest, long latest, TimePrecision p, int bits) {
        dated = true;
        earliestSecond = earliest;
        earliestNano = 0;
        latestSecond = latest;
        latestNano = 0;
        precision = p;
        flags = bits;
        offsetSeconds = 0;
    }

    /** The earliest instant in epoch milliseconds. */
    long earliestMillis() {
        return millis(earliestSecond, earliestNano);
    }

    /** The latest instant in epoch milliseconds. */
    long latestMillis() {
        return millis(latestSecond, latestNano);
    }

    /** The same values written as {@code literal}, as a {@link TimeExtent}: for checks and tests. */
    public TimeExtent toExtent(String literal) {
        if (!dated) {
            return null;
        }
        return extent(literal, java.time.Instant.ofEpochSecond(earliestSecond, earliestNano),
                java.time.Instant.ofEpochSecond(latestSecond, latestNano), precision, flags,
                java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
    }
}
