package org.incidentatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tile policy's cache rules, against a tile server on the loopback address. */
class OnlineTileSourceTest {
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private HttpServer server;
    private String template;

    @BeforeEach
    void serve() throws IOException {
        // JavaFX images need the toolkit only for display; decoding PNGs works headless.
        BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(tile, "png", png);
        byte[] body = png.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            userAgent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            ex.getResponseHeaders().add("Cache-Control", "max-age=60");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        template = "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void cachesForAtLeastSevenDaysThenRefetches(@TempDir Path cache) throws Exception {
        MutableClock clock = new MutableClock();
        OnlineTileSource source = new OnlineTileSource(template, "IncidentAtlas/9.9", cache,
                HttpClient.newHttpClient(), clock, s -> { });
        assertNotNull(source.fetchOrCached(5, 20, 12));
        assertEquals(1, requests.get());
        assertEquals("IncidentAtlas/9.9", userAgent.get());
        assertTrue(Files.exists(source.cacheFile(5, 20, 12)));

        clock.now = clock.now.plus(Duration.ofDays(6)); // the server said 60 s; we keep it 7 days anyway
        source.fetchOrCached(5, 20, 12);
        assertEquals(1, requests.get(), "served from the disk cache");

        clock.now = clock.now.plus(Duration.ofDays(2));
        source.fetchOrCached(5, 20, 12);
        assertEquals(2, requests.get(), "expired after 7 days: fetched again");
    }

    @Test
    void aStaleTileBeatsNothingWhenTheServerIsGone(@TempDir Path cache) throws Exception {
        MutableClock clock = new MutableClock();
        OnlineTileSource source = new OnlineTileSource(template, "IncidentAtlas/9.9", cache,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), clock, s -> { });
        source.fetchOrCached(3, 1, 2);
        server.stop(0);
        clock.now = clock.now.plus(Duration.ofDays(30));
        assertNotNull(source.fetchOrCached(3, 1, 2));
        assertThrows(IOException.class, () -> source.fetchOrCached(3, 4, 4), "no copy, no server: the caller falls back");
    }

    @Test
    void refusesTemplatesThatAreNotHttpOrLackPlaceholders() {
        assertThrows(IllegalArgumentException.class, () -> OnlineTileSource.validateTemplate("file:///{z}/{x}/{y}"));
        assertThrows(IllegalArgumentException.class, () -> OnlineTileSource.validateTemplate("https://x/{z}/{x}.png"));
        assertEquals(OnlineTileSource.OSM_TEMPLATE, OnlineTileSource.validateTemplate(OnlineTileSource.OSM_TEMPLATE));
    }
}
