package org.incidentatlas.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import org.incidentatlas.map.MapOptions;

/** Map options for UI tests: a throw-away tile cache; the HTTP client is only used when a test turns tiles on. */
final class TestMaps {
    private TestMaps() {
    }

    static MapOptions options() {
        try {
            return new MapOptions("IncidentAtlas/test", Files.createTempDirectory("atlas-tiles"),
                    HttpClient::newHttpClient);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
