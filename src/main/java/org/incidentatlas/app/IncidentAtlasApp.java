package org.incidentatlas.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.map.MapOptions;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * The JavaFX application: builds {@link ExplorerState} and the {@link MainWindow} once, opens the file from the
 * command line, and in screenshot mode renders and exits.
 */
public final class IncidentAtlasApp extends Application {
    private ExecutorService loader;
    private Runnable lastView;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start");
        CommandLine cl = CommandLine.parse(getParameters().getRaw().toArray(String[]::new));
        loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "file-loader");
            t.setDaemon(true);
            return t;
        });
        ExecutorService filterer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "filters");
            t.setDaemon(true);
            return t;
        });
        ExplorerState state = new ExplorerState(new EventFileReader(), loader, filterer, Platform::runLater);
        boolean screenshot = cl.mode() == CommandLine.Mode.SCREENSHOT || cl.mode() == CommandLine.Mode.FRAMES;
        MapOptions mapOptions = new MapOptions(AppInfo.userAgent(), AppInfo.tileCacheDir(), AppInfo::tileHttpClient);
        // Screenshots never read or change the user's remembered choices (and so never go online).
        Settings settings = screenshot ? Settings.inMemory() : Settings.userPreferences();
        org.incidentatlas.io.SavedView view = null;
        try {
            if (cl.viewFile() != null) {
                view = org.incidentatlas.io.SavedView.read(cl.viewFile());
            } else if (cl.file() == null && !screenshot && Files.exists(AppInfo.lastViewFile())) {
                view = org.incidentatlas.io.SavedView.read(AppInfo.lastViewFile());
                if (view.file() == null || !Files.exists(view.file())) {
                    view = null; // the last file is gone: start on the default instead
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("incident-atlas: " + e.getMessage());
            state.reportViewProblem(e.getMessage());
        }
        Path file = cl.fileOrDefault();
        // Read the file while the window is being built: the first frame then already shows the incidents.
        boolean openedEarly = view == null && (cl.file() != null || Files.exists(file));
        if (openedEarly) {
            state.open(file);
        }
        MainWindow window = new MainWindow(state, mapOptions, settings, url -> getHostServices().showDocument(url));
        stage.setScene(window.createScene());
        StartupTrace.mark("window built");
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Path f = state.fileProperty().get();
            String t = state.getCatalog().title();
            return "Incident Atlas" + (f == null ? "" : " — " + f.getFileName()) + (t.isEmpty() ? "" : " — " + t);
        }, state.fileProperty(), state.catalogProperty()));
        window.keepUsableWidth(stage, 800);
        stage.setMinHeight(560);

        if (cl.view() != null) {
            state.catalogProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    state.catalogProperty().removeListener(this);
                    // after the map has fitted itself to the new catalog
                    Platform.runLater(() -> window.map().setView(cl.view()[0], cl.view()[1], cl.view()[2]));
                }
            });
        }
        if (cl.window() != null) {
            state.catalogProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    state.catalogProperty().removeListener(this);
                    Platform.runLater(() -> state.setWindow(cl.window()[0], cl.window()[1]));
                }
            });
        }
        if (cl.select() != null) {
            state.catalogProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    state.catalogProperty().removeListener(this);
                    if (!state.selectById(cl.select())) {
                        System.err.println("incident-atlas: no incident with id " + cl.select());
                    }
                }
            });
        }
        if (cl.story() != null) {
            state.catalogProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    state.catalogProperty().removeListener(this);
                    // after the map has its size, so that the step's zoom fits the view
                    Platform.runLater(() -> tellStory(state, cl.story()));
                }
            });
        }
        if (view != null) {
            window.applyView(view);
        } else if (!openedEarly) {
            state.reportMissingDefault(file);
        }
        if (!screenshot) {
            lastView = () -> {
                try {
                    window.captureView().write(AppInfo.lastViewFile());
                } catch (java.io.IOException | RuntimeException e) {
                    System.err.println("incident-atlas: could not remember the view: " + e.getMessage());
                }
            };
        }
        if (Boolean.getBoolean("atlas.reportFirstFrame")) {
            reportFirstFrame(stage.getScene(), state);
        }
        if (cl.mode() == CommandLine.Mode.SCREENSHOT) {
            stage.show();
            StartupTrace.mark("shown");
            new Screenshot(window, state, cl.screenshot()).takeWhenReady();
        } else if (cl.mode() == CommandLine.Mode.FRAMES) {
            stage.show();
            new FrameSequence(window, state, cl).start();
        } else {
            stage.show();
        }
    }

    /**
     * For the benchmark: prints how long after the process started the first frame with incidents was laid out
     * (the pulse that draws them) and the marks of {@link StartupTrace} on the way, then, with
     * {@code -Datlas.exitAfterFirstFrame=true}, quits.
     */
    private static void reportFirstFrame(javafx.scene.Scene scene, ExplorerState state) {
        state.catalogProperty().addListener(o -> StartupTrace.mark("catalog shown"));
        Runnable[] listener = new Runnable[1];
        boolean[] firstPulse = {true};
        listener[0] = () -> {
            if (firstPulse[0]) {
                firstPulse[0] = false;
                StartupTrace.mark("first pulse");
            }
            if (state.getCatalog().isEmpty()) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            // The launcher's clock reading just before it started this process when it gives one (the
            // benchmark does), else the JVM's own start. Not ProcessHandle's start instant: on Linux it is
            // derived from the boot time in whole seconds and was seen up to 0.9 s early.
            Long launchedAt = Long.getLong("atlas.launchedAt");
            long startedAt = launchedAt != null ? launchedAt
                    : java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("first-frame-ms " + (System.currentTimeMillis() - startedAt));
            StartupTrace.mark("first frame");
            System.out.println("first-frame-phases " + StartupTrace.report(startedAt));
            if (Boolean.getBoolean("atlas.exitAfterFirstFrame")) {
                Platform.runLater(Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Starts the narrative named by {@code spec} ("ID" or "ID:STEP", STEP from 1); says so when there is none. */
    static void tellStory(ExplorerState state, String spec) {
        int colon = spec.lastIndexOf(':');
        String id = spec;
        int step = 1;
        if (colon > 0) {
            try {
                step = Integer.parseInt(spec.substring(colon + 1));
                id = spec.substring(0, colon);
            } catch (NumberFormatException e) {
                // an id with a colon in it
            }
        }
        if (!state.story().start(id)) {
            System.err.println("incident-atlas: no narrative with id " + id);
            return;
        }
        state.story().goTo(Math.max(0, Math.min(state.story().stepCount(), step) - 1));
    }

    @Override
    public void stop() {
        if (lastView != null) {
            lastView.run();
        }
        if (loader != null) {
            loader.shutdownNow();
        }
    }
}
