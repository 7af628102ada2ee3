package org.incidentatlas.io.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.Problem;

/**
 * A JSON document whose top level is an object, read so that the elements of the named record arrays
 * ({@code features}, {@code events}, {@code eras}) remember the line and column they start at. The same size
 * and depth limits as the native reader apply.
 *
 * @param root    the top-level object (record arrays included)
 * @param located for each record array name, the {line, column} of each element
 */
record JsonRecords(ObjectNode root, Map<String, List<int[]>> located) {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(64)
                    .build())
            .build());

    /** {line, column} of element {@code i} of array {@code name}, or {0, 0}. */
    int[] where(String name, int i) {
        List<int[]> l = located.get(name);
        return l == null || i >= l.size() ? new int[] {0, 0} : l.get(i);
    }

    /**
     * Reads {@code in}.
     *
     * @throws EventFileException when it is not JSON or its top level is not an object
     */
    static JsonRecords read(String sourceName, InputStream in, Set<String> recordArrays) throws EventFileException {
        ObjectNode root = MAPPER.createObjectNode();
        Map<String, List<int[]>> located = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                JsonLocation l = p.currentTokenLocation();
                throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$",
                        l.getLineNr(), l.getColumnNr(), t == null ? "the file is empty"
                        : "expected a JSON object at the top level"), null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY && recordArrays.contains(name)) {
                    var arr = root.putArray(name);
                    List<int[]> locs = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonLocation l = p.currentTokenLocation();
                        locs.add(new int[] {l.getLineNr(), l.getColumnNr()});
                        JsonNode n = MAPPER.readTree(p);
                        arr.add(n);
                    }
                    located.put(name, locs);
                } else {
                    root.set(name, MAPPER.readTree(p));
                }
            }
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$",
                        l.getLineNr(), l.getColumnNr(), "unexpected content after the top-level object"),
                        null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$",
                    l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()), e);
        } catch (EventFileException e) {
            throw e;
        } catch (IOException e) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
        return new JsonRecords(root, located);
    }

    /** Text of a scalar field ({@code null} when missing, null, blank or not a scalar). */
    static String text(JsonNode obj, String field) {
        if (obj == null) {
            return null;
        }
        JsonNode v = obj.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
