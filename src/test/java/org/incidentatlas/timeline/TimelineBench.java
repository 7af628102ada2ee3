package org.incidentatlas.timeline;

import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Playback;

/**
 * Timeline measurements for the benchmark (not a unit test): a full redraw of both bands at 1400×260 while the
 * window scrubs across the catalog, with the canvas rendered to an image each step. FX thread.
 */
public final class TimelineBench {
    private TimelineBench() {
    }

    /** Milliseconds per step of a scrub of {@code steps} steps: the window moves, the timeline redraws and renders. */
    public static double[] scrubMillis(IncidentCatalog catalog, int steps, Stage stage) {
        ExplorerState state = new ExplorerState(new org.incidentatlas.io.EventFileReader(), Runnable::run,
                Runnable::run);
        state.show(new LoadResult("bench", catalog, java.util.List.of(), 0));
        IncidentTimeline timeline = new IncidentTimeline(state, new Playback(state));
        StackPane root = new StackPane(timeline);
        stage.setScene(new Scene(root, 1400, 260));
        stage.show();
        root.applyCss();
        root.layout();
        Instant[] span = catalog.timeSpan().orElseThrow();
        long total = span[1].toEpochMilli() - span[0].toEpochMilli();
        long width = total / 4;
        javafx.scene.image.WritableImage target = new javafx.scene.image.WritableImage(1400, 260);
        double[] ms = new double[steps];
        for (int i = -3; i < steps; i++) {
            long end = span[0].toEpochMilli() + width + (total - width) * Math.max(0, i) / steps;
            long t0 = System.nanoTime();
            state.setWindow(Instant.ofEpochMilli(end - width), Instant.ofEpochMilli(end)); // redraws
            timeline.snapshot(null, target);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }
}
