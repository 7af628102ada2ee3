package org.incidentatlas.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.incidentatlas.map.AtlasTileRetriever;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Frames mode: once the file has loaded, steps the time window through the chosen span (or all time) in
 * {@code count} steps and renders the window after each step to {@code DIR/frame-0001.png} … — playback as
 * images, for a slide or a video. Each frame waits until the basemap tiles have arrived, counting rendered
 * frames (no clock), with a limit per frame. Exits 0 when every frame was written, 1 otherwise.
 */
final class FrameSequence {
    private static final int QUIET_FRAMES = 6;
    private static final long LIMIT_NANOS = 30_000_000_000L;

    /**
     * The window of frame {@code k} (1-based) of {@code count} over {@code [from, to)}: it ends {@code k/count}
     * of the way through; a sliding window is one step wide, a cumulative one starts at {@code from}.
     */
    static Instant[] windowOf(Instant from, Instant to, int k, int count, boolean cumulative) {
        Duration span = Duration.between(from, to);
        Instant end = from.plus(span.multipliedBy(k).dividedBy(count));
        Instant start = cumulative ? from : from.plus(span.multipliedBy(k - 1).dividedBy(count));
        return new Instant[] {start, end};
    }

    private final MainWindow window;
    private final ExplorerState state;
    private final CommandLine cl;

    FrameSequence(MainWindow window, ExplorerState state, CommandLine cl) {
        this.window = window;
        this.state = state;
        this.cl = cl;
    }

    void start() {
        new AnimationTimer() {
            private int quiet;
            private int frame; // 0 while loading, then the frame being prepared
            private long started = System.nanoTime();
            private Instant from;
            private Instant to;

            @Override
            public void handle(long now) {
                boolean busy = state.loadingProperty().get() || AtlasTileRetriever.pendingTiles() > 0;
                quiet = busy ? 0 : quiet + 1;
                boolean timedOut = System.nanoTime() - started > LIMIT_NANOS;
                if (quiet < QUIET_FRAMES && !timedOut) {
                    return;
                }
                if (frame == 0) {
                    Instant[] span = cl.window() != null ? cl.window() : state.getCatalog().timeSpan().orElse(null);
                    if (span == null) {
                        System.err.println("incident-atlas: no dated incidents, so no frames");
                        stop();
                        exit(1);
                        return;
                    }
                    from = span[0];
                    to = span[1];
                } else if (!write(frame)) {
                    stop();
                    exit(1);
                    return;
                }
                if (frame == cl.frameCount()) {
                    stop();
                    exit(0);
                    return;
                }
                frame++;
                Instant[] w = windowOf(from, to, frame, cl.frameCount(), cl.cumulative());
                state.setWindow(w[0], w[1]);
                quiet = 0;
                started = System.nanoTime();
            }
        }.start();
    }

    private boolean write(int k) {
        Path out = cl.frames().resolve(String.format(Locale.ROOT, "frame-%04d.png", k));
        try {
            Files.createDirectories(cl.frames());
            WritableImage img = window.getScene().snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
            System.out.println("wrote " + out);
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("incident-atlas: cannot write frame " + out + ": " + e.getMessage());
            return false;
        }
    }

    private static void exit(int code) {
        Platform.exit();
        System.exit(code);
    }
}
