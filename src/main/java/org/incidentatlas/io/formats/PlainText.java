package org.incidentatlas.io.formats;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns markup found in other tools' text fields (KML descriptions, TimelineJS text) into plain text. The
 * result is only ever shown as text: it is never interpreted as HTML, so stripping is for readability, not
 * for safety.
 */
final class PlainText {
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|/div|/h[1-6]|/tr)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<\\s*li\\b[^>]*>");
    private static final Pattern DROPPED = Pattern.compile("(?is)<\\s*(script|style)\\b.*?<\\s*/\\s*\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[!/?]?[A-Za-z][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0", "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026");

    private PlainText() {
    }

    /**
     * Plain text from {@code text} that may hold HTML: tags dropped (line breaks kept for {@code <br>},
     * paragraphs, list items), entities decoded, runs of spaces folded, blank lines collapsed. {@code null} or
     * blank gives {@code null}.
     */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (s.indexOf('<') >= 0) {
            s = COMMENT.matcher(s).replaceAll("");
            s = DROPPED.matcher(s).replaceAll("");
            s = BREAK.matcher(s).replaceAll("\n");
            s = ITEM.matcher(s).replaceAll("\n• ");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        s = s.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\\u00a0]+", " ")
                .replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        return s.isEmpty() ? null : s;
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.charAt(0) == '#') {
                int cp;
                try {
                    cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X')
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                } catch (NumberFormatException ex) {
                    cp = -1;
                }
                rep = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : m.group();
            } else {
                rep = NAMED.getOrDefault(e.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
