package org.incidentatlas.io;

/** JSON paths for messages: {@code $}, {@code $.events[2].when}, {@code $.places[0]['odd key']}. */
final class LocatedPath {
    private LocatedPath() {
    }

    static String child(String path, String field) {
        return isIdentifier(field) ? path + "." + field : path + "['" + field.replace("'", "\\'") + "']";
    }

    static String child(String path, int index) {
        return path + "[" + index + "]";
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
