package org.incidentatlas.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.EdtfException;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.Narrative;
import org.incidentatlas.model.NarrativeStep;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.Source;
import org.incidentatlas.model.TimeExtent;

/**
 * Reads an Incident Atlas events file (format {@code incident-atlas/1}, see {@code docs/event-format.md}).
 *
 * <p>A bad category, place, incident or narrative is skipped and reported as a {@link Problem} with its JSON
 * path and line:column; the rest loads. A narrative step that names no loaded incident is dropped with a
 * warning. A file that cannot be read or is not JSON throws {@link EventFileException}.
 * Never writes to the file. Stateless and thread-safe: call from any background thread.
 */
public final class EventFileReader {
    /** The format identifier this reader understands. */
    public static final String FORMAT = "incident-atlas/1";

    private final JsonFactory factory;

    public EventFileReader() {
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1_000_000)
                        .maxNumberLength(64)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Reads {@code file}.
     *
     * @throws EventFileException when the file is missing, unreadable, not JSON, or not an events file
     */
    public LoadResult read(Path file) throws EventFileException {
        String name = file.toString();
        FilePreflight.check(file); // no pipes, directories or files too big to hold, before any byte is read
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "no such file"), e);
        } catch (EventFileException e) {
            throw e;
        } catch (IOException e) {
            throw new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
    }

    /**
     * Reads an events document from {@code in} (UTF-8). {@code sourceName} names it in messages.
     *
     * @throws EventFileException when it is not JSON or not an events file
     */
    public LoadResult read(String sourceName, InputStream in) throws EventFileException {
        LocatedJson json;
        try (JsonParser parser = factory.createParser(in)) {
            try {
                json = LocatedJson.read(parser);
            } catch (JsonProcessingException e) {
                // a StreamReadConstraints violation carries no location: take the parser's
                throw e.getLocation() != null ? e : new JsonProcessingException(e.getOriginalMessage(),
                        parser.currentLocation(), e) { private static final long serialVersionUID = 1L; };
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$",
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
        return new Validation(sourceName, json).run();
    }

    /** One pass of validation over one document. */
    private static final class Validation {
        private final String sourceName;
        private final LocatedJson json;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Category> categories = new LinkedHashMap<>();
        private final Map<String, GeoLocation> places = new HashMap<>();
        private int rejected;

        Validation(String sourceName, LocatedJson json) {
            this.sourceName = sourceName;
            this.json = json;
        }

        LoadResult run() throws EventFileException {
            JsonNode root = json.root();
            if (!root.isObject()) {
                throw fatal("$", "expected a JSON object with \"format\", \"categories\", \"places\" and "
                        + "\"events\", found " + kind(root));
            }
            JsonNode format = root.get("format");
            if (format == null) {
                warn("$", "no \"format\" field; reading as " + FORMAT);
            } else if (!format.isTextual() || !FORMAT.equals(format.asText())) {
                throw fatal("$.format", "unsupported format " + format + "; expected \"" + FORMAT + "\"");
            }
            String title = optText(root, "$", "title");
            readCategories(arrayOrEmpty(root, "$", "categories"));
            readPlaces(arrayOrEmpty(root, "$", "places"));
            List<Incident> incidents = readEvents(arrayOrEmpty(root, "$", "events"));
            checkRelated(incidents);
            List<Narrative> narratives = readNarratives(arrayOrEmpty(root, "$", "narratives"), incidents);
            IncidentCatalog catalog = new IncidentCatalog(title, List.copyOf(categories.values()), incidents,
                    narratives);
            problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return new LoadResult(sourceName, catalog, problems, rejected);
        }

        private void readCategories(JsonNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                String path = LocatedJson.child("$.categories", i);
                JsonNode c = arr.get(i);
                try {
                    requireObject(c, path);
                    String id = reqText(c, path, "id");
                    String label = reqText(c, path, "label");
                    String color = optText(c, path, "color");
                    if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
                        warn(LocatedJson.child(path, "color"), "colour \"" + color
                                + "\" is not #rrggbb; a default colour is used");
                        color = null;
                    }
                    if (categories.containsKey(id)) {
                        throw new Invalid(LocatedJson.child(path, "id"), "duplicate category id \"" + id + "\"");
                    }
                    categories.put(id, new Category(id, label, color));
                } catch (Invalid e) {
                    error(e.path, e.getMessage() + "; category skipped");
                }
            }
        }

        private void readPlaces(JsonNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                String path = LocatedJson.child("$.places", i);
                try {
                    JsonNode p = arr.get(i);
                    requireObject(p, path);
                    String id = reqText(p, path, "id");
                    if (places.containsKey(id)) {
                        throw new Invalid(LocatedJson.child(path, "id"), "duplicate place id \"" + id + "\"");
                    }
                    places.put(id, place(p, path, id));
                } catch (Invalid e) {
                    error(e.path, e.getMessage() + "; place skipped (incidents that use it will be skipped too)");
                }
            }
        }

        private GeoLocation place(JsonNode p, String path, String id) throws Invalid {
            String name = reqText(p, path, "name");
            double lat = number(p, path, "lat", -90, 90);
            double lon = number(p, path, "lon", -180, 180);
            String precisionText = optText(p, path, "precision");
            PlacePrecision precision = PlacePrecision.SITE;
            if (precisionText != null) {
                try {
                    precision = PlacePrecision.parse(precisionText);
                } catch (IllegalArgumentException e) {
                    throw new Invalid(LocatedJson.child(path, "precision"), e.getMessage());
                }
            }
            Double uncertainty = null;
            if (p.hasNonNull("uncertaintyKm")) {
                uncertainty = number(p, path, "uncertaintyKm", 0, 40_075);
            }
            return new GeoLocation(id, name, lat, lon, optText(p, path, "admin1"), optText(p, path, "country"),
                    precision, uncertainty);
        }

        private List<Incident> readEvents(JsonNode arr) {
            List<Incident> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                String path = LocatedJson.child("$.events", i);
                try {
                    Incident inc = event(arr.get(i), path);
                    if (!ids.add(inc.id())) {
                        throw new Invalid(LocatedJson.child(path, "id"), "duplicate incident id \"" + inc.id() + "\"");
                    }
                    out.add(inc);
                } catch (Invalid e) {
                    rejected++;
                    add(Problem.Severity.ERROR, e.path, e.getMessage() + "; incident skipped", e.columnOffset);
                }
            }
            return out;
        }

        private Incident event(JsonNode e, String path) throws Invalid {
            requireObject(e, path);
            String id = reqText(e, path, "id");
            String title = reqText(e, path, "title");
            String catId = reqText(e, path, "category");
            Category category = categories.get(catId);
            if (category == null) {
                throw new Invalid(LocatedJson.child(path, "category"), "unknown category \"" + catId
                        + "\"; expected one of " + categories.keySet());
            }
            TimeExtent when = null;
            String whenText = optText(e, path, "when");
            if (whenText != null) {
                try {
                    when = Edtf.parse(whenText);
                } catch (EdtfException ex) {
                    // point at the offending character inside the string (after its opening quote)
                    throw new Invalid(LocatedJson.child(path, "when"), ex.getMessage(), 1 + Math.max(0, ex.position()));
                }
            }
            GeoLocation where = null;
            JsonNode w = e.get("where");
            String wherePath = LocatedJson.child(path, "where");
            if (w != null && !w.isNull()) {
                if (w.isTextual()) {
                    where = places.get(w.asText());
                    if (where == null) {
                        throw new Invalid(wherePath, "unknown place \"" + w.asText()
                                + "\"; expected a place id from $.places or an inline place object");
                    }
                } else if (w.isObject()) {
                    where = place(w, wherePath, null);
                } else {
                    throw new Invalid(wherePath, "expected a place id (string) or a place object, found " + kind(w));
                }
            }
            Outcome outcome = null;
            JsonNode o = e.get("outcome");
            if (o != null && !o.isNull()) {
                String op = LocatedJson.child(path, "outcome");
                requireObject(o, op);
                outcome = new Outcome(count(o, op, "killed"), count(o, op, "injured"), optText(o, op, "damage"));
            }
            List<Source> sources = new ArrayList<>();
            JsonNode srcs = arrayOrEmpty(e, path, "sources");
            for (int i = 0; i < srcs.size(); i++) {
                String sp = LocatedJson.child(LocatedJson.child(path, "sources"), i);
                JsonNode s = srcs.get(i);
                requireObject(s, sp);
                String url = optText(s, sp, "url");
                if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
                    warn(LocatedJson.child(sp, "url"), "only http and https links are kept; \"" + url + "\" dropped");
                    url = null;
                }
                sources.add(new Source(optText(s, sp, "outlet"), optText(s, sp, "speaker"), optText(s, sp, "quote"),
                        optText(s, sp, "published"), url, optText(s, sp, "note")));
            }
            return new Incident(id, title, when, where, category, optText(e, path, "summary"), outcome, sources,
                    texts(e, path, "tags"), texts(e, path, "related"));
        }

        private void checkRelated(List<Incident> incidents) {
            Set<String> ids = new HashSet<>();
            incidents.forEach(i -> ids.add(i.id()));
            for (Incident inc : incidents) {
                for (String r : inc.related()) {
                    if (!ids.contains(r)) {
                        warn(pathOfEvent(inc.id()) + ".related", "related incident \"" + r + "\" is not in the file");
                    }
                }
            }
        }

        /**
         * Reads {@code $.narratives}. A bad narrative is skipped with an error (it does not count in
         * {@code rejected}, which counts incidents); a bad step is dropped with a warning.
         */
        private List<Narrative> readNarratives(JsonNode arr, List<Incident> incidents) {
            Set<String> incidentIds = new HashSet<>();
            incidents.forEach(i -> incidentIds.add(i.id()));
            List<Narrative> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                String path = LocatedJson.child("$.narratives", i);
                try {
                    Narrative n = narrative(arr.get(i), path, incidentIds);
                    if (!ids.add(n.id())) {
                        throw new Invalid(LocatedJson.child(path, "id"), "duplicate narrative id \"" + n.id() + "\"");
                    }
                    out.add(n);
                } catch (Invalid e) {
                    error(e.path, e.getMessage() + "; narrative skipped");
                }
            }
            return out;
        }

        private Narrative narrative(JsonNode n, String path, Set<String> incidentIds) throws Invalid {
            requireObject(n, path);
            String id = reqText(n, path, "id");
            String title = reqText(n, path, "title");
            JsonNode arr = n.get("steps");
            String stepsPath = LocatedJson.child(path, "steps");
            if (arr == null || arr.isNull()) {
                throw new Invalid(path, "missing required field \"steps\"");
            }
            if (!arr.isArray()) {
                throw new Invalid(stepsPath, "\"steps\" must be an array of steps, found " + kind(arr));
            }
            String description = optText(n, path, "description");
            List<NarrativeStep> steps = new ArrayList<>();
            for (int j = 0; j < arr.size(); j++) {
                NarrativeStep step = step(arr.get(j), LocatedJson.child(stepsPath, j), incidentIds);
                if (step != null) {
                    steps.add(step);
                }
            }
            if (steps.isEmpty()) {
                warn(stepsPath, "narrative \"" + id + "\" has no usable steps; it will not be shown");
            }
            return new Narrative(id, title, description, steps);
        }

        /** One step, or {@code null} (with a warning) when it is dropped. */
        private NarrativeStep step(JsonNode s, String path, Set<String> incidentIds) {
            if (s == null || !s.isObject()) {
                warn(path, "expected a step object such as {\"event\": \"<incident id>\"}, found " + kind(s)
                        + "; step dropped");
                return null;
            }
            JsonNode e = s.get("event");
            String eventPath = LocatedJson.child(path, "event");
            if (e == null || e.isNull()) {
                warn(path, "missing required field \"event\"; step dropped");
                return null;
            }
            if (!e.isTextual() || e.asText().isBlank()) {
                warn(eventPath, "\"event\" must be an incident id (a non-empty string), found " + kind(e)
                        + "; step dropped");
                return null;
            }
            String incidentId = e.asText().strip();
            if (!incidentIds.contains(incidentId)) {
                boolean skipped = !pathOfEvent(incidentId).equals("$.events");
                warn(eventPath, "incident \"" + incidentId + "\" " + (skipped ? "was skipped (see its error)"
                        : "is not in the file") + "; step dropped");
                return null;
            }
            return new NarrativeStep(incidentId, optText(s, path, "note"));
        }

        private Map<String, Integer> eventIndex;

        /** Path of the first event written with {@code id}; the index is built once (was a scan per call: O(n²)). */
        private String pathOfEvent(String id) {
            if (eventIndex == null) {
                eventIndex = new HashMap<>();
                JsonNode arr = json.root().path("events");
                for (int i = 0; i < arr.size(); i++) {
                    String written = SafeText.clean(arr.get(i).path("id").asText(null));
                    if (written != null) {
                        eventIndex.putIfAbsent(written.strip(), i);
                    }
                }
            }
            Integer i = eventIndex.get(id);
            return i == null ? "$.events" : LocatedJson.child("$.events", i);
        }

        // ---- field helpers -------------------------------------------------------------------------------

        private JsonNode arrayOrEmpty(JsonNode obj, String path, String field) {
            JsonNode a = obj.get(field);
            if (a == null || a.isNull()) {
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            }
            if (!a.isArray()) {
                error(LocatedJson.child(path, field), "expected an array, found " + kind(a) + "; ignored");
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            }
            return a;
        }

        private static void requireObject(JsonNode n, String path) throws Invalid {
            if (n == null || !n.isObject()) {
                throw new Invalid(path, "expected an object, found " + kind(n));
            }
        }

        private String reqText(JsonNode obj, String path, String field) throws Invalid {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                throw new Invalid(path, "missing required field \"" + field + "\"");
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new Invalid(LocatedJson.child(path, field), "\"" + field + "\" must be a non-empty string, found "
                        + kind(v));
            }
            String text = safe(v.asText(), LocatedJson.child(path, field)).strip();
            return field.equals("id") ? text : shortened(text, LocatedJson.child(path, field));
        }

        /** Longest text shown (titles, names, summaries, quotes): a 900,000-character title froze the window 4 s. */
        private static final int MAX_SHOWN_TEXT = 20_000;

        /** {@code s}, cut to {@link #MAX_SHOWN_TEXT} characters with a warning at {@code path} when longer. */
        private String shortened(String s, String path) {
            if (s.length() <= MAX_SHOWN_TEXT) {
                return s;
            }
            int cut = Character.isHighSurrogate(s.charAt(MAX_SHOWN_TEXT - 1)) ? MAX_SHOWN_TEXT - 1 : MAX_SHOWN_TEXT;
            warn(path, "text shortened to " + cut + " characters (it has " + s.length() + ")");
            return s.substring(0, cut) + "…";
        }

        /** {@link SafeText#clean}, with a warning at {@code path} when something was removed or replaced. */
        private String safe(String s, String path) {
            String cleaned = SafeText.clean(s);
            if (cleaned != s) {
                warn(path, "control, bidirectional-override or broken surrogate characters removed or replaced; "
                        + "the text is shown without them");
            }
            return cleaned;
        }

        private String optText(JsonNode obj, String path, String field) {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                warn(LocatedJson.child(path, field), "\"" + field + "\" should be a string, found " + kind(v)
                        + "; ignored");
                return null;
            }
            String s = safe(v.asText(), LocatedJson.child(path, field)).strip();
            return s.isEmpty() ? null : shortened(s, LocatedJson.child(path, field));
        }

        private List<String> texts(JsonNode obj, String path, String field) {
            JsonNode a = arrayOrEmpty(obj, path, field);
            List<String> out = new ArrayList<>();
            for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                if (v.isTextual() && !v.asText().isBlank()) {
                    out.add(safe(v.asText(), LocatedJson.child(LocatedJson.child(path, field), out.size())).strip());
                } else {
                    warn(LocatedJson.child(LocatedJson.child(path, field), out.size()),
                            "expected a non-empty string, found " + kind(v) + "; ignored");
                }
            }
            return out;
        }

        private static double number(JsonNode obj, String path, String field, double min, double max) throws Invalid {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                throw new Invalid(path, "missing required field \"" + field + "\"");
            }
            if (!v.isNumber()) {
                throw new Invalid(LocatedJson.child(path, field), "\"" + field + "\" must be a number in [" + fmt(min)
                        + ", " + fmt(max) + "], found " + kind(v));
            }
            double d = v.asDouble();
            if (!Double.isFinite(d) || d < min || d > max) {
                throw new Invalid(LocatedJson.child(path, field), "\"" + field + "\" must be a finite number in ["
                        + fmt(min) + ", " + fmt(max) + "], found " + v);
            }
            return d;
        }

        private Integer count(JsonNode obj, String path, String field) throws Invalid {
            JsonNode v = obj.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
                throw new Invalid(LocatedJson.child(path, field), "\"" + field
                        + "\" must be a whole number >= 0 or null, found " + v);
            }
            return v.asInt();
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        private static String kind(JsonNode n) {
            if (n == null || n.isMissingNode()) {
                return "nothing";
            }
            if (n.isTextual()) {
                String t = n.asText();
                return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
            }
            return switch (n.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case NUMBER -> "the number " + n;
                case BOOLEAN -> n.asText();
                case NULL -> "null";
                default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            };
        }

        private EventFileException fatal(String path, String message) {
            long[] loc = json.locate(path);
            return new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, path, (int) loc[0],
                    (int) loc[1], message), null);
        }

        private void error(String path, String message) {
            add(Problem.Severity.ERROR, path, message);
        }

        private void warn(String path, String message) {
            add(Problem.Severity.WARNING, path, message);
        }

        private void add(Problem.Severity severity, String path, String message) {
            add(severity, path, message, 0);
        }

        private void add(Problem.Severity severity, String path, String message, int columnOffset) {
            long[] loc = json.locate(path);
            problems.add(new Problem(severity, path, (int) loc[0], (int) loc[1] + (loc[0] > 0 ? columnOffset : 0),
                    message));
        }
    }

    /** A validation failure of one item, carrying the JSON path of the offending value. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;
        final int columnOffset;

        Invalid(String path, String message) {
            this(path, message, 0);
        }

        /** @param columnOffset how far into the value the problem lies, in characters */
        Invalid(String path, String message, int columnOffset) {
            super(message, null, false, false);
            this.path = path;
            this.columnOffset = columnOffset;
        }
    }
}
