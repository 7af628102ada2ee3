package org.incidentatlas.io.formats;

import java.util.List;
import java.util.Locale;

/** The file formats Incident Atlas reads, and which of them it also writes. */
public enum Format {
    /** The native events file, {@code incident-atlas/1} (docs/event-format.md). */
    NATIVE("Incident Atlas events (JSON)", List.of("json"), true),
    /** RFC 7946 GeoJSON. */
    GEOJSON("GeoJSON", List.of("geojson"), true),
    /** Google Earth KML. */
    KML("KML", List.of("kml"), true),
    /** Zipped KML. Read only. */
    KMZ("KMZ (zipped KML)", List.of("kmz"), false),
    /** Comma-separated values: ACLED exports or any table with a column mapping. */
    CSV("CSV", List.of("csv", "tsv", "txt"), true),
    /** TimelineJS JSON. Read only. */
    TIMELINEJS("TimelineJS JSON", List.of(), false);

    private final String label;
    private final List<String> extensions;
    private final boolean writable;

    Format(String label, List<String> extensions, boolean writable) {
        this.label = label;
        this.extensions = extensions;
        this.writable = writable;
    }

    /** Name for people, e.g. "GeoJSON". */
    public String label() {
        return label;
    }

    /** File name extensions without the dot, lower case; the first is the one written. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether {@link Formats#write} can write it. */
    public boolean writable() {
        return writable;
    }

    /**
     * The format a file name suggests by its extension ({@code .json} suggests {@link #NATIVE}), or
     * {@code null} when the extension says nothing.
     */
    public static Format byExtension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = n.substring(dot + 1);
        for (Format f : values()) {
            if (f.extensions.contains(ext)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Parses a format name as written on the command line ({@code native}, {@code json}, {@code geojson},
     * {@code kml}, {@code csv}, ...).
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static Format parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        if (n.equals("json") || n.equals("incident-atlas")) {
            return NATIVE;
        }
        for (Format f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name
                + "\"; expected one of native, geojson, kml, kmz, csv, timelinejs");
    }
}
