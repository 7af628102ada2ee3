package org.incidentatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Online tiles go to the one configured host, over HTTPS; plain http only to this machine (the tests' hook). */
class HostileTileHostTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "http://tile.openstreetmap.org/{z}/{x}/{y}.png",      // plain http to the internet: readable on the wire
        "http://10.0.0.1/{z}/{x}/{y}.png",                    // nor to a private address
        "http://127.0.0.1.evil.example/{z}/{x}/{y}.png",      // looks loopback, is not
        "http://localhost.evil.example/{z}/{x}/{y}.png",
        "https://{z}.tiles.example/{x}/{y}.png",              // the host would change with the tile
        "https://user:secret@tiles.example/{z}/{x}/{y}.png",  // credentials in the URL
        "https:///{z}/{x}/{y}.png",                           // no host
        "ftp://tiles.example/{z}/{x}/{y}.png",
        "file:///tmp/{z}/{x}/{y}.png",
        "javascript:alert('{z}{x}{y}')",
        "https://tiles.example/{z}/{x}.png",                  // a placeholder missing
    })
    void refused(String template) {
        assertThrows(IllegalArgumentException.class, () -> OnlineTileSource.validateTemplate(template));
    }

    @org.junit.jupiter.api.Test
    void cachePathsAreBuiltFromNumbersAndAHashNeverFromTheUrlText(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path cache) {
        OnlineTileSource s = new OnlineTileSource("https://tiles.example/../../../../etc/{z}/{x}/{y}.png", "ua",
                cache, java.net.http.HttpClient.newHttpClient(), java.time.Clock.systemUTC(), m -> { });
        try {
            for (long[] t : new long[][] {{0, 0, 0}, {19, -1, Long.MIN_VALUE}, {Integer.MAX_VALUE, Long.MAX_VALUE, 7}}) {
                java.nio.file.Path p = s.cacheFile((int) t[0], t[1], t[2]);
                org.junit.jupiter.api.Assertions.assertTrue(p.normalize().startsWith(cache), p.toString());
                org.junit.jupiter.api.Assertions.assertEquals(cache.getNameCount() + 4, p.getNameCount(), p.toString());
            }
        } finally {
            s.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://tiles.example:8443/base/{z}/{x}/{y}.png?style=dark",
        "http://127.0.0.1:8080/{z}/{x}/{y}.png",              // the loopback test hook
        "http://localhost/{z}/{x}/{y}.png",
        "http://[::1]:9000/{z}/{x}/{y}.png",
    })
    void accepted(String template) {
        assertEquals(template, OnlineTileSource.validateTemplate(template));
    }
}
