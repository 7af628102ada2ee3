package org.incidentatlas.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON tree that remembers where in the text each value started, keyed by JSON path
 * ({@code $}, {@code $.events[2].when}). Jackson's own tree forgets locations; validation messages need them.
 * Not thread-safe; built once per read.
 */
final class LocatedJson {
    private final JsonNode root;
    private final Map<String, long[]> locations;

    private LocatedJson(JsonNode root, Map<String, long[]> locations) {
        this.root = root;
        this.locations = locations;
    }

    JsonNode root() {
        return root;
    }

    /** {line, column} of the value at {@code path}, or of its nearest located ancestor; {0, 0} when none. */
    long[] locate(String path) {
        String p = path;
        while (true) {
            long[] loc = locations.get(p);
            if (loc != null) {
                return loc;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return new long[] {0, 0};
            }
            p = p.substring(0, cut);
        }
    }

    /** Reads one JSON value from {@code parser}; the parser must be positioned before its first token. */
    static LocatedJson read(JsonParser parser) throws IOException {
        Map<String, long[]> locations = new HashMap<>();
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "the file is empty: expected a JSON object");
        }
        JsonNode root = readValue(parser, t, "$", locations);
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser,
                    "unexpected content after the end of the top-level value (" + extra.asString() + ")");
        }
        return new LocatedJson(root, locations);
    }

    static String child(String path, String field) {
        return isIdentifier(field) ? path + "." + field
                : path + "['" + field.replace("'", "\\'") + "']";
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, without compiling a regular expression for every field of the file. */
    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    static String child(String path, int index) {
        return path + "[" + index + "]";
    }

    private static JsonNode readValue(JsonParser p, JsonToken t, String path, Map<String, long[]> locations)
            throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        locations.put(path, new long[] {loc.getLineNr(), loc.getColumnNr()});
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = f.objectNode();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    String childPath = child(path, name);
                    JsonNode value = readValue(p, v, childPath, locations);
                    obj.set(name, value); // a repeated key keeps the last value, as Jackson does
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = f.arrayNode();
                JsonToken n;
                int i = 0;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, n, child(path, i++), locations));
                }
                return arr;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return f.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }
}
