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
        flags = (t.uncertain() ? UNCERTAIN : 0) | (t.approximate() ? APPROXIMATE : 0) | (t.interval() ? INTERVAL : 0)
                | (t.openStart() ? OPEN_START : 0) | (t.openEnd() ? OPEN_END : 0) | (t.offset() != null ? OFFSET : 0);
        offsetSeconds = t.offset() != null ? t.offset().getTotalSeconds() : 0;
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
        return Math.addExact(Math.multiplyExact(earliestSecond, 1000L), earliestNano / 1_000_000);
    }

    /** The latest instant in epoch milliseconds. */
    long latestMillis() {
        return Math.addExact(Math.multiplyExact(latestSecond, 1000L), latestNano / 1_000_000);
    }

    /** The same values written as {@code literal}, as a {@link TimeExtent}: for checks and tests. */
    public TimeExtent toExtent(String literal) {
        if (!dated) {
            return null;
        }
        return new TimeExtent(literal, java.time.Instant.ofEpochSecond(earliestSecond, earliestNano),
                java.time.Instant.ofEpochSecond(latestSecond, latestNano), precision, (flags & UNCERTAIN) != 0,
                (flags & APPROXIMATE) != 0, (flags & INTERVAL) != 0, (flags & OPEN_START) != 0,
                (flags & OPEN_END) != 0, (flags & OFFSET) != 0 ? java.time.ZoneOffset.ofTotalSeconds(offsetSeconds)
                : null);
    }
}
