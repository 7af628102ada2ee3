package org.incidentatlas.io;

/**
 * Neutralises characters in text from a file that could hide or disguise what is shown: C0 and C1 control
 * characters (other than tab, line feed and carriage return) are removed, explicit bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" characters) are removed, and a
 * lone surrogate becomes U+FFFD. Right-to-left marks (U+200E, U+200F, U+061C) stay: Arabic text needs them and
 * they cannot reorder other text. One linear pass, no regular expression.
 */
public final class SafeText {
    private SafeText() {
    }

    /** {@code s} itself when nothing needs neutralising (so callers can test with {@code ==}), else a cleaned copy. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            // printable ASCII, nearly every character of a file, passes with one comparison
            if ((char) (c - 0x20) >= 0x5f && !ok(s, i)) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else if (!removed(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Escapes, for a terminal, every character {@link #clean} would touch, as {@code \}{@code uXXXX}. */
    public static String forTerminal(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || (removed(c) && c != '\t') || c == '\n' || c == '\r') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean ok(String s, int i) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                return true; // the low half is checked next and passes as the tail of a pair below
            }
            return Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return !removed(c);
    }

    /** Whether {@link #clean} removes {@code c} wherever it is (surrogates aside). */
    static boolean removed(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return (c >= 0x7f && c <= 0x9f) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
