package org.incidentatlas.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.map.MapOptions;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * For the benchmark: how smoothly the whole window keeps drawing while a big file loads, as a user would see it.
 * The app's window (map, timeline, table, details) shows the seed, then opens the file the way File → Open does;
 * an {@link AnimationTimer} records the time between frames until the loaded incidents are on screen.
 */
public final class LoadSmoothness {
    private LoadSmoothness() {
    }

    /**
     * From the last {@link #measure}: the frame intervals (ms) while a search for "drone" was applied to the loaded
     * file (typed once the map had placed the loaded incidents), from the keystroke that applied it to the second
     * frame after the result was shown; the last element is the time from that keystroke to the result, in ms.
     */
    public static volatile double[] lastSearchFrames;

    /**
     * Starts the measurement; call on the FX thread. Completes with the frame intervals in milliseconds, in order,
     * from the moment the file is opened to the first frame that lays out the loaded catalog; the last element is
     * the number of those intervals that came after the load had finished (the views taking in the catalog).
     */
    public static CompletableFuture<double[]> measure(Path seed, Path file, int expected, Stage stage)
            throws java.io.IOException {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        // windows of earlier measurements would be drawn at every pulse too
        new ArrayList<>(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
        ExplorerState state = new ExplorerState(new EventFileReader(), r -> {
            Thread t = new Thread(r, "bench-load");
            t.setDaemon(true);
            t.start();
        }, Platform::runLater);
        MapOptions offline = new MapOptions("incident-atlas-bench", Files.createTempDirectory("atlas-bench-tiles"),
                () -> {
                    throw new IllegalStateException("the benchmark never goes online");
                });
        MainWindow window = new MainWindow(state, offline, Settings.inMemory());
        stage.setScene(window.createScene());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
        state.open(seed);
        List<Double> gaps = new ArrayList<>();
        new AnimationTimer() {
            private long last;
            private int frames;
            private boolean opened;
            private int afterLoad = -1;
            private long searchAt = -1;
            private double searchMillis = -1;
            private final List<Double> searchGaps = new ArrayList<>();
            private int afterSearch = -1;

            @Override
            public void handle(long now) {
                frames++;
                if (!opened) {
                    // let the seed and the first tiles settle: a few seconds of frames
                    if (frames > 180 && !state.loadingProperty().get()) {
                        opened = true;
                        state.open(file);
                        last = now;
                    }
                    return;
                }
                gaps.add((now - last) / 1e6);
                last = now;
                if (afterLoad < 0 && !state.loadingProperty().get()) {
                    if (state.getCatalog().size() != expected) {
                        stop();
                        done.completeExceptionally(new IllegalStateException("the load ended with "
                                + state.getCatalog().size() + " incidents, not " + expected + ": "
                                + state.problemsProperty().get()));
                        return;
                    }
                    afterLoad = gaps.size();
                }
                if (afterLoad >= 0 && gaps.size() > afterLoad + 2) { // the frame after the catalog arrived, and one more
                    // then a search, as typed in the search field (applied after its pause), once the map has
                    // placed the loaded incidents (a user reads the map before typing)
                    if (searchAt < 0) {
                        if (gaps.size() > afterLoad + 3) {
                            gaps.remove(gaps.size() - 1); // waiting for the map: not part of the load's frames
                        }
                        if (window.map().isPlacingIncidents()) {
                            return;
                        }
                        searchAt = System.nanoTime();
                        state.filtersProperty().set(state.getFilters().withText("drone"));
                        return;
                    }
                    searchGaps.add(gaps.remove(gaps.size() - 1));
                    boolean applied = state.getAppliedFilters() == state.getFilters();
                    if (applied && searchMillis < 0) {
                        searchMillis = (System.nanoTime() - searchAt) / 1e6;
                        afterSearch = searchGaps.size();
                    }
                    if (afterSearch < 0 || searchGaps.size() < afterSearch + 2) {
                        return;
                    }
                    stop();
                    double[] search = new double[searchGaps.size() + 1];
                    for (int i = 0; i < searchGaps.size(); i++) {
                        search[i] = searchGaps.get(i);
                    }
                    search[searchGaps.size()] = searchMillis;
                    lastSearchFrames = search;
                    double[] out = new double[gaps.size() + 1];
                    for (int i = 0; i < gaps.size(); i++) {
                        out[i] = gaps.get(i);
                    }
                    out[gaps.size()] = gaps.size() - afterLoad;
                    done.complete(out);
                }
            }
        }.start();
        return done;
    }
}
