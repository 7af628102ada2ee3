package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.incidentatlas.map.AtlasTileRetriever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window shows odd-but-legal files (every accepted case of the hostile corpus, and a 900,000-character
 * title) without an exception on the FX thread and without hanging: open, select incidents, render.
 */
class HostileWindowUiTest extends WindowUiTest {
    private static final List<Throwable> FX_ERRORS = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
        Platform.runLater(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((t, e) -> {
                FX_ERRORS.add(e);
                previous.uncaughtException(t, e);
            });
        });
    }

    @Test
    void everyAcceptedCaseIsShownAndItsIncidentsSelectable(FxRobot robot, @TempDir Path tmp) throws Exception {
        for (HostileCases.Case c : HostileCases.all()) {
            if (!c.accepted() || c.name().contains("dangling-related-50k")) {
                continue; // 50,000 incidents are the benchmark's business, not a hostile-text case
            }
            Path file = HostileCases.materialise(c, tmp);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                robot.interact(() -> state.open(file));
                assertEquals(file, state.fileProperty().get(), c.name());
                int n = state.getCatalog().size();
                for (int i = 0; i < n; i++) { // the corpus files hold two or three incidents each
                    int index = i;
                    robot.interact(() -> state.select(index));
                }
                if (c.name().contains("extremes")) {
                    robot.interact(() -> window.map().setView(89, -179, 18)); // the corner of the world, closest zoom
                }
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(AtlasTileRetriever::pendingTiles) == 0);
                WritableImage shot = fx(() -> window.getScene().snapshot(null));
                assertTrue(shot.getWidth() > 0);
            }, () -> c.name() + " hung the window");
            assertEquals(List.of(), FX_ERRORS, c.name());
        }
    }
}
