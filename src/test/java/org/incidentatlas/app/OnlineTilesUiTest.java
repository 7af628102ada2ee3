package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.map.MapOptions;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Online tiles are off at start and follow the tile policy when turned on. The "tile server" is a local one on
 * the loopback address: tests never reach the internet.
 */
@ExtendWith(ApplicationExtension.class)
class OnlineTilesUiTest {
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Path cache;
    private ExplorerState state;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(tile, "png", png);
        byte[] body = png.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        cache = Files.createTempDirectory("atlas-online-tiles");
        Settings settings = Settings.inMemory();
        settings.put(MainWindow.KEY_TILE_URL, "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png");
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        window = new MainWindow(state, new MapOptions("IncidentAtlas/test-1.0", cache, HttpClient::newHttpClient),
                settings);
        stage.setScene(window.createScene());
        stage.show();
        state.open(Path.of("data", "events.json"));
    }

    @AfterEach
    void offAgain() {
        // The tile route is JVM-wide (Gluon's ServiceLoader): leave it offline for the other tests.
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> window.map().onlineTilesProperty().set(false));
        server.stop(0);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        return WindowUiTest.fx(c);
    }

    @Test
    void offAtStartAndTurningItOnShowsTheAttributionAndFetchesWithOurUserAgent(FxRobot robot) throws Exception {
        Label attribution = robot.lookup("#mapAttribution").queryAs(Label.class);
        assertFalse(fx(() -> window.map().onlineTilesProperty().get()));
        assertEquals("Natural Earth · GeoNames", fx(attribution::getText));
        assertEquals("offline", robot.lookup("#networkBadge").queryAs(Label.class).getText());
        assertTrue(userAgents.isEmpty(), "nothing fetched while offline");

        robot.clickOn("View").clickOn("Online map tiles (OpenStreetMap)");
        assertTrue(fx(() -> window.map().onlineTilesProperty().get()));
        assertTrue(fx(attribution::getText).contains("© OpenStreetMap contributors"), fx(attribution::getText));
        assertEquals("online tiles", robot.lookup("#networkBadge").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !userAgents.isEmpty());
        assertEquals("IncidentAtlas/test-1.0", userAgents.get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try (Stream<Path> files = Files.walk(cache)) {
                return files.anyMatch(p -> p.toString().endsWith(".png"));
            }
        });

        robot.clickOn("View").clickOn("Online map tiles (OpenStreetMap)");
        assertEquals("Natural Earth · GeoNames", fx(attribution::getText));
    }
}
