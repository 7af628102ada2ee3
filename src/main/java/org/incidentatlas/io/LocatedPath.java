package org.incidentatlas.io;

/**
 * A JSON path for messages: {@code $}, {@code $.events[2].when}, {@code $.places[0]['odd key']}. Built as a chain
 * of small links and spelled out only when a message needs it: the reader makes a path for every incident, source
 * and tag of a big file, and nearly all of them are never shown.
 */
final class LocatedPath {
    static final LocatedPath ROOT = new LocatedPath(null, null, -1);

    private final LocatedPath parent;
    /** The field name, or {@code null} for an array index (or the root). */
    private final String field;
    private final int index;
    private String text;

    private LocatedPath(LocatedPath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    LocatedPath child(String name) {
        return new LocatedPath(this, name, -1);
    }

    LocatedPath child(int i) {
        return new LocatedPath(this, null, i);
    }

    @Override
    public String toString() {
        if (text == null) {
            if (parent == null) {
                text = "$";
            } else if (field == null) {
                text = parent + "[" + index + "]";
            } else if (isIdentifier(field)) {
                text = parent + "." + field;
            } else {
                text = parent + "['" + field.replace("'", "\\'") + "']";
            }
        }
        return text;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
