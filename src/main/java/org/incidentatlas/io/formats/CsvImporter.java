package org.incidentatlas.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incidentatlas.io.formats.CatalogBuilder.Where;
import org.incidentatlas.io.formats.CsvMapping.Field;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.Source;
import org.incidentatlas.model.TimeExtent;
import org.incidentatlas.model.TimePrecision;

/**
 * Reads CSV: an ACLED export (current and older 31-column schemas, recognised by {@code event_date} and
 * {@code event_type} in the header) or any table through a {@link CsvMapping}. Each bad record is skipped and
 * reported with its line; the rest loads. Reads one record at a time.
 */
final class CsvImporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sourceName;
    private final ImportOptions options;

    CsvImporter(String sourceName, ImportOptions options) {
        this.sourceName = sourceName;
        this.options = options;
    }

    /** True when a header row looks like an ACLED export. */
    static boolean isAcledHeader(List<String> header) {
        List<String> h = header.stream().map(CsvMapping::norm).toList();
        return h.contains("event_date") && h.contains("event_type") && h.contains("latitude");
    }

    /** @param encodingWarning said once before anything else, or {@code null} */
    Imported read(Reader reader, char delimiter, String encodingWarning) throws IOException {
        Csv csv = new Csv(reader, delimiter);
        CatalogBuilder out = new CatalogBuilder(sourceName, Format.CSV);
        if (encodingWarning != null) {
            out.warn(Where.FILE, encodingWarning);
        }
        Csv.Row header;
        try {
            header = csv.next();
            while (header != null && header.isBlank()) {
                header = csv.next();
            }
        } catch (Csv.CsvException e) {
            out.error(new Where("$", e.line, 1), "cannot read the header row: " + e.getMessage());
            return out.build();
        }
        if (header == null) {
            out.error(Where.FILE, "the file is empty: expected a header row naming the columns");
            return out.build();
        }
        List<String> names = header.fields().stream().map(String::strip).toList();
        boolean acled = isAcledHeader(names);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (col.putIfAbsent(CsvMapping.norm(names.get(i)), i) != null && !names.get(i).isBlank()) {
                out.warn(new Where("header", header.line(), 1), "column \"" + names.get(i)
                        + "\" appears more than once; the first is used");
            }
        }
        CsvMapping mapping = options.csvMapping() != null ? options.csvMapping() : CsvMapping.guess(names);
        if (acled) {
            out.title("ACLED events");
        } else {
            checkMapping(mapping, names, header.line(), out);
        }
        int record = 0;
        while (true) {
            Csv.Row row;
            try {
                row = csv.next();
            } catch (Csv.CsvException e) {
                out.skip(new Where("record " + (record + 1), e.line, 1), e.getMessage()
                        + "; the rest of the file cannot be read");
                break;
            }
            if (row == null) {
                break;
            }
            if (row.isBlank()) {
                continue;
            }
            record++;
            Where where = new Where("record " + record, row.line(), 1);
            if (row.fields().size() != names.size()) {
                out.warn(where, "has " + row.fields().size() + " fields where the header has " + names.size());
            }
            try {
                Incident inc = acled ? acled(row, col, where, out) : generic(row, mapping, names, where, out);
                out.add(inc);
            } catch (BadRecord e) {
                out.skip(e.field == null ? where : new Where(where.path() + ", column " + e.field, where.line(), 1),
                        e.getMessage());
            }
        }
        return out.build();
    }

    private void checkMapping(CsvMapping m, List<String> names, int line, CatalogBuilder out) {
        Where w = new Where("header", line, 1);
        for (Field f : Field.values()) {
            if (m.column(f).isPresent() && m.index(f, names) < 0) {
                out.warn(w, "the mapping reads " + f.name().toLowerCase(Locale.ROOT) + " from column \""
                        + m.column(f).get() + "\", which is not in the header");
            }
        }
        if (m.index(Field.WHEN, names) < 0) {
            out.warn(w, "no date column found (looked for " + Field.WHEN.aliases()
                    + "); every incident will be undated. Choose one with a CsvMapping");
        }
        if (m.index(Field.LAT, names) < 0 || m.index(Field.LON, names) < 0) {
            out.warn(w, "no latitude/longitude columns found (looked for " + Field.LAT.aliases() + " and "
                    + Field.LON.aliases() + "); every incident will be unlocated. Choose them with a CsvMapping");
        }
    }

    // ---- ACLED ---------------------------------------------------------------------------------------------

    private Incident acled(Csv.Row row, Map<String, Integer> col, Where where, CatalogBuilder out) throws BadRecord {
        String id = text(row, col, "event_id_cnty");
        if (id == null) {
            id = text(row, col, "data_id");
        }
        String date = text(row, col, "event_date");
        if (date == null) {
            throw new BadRecord("event_date", "no event_date");
        }
        TimeExtent day;
        try {
            day = TimeValues.parse(date);
        } catch (IllegalArgumentException e) {
            throw new BadRecord("event_date", e.getMessage());
        }
        if (day.interval() || day.precision() != TimePrecision.DAY) {
            throw new BadRecord("event_date", "\"" + date + "\" is not a single day");
        }
        String dayLiteral = day.earliest().toString().substring(0, 10);
        String precision = text(row, col, "time_precision");
        TimeExtent when;
        if (precision == null || precision.equals("1")) {
            when = Edtf.parse(dayLiteral);
        } else if (precision.equals("2")) {
            when = Edtf.parse(dayLiteral + "~");
        } else if (precision.equals("3")) {
            when = Edtf.parse(dayLiteral.substring(0, 7));
        } else {
            out.warn(where, "time_precision \"" + precision + "\" is not 1, 2 or 3; read as 1 (the day)");
            when = Edtf.parse(dayLiteral);
        }
        String eventType = text(row, col, "event_type");
        String subType = text(row, col, "sub_event_type");
        String location = text(row, col, "location");
        GeoLocation where_ = acledPlace(row, col, location, where, out);
        boolean bySub = options.acledSubEventCategory() && subType != null;
        Category category = out.category(bySub ? subType : eventType, null);
        List<String> tags = new ArrayList<>();
        addTag(tags, bySub ? eventType : subType);
        addTag(tags, text(row, col, "disorder_type"));
        addTag(tags, text(row, col, "actor1"));
        addTag(tags, text(row, col, "actor2"));
        String acledTags = text(row, col, "tags");
        if (acledTags != null) {
            Arrays.stream(acledTags.split(";")).forEach(t -> addTag(tags, t));
        }
        String what = subType != null ? subType : eventType != null ? eventType : "Event";
        String title = location == null ? what : what + " in " + location;
        Outcome outcome = null;
        String fatalities = text(row, col, "fatalities");
        if (fatalities != null) {
            try {
                int k = Integer.parseInt(fatalities);
                if (k < 0) {
                    throw new NumberFormatException();
                }
                outcome = new Outcome(k, null, null);
            } catch (NumberFormatException e) {
                out.warn(where, "fatalities \"" + fatalities + "\" is not a whole number >= 0; ignored");
            }
        }
        List<Source> sources = new ArrayList<>();
        String source = text(row, col, "source");
        String scale = text(row, col, "source_scale");
        if (source != null) {
            for (String s : source.split(";")) {
                if (!s.isBlank()) {
                    sources.add(new Source(s.strip(), null, null, null, null,
                            "as coded by ACLED" + (scale == null ? "" : " (source scale: " + scale + ")")));
                }
            }
        }
        String finalId = out.uniqueId(id, "acled-" + where.line(), where);
        return new Incident(finalId, title, when, where_, category, text(row, col, "notes"), outcome, sources,
                tags, List.of());
    }

    private GeoLocation acledPlace(Csv.Row row, Map<String, Integer> col, String location, Where where,
                                   CatalogBuilder out) throws BadRecord {
        String lat = text(row, col, "latitude");
        String lon = text(row, col, "longitude");
        if (lat == null && lon == null) {
            out.warn(where, "no latitude/longitude; the incident is unlocated");
            return null;
        }
        double[] ll = coordinates(lat, lon, "latitude", "longitude");
        String gp = text(row, col, "geo_precision");
        PlacePrecision precision = PlacePrecision.TOWN;
        if (gp != null) {
            switch (gp) {
                case "1" -> precision = PlacePrecision.TOWN;
                case "2" -> precision = PlacePrecision.DISTRICT;
                case "3" -> precision = PlacePrecision.REGION;
                default -> out.warn(where, "geo_precision \"" + gp + "\" is not 1, 2 or 3; read as 1 (the town)");
            }
        }
        String admin1 = text(row, col, "admin1");
        String name = location != null ? location : admin1 != null ? admin1 : fmt(ll[0]) + ", " + fmt(ll[1]);
        String country = Countries.alpha2(text(row, col, "iso3"));
        if (country == null) {
            country = Countries.alpha2(text(row, col, "country"));
        }
        return new GeoLocation(null, name, ll[0], ll[1], admin1, country, precision, null);
    }

    // ---- generic ---------------------------------------------------------------------------------------------

    private Incident generic(Csv.Row row, CsvMapping m, List<String> names, Where where, CatalogBuilder out)
            throws BadRecord {
        Map<Field, String> v = new java.util.EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            int i = m.index(f, names);
            String s = i < 0 ? null : row.get(i);
            if (s != null) {
                s = unprotect(s.strip());
                if (!s.isEmpty()) {
                    v.put(f, s);
                }
            }
        }
        TimeExtent when = null;
        try {
            TimeExtent start = TimeValues.parse(v.get(Field.WHEN));
            TimeExtent end = TimeValues.parse(v.get(Field.END));
            if (start != null && end != null) {
                TimeValues.Span span = TimeValues.span(start, end);
                when = span.extent();
                if (span.widened()) {
                    out.warn(where, "a span between date-times is kept as whole days: " + when.literal());
                }
            } else {
                when = start != null ? start : end;
            }
        } catch (IllegalArgumentException e) {
            throw new BadRecord(v.containsKey(Field.END) ? m.column(Field.WHEN).orElse("end") : m.column(Field.WHEN)
                    .orElse(null), e.getMessage());
        }
        GeoLocation place = null;
        String lat = v.get(Field.LAT);
        String lon = v.get(Field.LON);
        if (lat != null || lon != null) {
            double[] ll = coordinates(lat, lon, m.column(Field.LAT).orElse("lat"), m.column(Field.LON).orElse("lon"));
            PlacePrecision precision = PlacePrecision.SITE;
            if (v.containsKey(Field.PLACE_PRECISION)) {
                try {
                    precision = PlacePrecision.parse(v.get(Field.PLACE_PRECISION).toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    out.warn(where, e.getMessage() + "; read as site");
                }
            }
            Double uncertainty = null;
            if (v.containsKey(Field.UNCERTAINTY_KM)) {
                try {
                    uncertainty = Double.parseDouble(v.get(Field.UNCERTAINTY_KM));
                    if (!(uncertainty >= 0) || Double.isInfinite(uncertainty)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    out.warn(where, "uncertainty \"" + v.get(Field.UNCERTAINTY_KM) + "\" is not a number >= 0; ignored");
                    uncertainty = null;
                }
            }
            String name = v.getOrDefault(Field.PLACE, fmt(ll[0]) + ", " + fmt(ll[1]));
            place = new GeoLocation(v.get(Field.PLACE_ID), name, ll[0], ll[1], v.get(Field.ADMIN1),
                    v.get(Field.COUNTRY), precision, uncertainty);
        }
        Category category;
        String color = v.get(Field.CATEGORY_COLOR);
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            out.warn(where, "colour \"" + color + "\" is not #rrggbb; a default colour is used");
            color = null;
        }
        if (v.containsKey(Field.CATEGORY_LABEL) && v.containsKey(Field.CATEGORY)) {
            category = out.category(v.get(Field.CATEGORY), v.get(Field.CATEGORY_LABEL), color);
        } else {
            category = out.category(v.getOrDefault(Field.CATEGORY, v.get(Field.CATEGORY_LABEL)), color);
        }
        Integer killed = count(v.get(Field.KILLED), "killed", where, out);
        Integer injured = count(v.get(Field.INJURED), "injured", where, out);
        Outcome outcome = killed == null && injured == null && v.get(Field.DAMAGE) == null ? null
                : new Outcome(killed, injured, v.get(Field.DAMAGE));
        List<Source> sources = new ArrayList<>();
        if (v.containsKey(Field.SOURCES)) {
            sources.addAll(sourcesFromJson(v.get(Field.SOURCES), where, out));
        }
        String url = httpUrl(v.get(Field.URL), where, out);
        if (v.containsKey(Field.SOURCE) || url != null) {
            sources.add(new Source(v.get(Field.SOURCE), null, null, null, url, null));
        }
        String id = out.uniqueId(v.get(Field.ID), "row-" + where.line(), where);
        String title = v.get(Field.TITLE);
        if (title == null) {
            title = place != null ? place.name() + (when == null ? "" : ", " + when.literal())
                    : when != null ? when.literal() : id;
        }
        return new Incident(id, title, when, place, category, v.get(Field.SUMMARY), outcome, sources,
                list(v.get(Field.TAGS)), list(v.get(Field.RELATED)));
    }

    /** Reads back a cell that {@link CsvWriter} protected against spreadsheet formulas ({@code '=...}). */
    static String unprotect(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
    }

    static List<Source> sourcesFromJson(String text, Where where, CatalogBuilder out) {
        List<Source> sources = new ArrayList<>();
        try {
            JsonNode arr = JSON.readTree(text);
            if (!arr.isArray()) {
                throw new IOException("not a JSON array");
            }
            for (JsonNode s : arr) {
                sources.add(new Source(str(s, "outlet"), str(s, "speaker"), str(s, "quote"), str(s, "published"),
                        httpUrl(str(s, "url"), where, out), str(s, "note")));
            }
        } catch (IOException e) {
            out.warn(where, "sources are not a JSON array of source objects; ignored");
        }
        return sources;
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }

    static String httpUrl(String url, Where where, CatalogBuilder out) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return u;
        }
        // kept as text: the details pane shows it with a warning and never opens it
        out.warn(where, "only http and https links open; \"" + u + "\" is shown as text and never opened");
        return u;
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer count(String s, String what, Where where, CatalogBuilder out) {
        if (s == null) {
            return null;
        }
        try {
            int k = Integer.parseInt(s);
            if (k >= 0) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        out.warn(where, what + " \"" + s + "\" is not a whole number >= 0; ignored");
        return null;
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    private static double[] coordinates(String lat, String lon, String latName, String lonName) throws BadRecord {
        if (lat == null || lon == null) {
            throw new BadRecord(lat == null ? latName : lonName, "has a " + (lat == null ? lonName : latName)
                    + " but no " + (lat == null ? latName : lonName));
        }
        double a = number(lat, latName, -90, 90);
        double o = number(lon, lonName, -180, 180);
        return new double[] {a, o};
    }

    private static double number(String s, String name, double min, double max) throws BadRecord {
        double d;
        try {
            d = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new BadRecord(name, "\"" + s + "\" is not a number");
        }
        if (!Double.isFinite(d) || d < min || d > max) {
            throw new BadRecord(name, s + " is outside [" + (int) min + ", " + (int) max + "]");
        }
        return d;
    }

    private static String text(Csv.Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        String s = i == null ? null : row.get(i);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void addTag(List<String> tags, String t) {
        if (t != null && !t.isBlank() && !tags.contains(t.strip())) {
            tags.add(t.strip());
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
