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
        CommandLine cl = CommandLine.parse(getParameters().getRaw().toArray(String[]::new));
        loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "file-loader");
            t.setDaemon(true);
            return t;
        });
        ExplorerState state = new ExplorerState(new EventFileReader(), loader, Platform::runLater);
        boolean screenshot = cl.mode() == CommandLine.Mode.SCREENSHOT;
        MapOptions mapOptions = new MapOptions(AppInfo.userAgent(), AppInfo.tileCacheDir(), AppInfo.tileHttpClient());
        // Screenshots never read or change the user's remembered choices (and so never go online).
        Settings settings = screenshot ? Settings.inMemory() : Settings.userPreferences();
        MainWindow window = new MainWindow(state, mapOptions, settings, url -> getHostServices().showDocument(url));
        stage.setScene(window.createScene());
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Path f = state.fileProperty().get();
            String t = state.getCatalog().title();
            return "Incident Atlas" + (f == null ? "" : " — " + f.getFileName()) + (t.isEmpty() ? "" : " — " + t);
        }, state.fileProperty(), state.catalogProperty()));
        stage.setMinWidth(800);
        stage.setMinHeight(560);

        Path file = cl.fileOrDefault();
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
        if (view != null) {
            window.applyView(view);
        } else if (cl.file() != null || Files.exists(file)) {
            state.open(file);
        } else {
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
        if (cl.mode() == CommandLine.Mode.SCREENSHOT) {
            stage.show();
            new Screenshot(window, state, cl.screenshot()).takeWhenReady();
        } else {
            stage.show();
        }
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
