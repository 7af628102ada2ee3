package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.incidentatlas.map.AtlasMap;
import org.incidentatlas.map.AtlasTileRetriever;
import org.incidentatlas.map.MapOptions;
import org.incidentatlas.timeline.IncidentTimeline;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * By default the app opens no network connection at all. A {@link ProxySelector} that refuses and records every
 * request is installed before the window exists: {@code java.net.Socket}, {@code URLConnection} and
 * {@code HttpClient} (with its default selector, as the app builds it) all ask it before connecting. Then the
 * window starts, loads the seed file, and a person pans, zooms, scrubs and clicks. Nothing may have asked.
 * (Raw NIO channels and DNS lookups do not ask a ProxySelector; the run of {@code --screenshot} in a network
 * namespace without interfaces, recorded in docs/security.md, covers those.)
 */
class HostileNetworkUiTest extends WindowUiTest {
    private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS_MADE =
            new java.util.concurrent.atomic.AtomicInteger();
    private static ProxySelector previous;

    @BeforeAll
    static void refuseTheNetwork() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                ATTEMPTS.add(uri + " from " + Thread.currentThread().getName());
                throw new IllegalStateException("network access attempted: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                ATTEMPTS.add("failed " + uri);
            }
        });
    }

    @AfterAll
    static void restore() {
        ProxySelector.setDefault(previous);
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected MainWindow createWindow(ExplorerState s) {
        try {
            // as the app builds them (AppInfo), with a throw-away cache folder
            MapOptions options = new MapOptions(AppInfo.userAgent(), Files.createTempDirectory("atlas-no-net"),
                    () -> {
                        CLIENTS_MADE.incrementAndGet();
                        return AppInfo.tileHttpClient();
                    });
            return new MainWindow(s, options, settings());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theTileClientFollowsNoRedirectToAnotherHost() {
        assertEquals(java.net.http.HttpClient.Redirect.NEVER, AppInfo.tileHttpClient().followRedirects());
    }

    @Test
    void theTrapIsArmed() {
        int before = ATTEMPTS.size();
        // loopback and an unused port: even if the trap failed, nothing would leave the machine
        assertThrows(RuntimeException.class, () -> new java.net.URL("http://127.0.0.1:9/").openConnection().connect());
        assertThrows(RuntimeException.class, () -> new java.net.Socket("127.0.0.1", 9).close());
        assertThrows(RuntimeException.class, () -> AppInfo.tileHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("https://127.0.0.1:9/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()));
        assertEquals(before + 3, ATTEMPTS.size(), ATTEMPTS.toString());
        ATTEMPTS.subList(before, ATTEMPTS.size()).clear();
    }

    @Test
    void startingLoadingPanningZoomingAndScrubbingOpenNoConnection(FxRobot robot) throws Exception {
        AtlasMap map = window.map();
        assertFalse(fx(() -> map.onlineTilesProperty().get()), "online tiles are off by default");
        assertEquals("offline basemap", fx(() -> map.onlineStatusProperty().get()));
        assertTrue(state.getCatalog().size() >= 7, "the seed file is loaded");

        // pan: drag the map
        Point2D from = fx(() -> map.localToScreen(map.getWidth() * 0.3, map.getHeight() * 0.6));
        Point2D to = fx(() -> map.localToScreen(map.getWidth() * 0.7, map.getHeight() * 0.4));
        robot.drag(from, MouseButton.PRIMARY).dropTo(to);
        // zoom in and out, and jump across the world (new tiles at every step)
        robot.interact(() -> map.zoomBy(2));
        robot.interact(() -> map.setView(33.3, 44.4, 11));
        robot.interact(() -> map.setView(-33.9, 151.2, 6));
        robot.interact(() -> map.zoomBy(-3));
        // click an incident on the timeline's list, then scrub the playhead across the whole overview band
        robot.interact(() -> state.selectById("2021-06-al-asad-drones"));
        IncidentTimeline timeline = window.timelinePanel().timeline();
        Instant start = Instant.parse("2014-06-01T00:00:00Z");
        Instant end = Instant.parse("2021-06-20T00:00:00Z");
        robot.interact(() -> state.windowProperty().set(new org.incidentatlas.viewmodel.TimeWindow(start,
                start.plusSeconds(86_400 * 30))));
        robot.moveTo(fx(() -> timeline.localToScreen(timeline.overviewXOf(start.plusSeconds(86_400 * 30)), 4)))
                .press(MouseButton.PRIMARY);
        robot.moveTo(fx(() -> timeline.localToScreen(timeline.overviewXOf(end), 4)));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(AtlasTileRetriever::pendingTiles) == 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), ATTEMPTS, "network connections were attempted");
        assertEquals("offline basemap", fx(() -> map.onlineStatusProperty().get()));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("online-tiles")),
                "no online tile thread ever ran");
        assertEquals(0, CLIENTS_MADE.get(), "an offline session never builds an HTTP client");
    }
}
