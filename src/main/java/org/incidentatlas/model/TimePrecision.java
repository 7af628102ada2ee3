package org.incidentatlas.model;

import java.util.Locale;

/** How finely a time value is known, from coarsest ({@link #YEAR}) to finest ({@link #SECOND}). */
public enum TimePrecision {
    YEAR, MONTH, DAY, MINUTE, SECOND;

    /** The lower-case English word for people, e.g. {@code "month"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
