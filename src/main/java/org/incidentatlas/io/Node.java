package org.incidentatlas.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.util.Arrays;

/**
 * A small JSON value that knows where it started in the text (line and column), for validation messages. The
 * reader builds one per incident while it streams through the file, validates it and drops it, so memory stays
 * that of one incident whatever the file's size. Objects keep their fields in file order and are looked up by a
 * linear scan (an incident has a dozen fields). Not thread-safe.
 */
final class Node {
    enum Kind { OBJECT, ARRAY, STRING, INT, FLOAT, TRUE, FALSE, NULL }

    private static final String[] NO_NAMES = new String[0];
    private static final Node[] NO_VALUES = new Node[0];

    final Kind kind;
    final int line;
    final int column;
    /** The text of a string, or the digits of an integer as written; {@code null} otherwise. */
    private final String text;
    private final double number;
    private String[] names = NO_NAMES;
    private Node[] values = NO_VALUES;
    private int size;

    private Node(Kind kind, int line, int column, String text, double number) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.number = number;
    }

    /** A place in the text with no value (e.g. where the top-level object starts). */
    static Node at(int line, int column) {
        return new Node(Kind.OBJECT, line, column, null, 0);
    }

    /** An object located at {@code at} whose fields are {@code fields} (the top-level sections read whole). */
    static Node objectOf(Node at, java.util.Map<String, Node> fields) {
        Node obj = new Node(Kind.OBJECT, at.line, at.column, null, 0);
        fields.forEach(obj::add);
        return obj;
    }

    /** An empty array that was not in the file (line 0). */
    static Node emptyArray() {
        return new Node(Kind.ARRAY, 0, 0, null, 0);
    }

    /** Reads the value that starts at the parser's current token {@code t}, children included. */
    static Node read(JsonParser p, JsonToken t) throws IOException {
        int line = tokenLine(p);
        int column = tokenColumn(p);
        switch (t) {
            case START_OBJECT: {
                Node obj = new Node(Kind.OBJECT, line, column, null, 0);
                java.util.Set<String> seen = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    // A repeated name is an error, not a silent overwrite: the file says two things at once.
                    if (obj.size < 16) {
                        for (int i = 0; i < obj.size; i++) {
                            if (obj.names[i].equals(name)) {
                                throw duplicate(p, name);
                            }
                        }
                    } else {
                        if (seen == null) {
                            seen = new java.util.HashSet<>(java.util.Arrays.asList(obj.names).subList(0, obj.size));
                        }
                        if (!seen.add(name)) {
                            throw duplicate(p, name);
                        }
                    }
                    obj.add(name, read(p, p.nextToken()));
                }
                return obj;
            }
            case START_ARRAY: {
                Node arr = new Node(Kind.ARRAY, line, column, null, 0);
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    arr.add(null, read(p, n));
                }
                return arr;
            }
            case VALUE_STRING:
                return new Node(Kind.STRING, line, column, p.getText(), 0);
            case VALUE_NUMBER_INT:
                return new Node(Kind.INT, line, column, p.getText(), p.getValueAsDouble());
            case VALUE_NUMBER_FLOAT:
                return new Node(Kind.FLOAT, line, column, null, p.getDoubleValue());
            case VALUE_TRUE:
                return new Node(Kind.TRUE, line, column, null, 0);
            case VALUE_FALSE:
                return new Node(Kind.FALSE, line, column, null, 0);
            case VALUE_NULL:
                return new Node(Kind.NULL, line, column, null, 0);
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }

    /** The line of the parser's current token, as nodes record it. */
    static int tokenLine(JsonParser p) {
        return p instanceof ParserBase b ? b.getTokenLineNr() : p.currentTokenLocation().getLineNr();
    }

    /** The column of the parser's current token, as nodes record it. */
    static int tokenColumn(JsonParser p) {
        // ParserBase's method counts from 2 on the first column
        return p instanceof ParserBase b ? b.getTokenColumnNr() - 1 : p.currentTokenLocation().getColumnNr();
    }

    /**
     * This tree as if read elsewhere in a bigger text: a node on this root's line moves by the columns between
     * this root and ({@code line}, {@code column}); a node on a later line keeps its column. For an incident read
     * again from its own bytes, so that messages point into the file.
     */
    Node relocated(int line, int column) {
        return relocated(this.line, this.column, line, column);
    }

    /** This tree with ({@code fromLine}, {@code fromColumn}) moved to ({@code toLine}, {@code toColumn}), as above. */
    Node relocated(int fromLine, int fromColumn, int toLine, int toColumn) {
        int l = this.line - fromLine + toLine;
        int c = this.line == fromLine ? this.column - fromColumn + toColumn : this.column;
        Node n = new Node(kind, l, c, text, number);
        n.names = names;
        n.size = size;
        n.values = new Node[size];
        for (int i = 0; i < size; i++) {
            n.values[i] = values[i].relocated(fromLine, fromColumn, toLine, toColumn);
        }
        return n;
    }

    private static com.fasterxml.jackson.core.JsonParseException duplicate(JsonParser p, String name) {
        return new com.fasterxml.jackson.core.JsonParseException(p, "Duplicate field '" + name + "'");
    }

    private void add(String name, Node value) {
        if (size == values.length) {
            int cap = Math.max(4, size * 2);
            values = Arrays.copyOf(values, cap);
            if (name != null || kind == Kind.OBJECT) {
                names = Arrays.copyOf(names, cap);
            }
        }
        if (kind == Kind.OBJECT) {
            names[size] = name;
        }
        values[size++] = value;
    }

    /** The value of field {@code name}, or {@code null} when absent (or when this is not an object). */
    Node get(String name) {
        if (kind != Kind.OBJECT) {
            return null;
        }
        // Jackson interns field names and the callers pass literals, so an identity scan nearly always finds
        // the field; the equality scan after it keeps this correct for any other string.
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return values[i];
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** Element {@code i} of an array (or the i-th field value of an object). */
    Node get(int i) {
        return values[i];
    }

    /** Name of the i-th field of an object. */
    String name(int i) {
        return names[i];
    }

    int size() {
        return size;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    boolean isObject() {
        return kind == Kind.OBJECT;
    }

    boolean isArray() {
        return kind == Kind.ARRAY;
    }

    boolean isTextual() {
        return kind == Kind.STRING;
    }

    boolean isNumber() {
        return kind == Kind.INT || kind == Kind.FLOAT;
    }

    boolean isIntegralNumber() {
        return kind == Kind.INT;
    }

    /** An integer that fits in an {@code int}. */
    boolean canConvertToInt() {
        return kind == Kind.INT && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE
                && (text.length() < 10 || fitsInt(text));
    }

    private static boolean fitsInt(String digits) {
        try {
            Integer.parseInt(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    String asText() {
        return kind == Kind.STRING || kind == Kind.INT ? text : toString();
    }

    double asDouble() {
        return number;
    }

    int asInt() {
        return (int) number;
    }

    /** A field that is present and not null. */
    boolean hasNonNull(String name) {
        Node v = get(name);
        return v != null && !v.isNull();
    }

    /** How a value looks, for messages: {@code the string "…"}, {@code the number 95.0}, {@code an array}. */
    static String kind(Node n) {
        if (n == null) {
            return "nothing";
        }
        return switch (n.kind) {
            case STRING -> "the string \"" + (n.text.length() > 40 ? n.text.substring(0, 40) + "…" : n.text) + "\"";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case INT, FLOAT -> "the number " + n;
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
        };
    }

    /** JSON text of a scalar (strings quoted); {@code {…}} and {@code […]} for containers. */
    @Override
    public String toString() {
        return switch (kind) {
            case STRING -> '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            case INT -> text;
            case FLOAT -> Double.toString(number);
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            case OBJECT -> size == 0 ? "{}" : "{…}";
            case ARRAY -> size == 0 ? "[]" : "[…]";
        };
    }
}
