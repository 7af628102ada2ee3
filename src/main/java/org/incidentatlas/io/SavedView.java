package org.incidentatlas.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved view: which file, which time window (its end is the playhead) and window mode, which incident is
 * selected, the filters, and where the map looks. Stored as a small JSON file ({@value #FORMAT}) written
 * atomically (a temporary file moved into place), so a crash never leaves half a view. Any field may be
 * {@code null} when not known.
 */
public record SavedView(Path file, Instant windowStart, Instant windowEnd, String windowMode, String selectedId,
                        List<String> hiddenCategories, List<String> hiddenRegions, String searchText,
                        boolean onlyMapExtent, Double mapLat, Double mapLon, Double mapZoom) {
    public static final String FORMAT = "incident-atlas-view/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Views are a few hundred bytes; anything near this is not one. */
    private static final long MAX_BYTES = 1 << 20;

    public SavedView {
        hiddenCategories = hiddenCategories == null ? List.of() : List.copyOf(hiddenCategories);
        hiddenRegions = hiddenRegions == null ? List.of() : List.copyOf(hiddenRegions);
    }

    /** Writes this view to {@code target} atomically. */
    public void write(Path target) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("file", file == null ? null : file.toAbsolutePath().toString());
        if (windowStart != null && windowEnd != null) {
            ObjectNode w = root.putObject("window");
            w.put("start", windowStart.toString());
            w.put("end", windowEnd.toString());
            w.put("mode", windowMode);
        }
        root.put("selected", selectedId);
        ObjectNode f = root.putObject("filters");
        ArrayNode cats = f.putArray("hiddenCategories");
        hiddenCategories.forEach(cats::add);
        ArrayNode regs = f.putArray("hiddenRegions");
        hiddenRegions.forEach(regs::add);
        f.put("text", searchText);
        f.put("onlyMapExtent", onlyMapExtent);
        if (mapLat != null && mapLon != null && mapZoom != null) {
            ObjectNode m = root.putObject("map");
            m.put("lat", mapLat);
            m.put("lon", mapLon);
            m.put("zoom", mapZoom);
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".view", ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), root);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a view file.
     *
     * @throws IOException naming the file and what is wrong when it is not a view
     */
    public static SavedView read(Path source) throws IOException {
        // a view may come from someone else: never block on a pipe or read a huge file as one
        FilePreflight.check(source);
        if (Files.size(source) > MAX_BYTES) {
            throw new IOException(source + ": not a view file (" + Files.size(source) + " bytes; a view is under 1 MB)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(source.toFile());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IOException(source + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": not a valid view file: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(source + ": not a view file (expected \"format\": \"" + FORMAT + "\")");
        }
        try {
            JsonNode w = root.path("window");
            JsonNode f = root.path("filters");
            JsonNode m = root.path("map");
            // a place the map can show, else no map position at all (the map then fits the incidents)
            boolean mapOk = m.isObject() && m.path("lat").isNumber() && m.path("lon").isNumber()
                    && m.path("zoom").isNumber() && Math.abs(m.path("lat").asDouble()) <= 90
                    && Math.abs(m.path("lon").asDouble()) <= 180 && m.path("zoom").asDouble() >= 1
                    && m.path("zoom").asDouble() <= 20;
            return new SavedView(text(root, "file") == null ? null : Path.of(text(root, "file")),
                    w.isObject() ? Instant.parse(w.path("start").asText()) : null,
                    w.isObject() ? Instant.parse(w.path("end").asText()) : null,
                    w.isObject() ? text(w, "mode") : null, text(root, "selected"),
                    strings(f.path("hiddenCategories")), strings(f.path("hiddenRegions")), text(f, "text"),
                    f.path("onlyMapExtent").asBoolean(false),
                    mapOk ? m.path("lat").asDouble() : null, mapOk ? m.path("lon").asDouble() : null,
                    mapOk ? m.path("zoom").asDouble() : null);
        } catch (DateTimeParseException e) {
            throw new IOException(source + ": $.window: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a.isArray()) {
            a.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
