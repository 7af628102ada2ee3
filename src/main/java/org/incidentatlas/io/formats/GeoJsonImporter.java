package org.incidentatlas.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.Problem;
import org.incidentatlas.io.formats.CatalogBuilder.Where;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.Source;
import org.incidentatlas.model.TimeExtent;

/**
 * Reads RFC 7946 GeoJSON: a FeatureCollection (or one Feature). Points are used as they are; other geometries
 * at a representative point (the middle of their bounding box) with district precision and an uncertainty
 * radius that covers the box; a null geometry gives an unlocated incident. Time, title and category come from
 * common property names; when several are present the importer picks the one that works for the most
 * features, says so in a warning, and {@link ImportOptions} chooses another.
 */
final class GeoJsonImporter {
    static final List<String> TIME_NAMES = List.of("when", "time", "datetime", "date", "timestamp", "start",
            "begin", "start_date", "starttime", "event_date", "date_time");
    /** Time properties that name the start of a span, so that an end property goes with them. */
    static final Set<String> START_NAMES = Set.of("start", "begin", "start_date", "starttime");
    static final List<String> END_NAMES = List.of("end", "end_date", "endtime", "stop", "finish");
    static final List<String> TITLE_NAMES = List.of("title", "name", "place", "label", "headline");
    static final List<String> CATEGORY_NAMES = List.of("category", "type", "event_type", "group", "kind", "class");
    /** Properties this importer (and {@link GeoJsonWriter}) give a meaning; the rest go into the summary. */
    private static final Set<String> KNOWN = Set.of("id", "time_start", "time_end", "summary", "description",
            "category_label",
            "category_color", "place_id", "place", "admin1", "country", "place_precision", "uncertainty_km",
            "sources", "tags", "related", "killed", "injured", "damage", "url");

    private final String sourceName;
    private final ImportOptions options;

    GeoJsonImporter(String sourceName, ImportOptions options) {
        this.sourceName = sourceName;
        this.options = options;
    }

    Imported read(InputStream in) throws EventFileException {
        JsonRecords doc = JsonRecords.read(sourceName, in, Set.of("features"));
        return read(doc);
    }

    Imported read(JsonRecords doc) throws EventFileException {
        CatalogBuilder out = new CatalogBuilder(sourceName, Format.GEOJSON);
        JsonNode root = doc.root();
        String type = JsonRecords.text(root, "type");
        List<JsonNode> features = new ArrayList<>();
        List<int[]> locations = new ArrayList<>();
        String arrayPath;
        if ("Feature".equals(type)) {
            features.add(root);
            locations.add(new int[] {1, 1});
            arrayPath = null;
        } else if ("FeatureCollection".equals(type)) {
            JsonNode arr = root.get("features");
            if (arr == null || !arr.isArray()) {
                throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$.features", 0, 0,
                        "a FeatureCollection needs a \"features\" array"), null);
            }
            for (int i = 0; i < arr.size(); i++) {
                features.add(arr.get(i));
                locations.add(doc.where("features", i));
            }
            arrayPath = "$.features";
        } else {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$.type", 0, 0,
                    "expected GeoJSON with \"type\": \"FeatureCollection\" or \"Feature\", found "
                            + (type == null ? "no type" : "\"" + type + "\"")), null);
        }
        JsonNode meta = root.get("metadata"); // USGS feeds carry a title here
        out.title(JsonRecords.text(meta, "title"));
        out.title(JsonRecords.text(root, "title"));
        out.title(JsonRecords.text(root, "name"));

        List<JsonNode> props = features.stream().map(f -> f != null && f.get("properties") != null
                && f.get("properties").isObject() ? f.get("properties") : null).toList();
        String timeKey = choose("time", options.timeProperty(), TIME_NAMES, props, v -> parses(v), true, out);
        String endKey = options.endProperty() != null ? options.endProperty()
                : timeKey != null && START_NAMES.contains(timeKey.toLowerCase(Locale.ROOT))
                ? firstPresent(END_NAMES, props, timeKey) : null;
        String titleKey = choose("title", options.titleProperty(), TITLE_NAMES, props, v -> !v.isContainerNode(),
                false, out);
        String categoryKey = choose("category", options.categoryProperty(), CATEGORY_NAMES, props,
                v -> v.isTextual(), false, out);

        for (int i = 0; i < features.size(); i++) {
            int[] loc = locations.get(i);
            Where where = new Where(arrayPath == null ? "$" : arrayPath + "[" + i + "]", loc[0], loc[1]);
            try {
                out.add(feature(features.get(i), props.get(i), i, timeKey, endKey, titleKey, categoryKey, where, out));
            } catch (BadRecord e) {
                out.skip(e.field == null ? where : new Where(where.path() + "." + e.field, where.line(),
                        where.column()), e.getMessage());
            }
        }
        return out.build();
    }

    private Incident feature(JsonNode f, JsonNode p, int index, String timeKey, String endKey, String titleKey,
                             String categoryKey, Where where, CatalogBuilder out) throws BadRecord {
        if (f == null || !f.isObject() || !"Feature".equals(JsonRecords.text(f, "type"))) {
            throw new BadRecord(null, "expected a Feature object");
        }
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        if (p != null) {
            p.properties().forEach(e -> rest.put(e.getKey(), e.getValue()));
        }
        TimeExtent when = null;
        JsonNode tv = timeKey == null ? null : rest.remove(timeKey);
        JsonNode ev = endKey == null ? null : rest.remove(endKey);
        try {
            TimeExtent start = time(tv);
            TimeExtent end = time(ev);
            if (start != null && end != null) {
                TimeValues.Span s = TimeValues.span(start, end);
                when = s.extent();
                if (s.widened()) {
                    out.warn(where, "a span between date-times is kept as whole days: " + when.literal());
                }
            } else {
                when = start != null ? start : end;
            }
        } catch (IllegalArgumentException e) {
            throw new BadRecord("properties." + (tv != null ? timeKey : endKey), e.getMessage());
        }
        String title = titleKey == null ? null : scalar(rest.remove(titleKey));
        String placeName = scalar(rest.remove("place"));
        if (placeName == null && "place".equals(titleKey)) {
            placeName = title;
        }
        GeoLocation place = geometry(f.get("geometry"), placeName, p, where, out);
        String catText = categoryKey == null ? null : scalar(rest.remove(categoryKey));
        String color = scalar(rest.get("category_color"));
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            out.warn(where, "category_color \"" + color + "\" is not #rrggbb; a default colour is used");
            color = null;
        }
        String catLabel = scalar(rest.get("category_label"));
        Category category = catLabel != null && catText != null ? out.category(catText, catLabel, color)
                : out.category(catText != null ? catText : catLabel, color);
        String id = f.hasNonNull("id") && !f.get("id").isContainerNode() ? f.get("id").asText()
                : scalar(rest.get("id"));
        id = out.uniqueId(id, "feature-" + (index + 1), where);
        if (title == null) {
            title = placeName != null ? placeName : id;
        }
        Integer killed = count(rest.get("killed"), "killed", where, out);
        Integer injured = count(rest.get("injured"), "injured", where, out);
        String damage = scalar(rest.get("damage"));
        Outcome outcome = killed == null && injured == null && damage == null ? null
                : new Outcome(killed, injured, damage);
        List<Source> sources = new ArrayList<>();
        JsonNode srcs = rest.get("sources");
        if (srcs != null && srcs.isArray()) {
            for (JsonNode s : srcs) {
                if (s.isObject()) {
                    sources.add(new Source(scalar(s.get("outlet")), scalar(s.get("speaker")), scalar(s.get("quote")),
                            scalar(s.get("published")), CsvImporter.httpUrl(scalar(s.get("url")), where, out),
                            scalar(s.get("note"))));
                }
            }
        }
        JsonNode foreignSources = srcs != null && !srcs.isArray() ? srcs : null; // USGS: a list of networks
        String url = CsvImporter.httpUrl(scalar(rest.get("url")), where, out);
        if (url != null) {
            sources.add(new Source(null, null, null, null, url, null));
        }
        String summary = scalar(rest.get("summary"));
        if (summary == null) {
            summary = PlainText.of(scalar(rest.get("description")));
        }
        StringBuilder extra = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : rest.entrySet()) {
            boolean known = KNOWN.contains(e.getKey()) && !(e.getKey().equals("sources") && foreignSources != null);
            if (!known && e.getValue() != null && e.getValue().isValueNode()
                    && !e.getValue().isNull() && !e.getValue().asText().isBlank()) {
                extra.append(extra.length() == 0 ? "" : "\n").append(e.getKey().strip()).append(": ")
                        .append(e.getValue().asText());
            }
        }
        if (extra.length() > 0) {
            summary = summary == null ? extra.toString() : summary + "\n\n" + extra;
        }
        return new Incident(id, title, when, place, category, summary, outcome, sources,
                strings(rest.get("tags")), strings(rest.get("related")));
    }

    private static GeoLocation geometry(JsonNode g, String placeName, JsonNode p, Where where, CatalogBuilder out)
            throws BadRecord {
        if (g == null || g.isNull()) {
            return null;
        }
        String type = JsonRecords.text(g, "type");
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        if ("GeometryCollection".equals(type)) {
            JsonNode gs = g.get("geometries");
            if (gs == null || !gs.isArray() || gs.isEmpty()) {
                throw new BadRecord("geometry", "a GeometryCollection with no geometries");
            }
            for (JsonNode sub : gs) {
                collect(sub == null ? null : sub.get("coordinates"), box);
            }
        } else if (type == null || !Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                "MultiPolygon").contains(type)) {
            throw new BadRecord("geometry.type", "unknown geometry type " + (type == null ? "(none)" : "\"" + type + "\""));
        } else {
            collect(g.get("coordinates"), box);
        }
        if (box[0] == Double.MAX_VALUE) {
            throw new BadRecord("geometry.coordinates", "no usable coordinates (expected [longitude, latitude])");
        }
        double lon = (box[0] + box[2]) / 2;
        double lat = (box[1] + box[3]) / 2;
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new BadRecord("geometry.coordinates", "coordinates outside longitude [-180, 180], latitude [-90, 90]");
        }
        boolean point = "Point".equals(type);
        PlacePrecision precision = point ? PlacePrecision.SITE : PlacePrecision.DISTRICT;
        Double uncertainty = point ? null : Math.round(km(lat, lon, box[1], box[0]) * 10) / 10.0;
        String pp = p == null ? null : scalar(p.get("place_precision"));
        if (pp != null) {
            try {
                precision = PlacePrecision.parse(pp.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                out.warn(where, e.getMessage() + "; read as " + precision.key());
            }
        }
        JsonNode u = p == null ? null : p.get("uncertainty_km");
        if (u != null && u.isNumber() && u.asDouble() >= 0 && Double.isFinite(u.asDouble())) {
            uncertainty = u.asDouble();
        }
        String name = placeName != null ? placeName : CsvImporter.fmt(lat) + ", " + CsvImporter.fmt(lon);
        return new GeoLocation(p == null ? null : scalar(p.get("place_id")), name, lat, lon,
                p == null ? null : scalar(p.get("admin1")), p == null ? null : scalar(p.get("country")), precision,
                uncertainty);
    }

    /** Widens {@code box} (minLon, minLat, maxLon, maxLat) by every position under {@code coords}. */
    private static void collect(JsonNode coords, double[] box) throws BadRecord {
        if (coords == null || !coords.isArray()) {
            return;
        }
        if (coords.size() >= 2 && coords.get(0).isNumber() && coords.get(1).isNumber()) {
            double lon = coords.get(0).asDouble();
            double lat = coords.get(1).asDouble();
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new BadRecord("geometry.coordinates", "position [" + coords.get(0) + ", " + coords.get(1)
                        + "] is outside longitude [-180, 180], latitude [-90, 90]");
            }
            box[0] = Math.min(box[0], lon);
            box[1] = Math.min(box[1], lat);
            box[2] = Math.max(box[2], lon);
            box[3] = Math.max(box[3], lat);
            return;
        }
        for (JsonNode c : coords) {
            collect(c, box);
        }
    }

    /** Great-circle distance in km. */
    private static double km(double lat1, double lon1, double lat2, double lon2) {
        double r = 6371.0;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * The property to read {@code what} from: {@code chosen} when given, else the candidate (by name, ignoring
     * case) that is usable in the most features, earlier names winning ties. With {@code warn}, says which was
     * used when there was a choice (for time, where a wrong choice misleads; title and category choices are
     * documented instead, since files such as USGS feeds always carry both "title" and "place").
     */
    private static String choose(String what, String chosen, List<String> names, List<JsonNode> props,
                                 Predicate<JsonNode> usable, boolean warn, CatalogBuilder out) {
        if (chosen != null) {
            if (props.stream().noneMatch(p -> p != null && p.hasNonNull(chosen))) {
                out.warn(Where.FILE, "no feature has the " + what + " property \"" + chosen + "\" that was chosen");
            }
            return chosen;
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String name : names) {
            for (JsonNode p : props) {
                if (p == null) {
                    continue;
                }
                String key = key(p, name);
                JsonNode v = key == null ? null : p.get(key);
                if (v != null && !v.isNull()) {
                    int[] c = counts.computeIfAbsent(key, k -> new int[1]);
                    if (usable.test(v)) {
                        c[0]++;
                    }
                }
            }
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] > bestCount) {
                best = e.getKey();
                bestCount = e.getValue()[0];
            }
        }
        if (counts.size() > 1 && warn) {
            String finalBest = best;
            String alternatives = String.join(", ", counts.keySet().stream().filter(k -> !k.equals(finalBest))
                    .map(k -> "\"" + k + "\"").toList());
            out.warn(Where.FILE, what + " taken from property \"" + best + "\" (usable in " + bestCount + " of "
                    + props.size() + " features); also present: " + alternatives
                    + ". Another can be chosen in the import options");
        }
        return best;
    }

    /** The first of {@code names} present in any feature, other than {@code not}. */
    private static String firstPresent(List<String> names, List<JsonNode> props, String not) {
        for (String name : names) {
            for (JsonNode p : props) {
                String key = p == null ? null : key(p, name);
                if (key != null && !key.equals(not) && p.hasNonNull(key)) {
                    return key;
                }
            }
        }
        return null;
    }

    /** The property name in {@code p} equal to {@code name} ignoring case, or {@code null}. */
    private static String key(JsonNode p, String name) {
        if (p.has(name)) {
            return name;
        }
        for (var it = p.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    private static boolean parses(JsonNode v) {
        try {
            return time(v) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static TimeExtent time(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return TimeValues.epoch(v.asDouble());
        }
        if (v.isTextual()) {
            return TimeValues.parse(v.asText());
        }
        throw new IllegalArgumentException("expected a date string or epoch number, found " + v.getNodeType()
                .name().toLowerCase(Locale.ROOT));
    }

    private static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static Integer count(JsonNode v, String what, Where where, CatalogBuilder out) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0) {
            return v.asInt();
        }
        out.warn(where, what + " " + v + " is not a whole number >= 0; ignored");
        return null;
    }

    private static List<String> strings(JsonNode v) {
        List<String> l = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode s : v) {
                if (s.isTextual() && !s.asText().isBlank()) {
                    l.add(s.asText().strip());
                }
            }
        } else if (v != null && v.isTextual()) {
            for (String s : v.asText().split(";")) {
                if (!s.isBlank()) {
                    l.add(s.strip());
                }
            }
        }
        return l;
    }

    /**
     * The property names of the first {@code maxFeatures} features of a GeoJSON file, sorted, for choosing which
     * one holds the time (import options). Empty when the file cannot be read as GeoJSON.
     */
    public static List<String> propertyNames(java.nio.file.Path file, int maxFeatures) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            JsonNode root = mapper.readTree(p);
            JsonNode features = root == null ? null : root.path("features");
            if (features != null && features.isArray()) {
                for (int i = 0; i < Math.min(maxFeatures, features.size()); i++) {
                    features.get(i).path("properties").fieldNames().forEachRemaining(names::add);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(names);
    }
}
