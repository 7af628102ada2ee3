package org.incidentatlas.viewmodel;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time range {@code [start, end)}: the part of history the views currently show.
 */
public record TimeWindow(Instant start, Instant end) {
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window start must be before its end: " + start + " / " + end);
        }
    }

    public long startMillis() {
        return start.toEpochMilli();
    }

    public long endMillis() {
        return end.toEpochMilli();
    }

    /** True when {@code [fromMillis, toMillis)} overlaps this window. */
    public boolean overlaps(long fromMillis, long toMillis) {
        return fromMillis < endMillis() && toMillis > startMillis();
    }
}
