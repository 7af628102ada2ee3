package org.incidentatlas.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.incidentatlas.map.AtlasTileRetriever;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Screenshot mode: waits until the file has loaded and every basemap tile has arrived, renders the window to
 * a PNG, and exits (0 on success, 1 on failure). Waits by counting rendered frames, with a 30 s limit.
 */
final class Screenshot {
    private static final int QUIET_FRAMES = 12;
    private static final long LIMIT_NANOS = 30_000_000_000L;

    private final MainWindow window;
    private final ExplorerState state;
    private final Path out;

    Screenshot(MainWindow window, ExplorerState state, Path out) {
        this.window = window;
        this.state = state;
        this.out = out;
    }

    void takeWhenReady() {
        long started = System.nanoTime();
        new AnimationTimer() {
            private int quiet;

            @Override
            public void handle(long now) {
                boolean busy = state.loadingProperty().get() || state.filteringProperty().get()
                        || AtlasTileRetriever.pendingTiles() > 0
                        || window.map().isFlying() || window.map().isPlacingIncidents();
                quiet = busy ? 0 : quiet + 1;
                if (quiet >= QUIET_FRAMES || System.nanoTime() - started > LIMIT_NANOS) {
                    stop();
                    exit(write());
                }
            }
        }.start();
    }

    private int write() {
        try {
            WritableImage img = window.getScene().snapshot(null);
            if (Boolean.getBoolean("atlas.debugLayout")) {
                System.out.println("window " + window.getWidth() + " details " + window.details().getWidth() + " at "
                        + window.details().localToScene(0, 0) + " content " + window.details().getContent().getLayoutBounds()
                        + " viewport " + window.details().getViewportBounds());
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
            System.out.println("wrote " + out + " (" + (int) img.getWidth() + "x" + (int) img.getHeight() + ")");
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("incident-atlas: cannot write screenshot " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private static void exit(int code) {
        Platform.exit();
        System.exit(code);
    }
}
