package org.incidentatlas.io.formats;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a generic CSV file holds which field. Columns are named as in the header row (matched
 * without regard to case or surrounding spaces). Immutable; {@link #with} returns a changed copy.
 *
 * <p>{@link #guess} recognises common column names, including every column {@link CsvWriter} writes, so
 * exported files read back unchanged. This object is what a column-mapping dialog would fill in; the dialog
 * itself does not exist yet.
 */
public final class CsvMapping {
    /** The fields a column can supply. */
    public enum Field {
        ID("id", "event_id", "uid", "identifier"),
        TITLE("title", "name", "headline", "event"),
        WHEN("when", "date", "event_date", "datetime", "date_time", "time", "timestamp", "start", "start_date",
                "begin"),
        END("end", "end_date", "finish"),
        LAT("lat", "latitude", "y"),
        LON("lon", "lng", "long", "longitude", "x"),
        PLACE("place", "location", "place_name", "site", "town", "city"),
        PLACE_ID("place_id"),
        ADMIN1("admin1", "province", "governorate", "state"),
        COUNTRY("country", "country_code"),
        PLACE_PRECISION("place_precision", "precision"),
        UNCERTAINTY_KM("uncertainty_km"),
        CATEGORY("category", "category_id", "event_type", "type", "group"),
        CATEGORY_LABEL("category_label"),
        CATEGORY_COLOR("category_color", "color", "colour"),
        SUMMARY("summary", "description", "notes", "text", "details"),
        KILLED("killed", "fatalities", "deaths", "dead"),
        INJURED("injured", "wounded"),
        DAMAGE("damage"),
        TAGS("tags", "keywords"),
        RELATED("related"),
        /** A JSON array of source objects, as {@link CsvWriter} writes it. */
        SOURCES("sources"),
        SOURCE("source", "outlet"),
        URL("url", "link", "source_url");

        private final List<String> aliases;

        Field(String... aliases) {
            this.aliases = List.of(aliases);
        }

        /** Column names {@link #guess} takes for this field, most specific first. */
        public List<String> aliases() {
            return aliases;
        }
    }

    private final Map<Field, String> columns;

    private CsvMapping(Map<Field, String> columns) {
        this.columns = columns;
    }

    /** A mapping with no columns. */
    public static CsvMapping empty() {
        return new CsvMapping(new EnumMap<>(Field.class));
    }

    /** The mapping the header suggests: for each field the first alias present; each column used once. */
    public static CsvMapping guess(List<String> header) {
        Map<Field, String> m = new EnumMap<>(Field.class);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Field f : Field.values()) {
            for (String alias : f.aliases) {
                Optional<String> col = header.stream().filter(h -> norm(h).equals(alias) && !used.contains(norm(h)))
                        .findFirst();
                if (col.isPresent()) {
                    m.put(f, col.get().strip());
                    used.add(norm(col.get()));
                    break;
                }
            }
        }
        return new CsvMapping(m);
    }

    /**
     * The header row of a CSV file (the first non-blank record), for {@link #guess}: what a mapping dialog or
     * the command line starts from.
     *
     * @throws java.io.IOException when the file cannot be read
     */
    public static List<String> readHeader(java.nio.file.Path file) throws java.io.IOException {
        try (var reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            reader.mark(1 << 16);
            char[] buf = new char[1 << 16];
            int n = Math.max(0, reader.read(buf));
            reader.reset();
            String start = new String(buf, 0, n);
            int nl = start.indexOf('\n');
            char d = file.toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t'
                    : Csv.guessDelimiter(nl < 0 ? start : start.substring(0, nl));
            Csv csv = new Csv(reader, d);
            Csv.Row row;
            while ((row = csv.next()) != null) {
                if (!row.isBlank()) {
                    return row.fields().stream().map(String::strip).toList();
                }
            }
            return List.of();
        }
    }

    /** A copy with {@code field} read from {@code column} ({@code null} to read it from no column). */
    public CsvMapping with(Field field, String column) {
        Map<Field, String> m = new EnumMap<>(Field.class);
        m.putAll(columns);
        if (column == null) {
            m.remove(field);
        } else {
            m.put(field, column.strip());
        }
        return new CsvMapping(m);
    }

    /** The column of {@code field}, if any. */
    public Optional<String> column(Field field) {
        return Optional.ofNullable(columns.get(field));
    }

    /** Index of {@code field}'s column in {@code header}, or -1. */
    int index(Field field, List<String> header) {
        String c = columns.get(field);
        if (c == null) {
            return -1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (norm(header.get(i)).equals(norm(c))) {
                return i;
            }
        }
        return -1;
    }

    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** The mapping as text, {@code WHEN=event_date;LAT=latitude}, for remembering it ({@link #parse}). */
    public String toSpec() {
        StringBuilder sb = new StringBuilder();
        columns.forEach((f, c) -> sb.append(sb.length() == 0 ? "" : ";").append(f.name()).append('=')
                .append(c.replace("%", "%25").replace(";", "%3B")));
        return sb.toString();
    }

    /** Reads {@link #toSpec()} text; unknown fields are ignored. */
    public static CsvMapping parse(String spec) {
        CsvMapping m = empty();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String part : spec.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                Field f = Field.valueOf(part.substring(0, eq));
                m = m.with(f, part.substring(eq + 1).replace("%3B", ";").replace("%25", "%"));
            } catch (IllegalArgumentException e) {
                // a field of another version: skip it
            }
        }
        return m;
    }

    /** A key naming a header's columns (order and case ignored), to remember a mapping per kind of file. */
    public static String signature(List<String> header) {
        List<String> cols = header.stream().map(CsvMapping::norm).sorted().toList();
        return Integer.toHexString(String.join("\u0001", cols).hashCode()) + "-" + cols.size();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
