package org.incidentatlas.app;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Remembered user choices (online tiles, tile URL, hide-or-fade), as string key/values. */
public interface Settings {
    String get(String key, String fallback);

    void put(String key, String value);

    default boolean getBoolean(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, Boolean.toString(fallback)));
    }

    /** The user's Java preferences node for Incident Atlas. */
    static Settings userPreferences() {
        Preferences node = Preferences.userRoot().node("org/incidentatlas");
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return node.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    System.getLogger(Settings.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot save preferences: " + e.getMessage());
                }
            }
        };
    }

    /** Settings that live only as long as this object (tests, screenshots). */
    static Settings inMemory() {
        Map<String, String> map = new HashMap<>();
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return map.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }
        };
    }
}
