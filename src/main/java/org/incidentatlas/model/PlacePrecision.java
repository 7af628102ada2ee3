package org.incidentatlas.model;

import java.util.Locale;

/** How precisely a place is known, from a named site down to "somewhere in this country". */
public enum PlacePrecision {
    SITE, TOWN, DISTRICT, REGION, COUNTRY;

    /** The lower-case word used in event files, made once (a fast reader compares it for every incident). */
    private final String key = name().toLowerCase(Locale.ROOT);

    /** The lower-case word used in event files, e.g. {@code "site"}. */
    public String key() {
        return key;
    }

    /**
     * Parses the file form ({@code site | town | district | region | country}).
     *
     * @throws IllegalArgumentException naming the accepted words when {@code text} is none of them
     */
    public static PlacePrecision parse(String text) {
        for (PlacePrecision p : values()) {
            if (p.key().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown place precision \"" + text
                + "\"; expected one of site, town, district, region, country");
    }
}
