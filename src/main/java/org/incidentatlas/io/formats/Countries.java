package org.incidentatlas.io.formats;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ISO 3166-1 alpha-2 codes (what the events file's {@code country} holds) from the alpha-3 codes and English
 * names other formats use, from the JDK's own country list. Thread-safe (built once, read only).
 */
final class Countries {
    private static final Map<String, String> CODES = build();

    private Countries() {
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            Locale l = new Locale("", a2);
            m.put(a2, a2);
            try {
                m.put(l.getISO3Country().toUpperCase(Locale.ROOT), a2);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code known for it
            }
            m.put(l.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT), a2);
        }
        return m;
    }

    /** The alpha-2 code for an alpha-2 or alpha-3 code or an English name (any case), or {@code null}. */
    static String alpha2(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return null;
        }
        return CODES.get(codeOrName.strip().toUpperCase(Locale.ROOT));
    }
}
