package org.incidentatlas.app;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.incidentatlas.browse.FilterBar;
import org.incidentatlas.browse.IncidentTable;
import org.incidentatlas.details.DetailsPane;
import org.incidentatlas.io.Problem;
import org.incidentatlas.map.AtlasMap;
import org.incidentatlas.map.MapOptions;
import org.incidentatlas.timeline.TimelinePanel;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * The main window's content: menus, map above the timeline, details on the right, status bar below. Wires the
 * views to one {@link ExplorerState}; the views never talk to each other. FX thread only.
 */
public final class MainWindow extends BorderPane {
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;
    static final String KEY_ONLINE = "map.onlineTiles";
    static final String KEY_TILE_URL = "map.tileUrl";
    static final String KEY_HIDE = "map.hideOutsideWindow";

    private final ExplorerState state;
    private final AtlasMap map;
    private final TimelinePanel timelinePanel;
    private final DetailsPane details;
    private final FilterBar filterBar;
    private javafx.scene.layout.VBox problemsPanel;
    private org.incidentatlas.io.FileWatcher watcher;
    private final Menu recentMenu = new Menu("Open Recent");
    static final String KEY_RECENT = "files.recent";
    private final IncidentTable table;

    private final Settings settings;
    private final org.incidentatlas.story.StoryBar storyBar;

    public MainWindow(ExplorerState state, MapOptions mapOptions, Settings settings) {
        this(state, mapOptions, settings, url -> { });
    }

    /** @param browser opens an http(s) link in the system browser */
    public MainWindow(ExplorerState state, MapOptions mapOptions, Settings settings,
                      java.util.function.Consumer<String> browser) {
        this.state = state;
        this.settings = settings;
        getStyleClass().add("main-window");
        map = new AtlasMap(state, mapOptions);
        map.tileUrlTemplateProperty().set(settings.get(KEY_TILE_URL, map.tileUrlTemplateProperty().get()));
        map.onlineTilesProperty().set(settings.getBoolean(KEY_ONLINE, false));
        map.hideOutsideWindowProperty().set(settings.getBoolean(KEY_HIDE, false));
        map.onlineTilesProperty().addListener((o, a, b) -> settings.put(KEY_ONLINE, b.toString()));
        map.tileUrlTemplateProperty().addListener((o, a, b) -> settings.put(KEY_TILE_URL, b));
        map.hideOutsideWindowProperty().addListener((o, a, b) -> settings.put(KEY_HIDE, b.toString()));
        map.setId("map");
        // A CSV whose columns were mapped before opens with that mapping again.
        state.setImportOptionsFor(p -> ImportOptionsDialog.remembered(p, settings));
        timelinePanel = new TimelinePanel(state);
        timelinePanel.setId("timelinePanel");
        details = new DetailsPane(state, browser);
        filterBar = new FilterBar(state);
        table = new IncidentTable(state);

        SplitPane left = new SplitPane(map, timelinePanel);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(timelinePanel, false);
        SplitPane right = new SplitPane(details, table);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        storyBar = new org.incidentatlas.story.StoryBar(state);
        javafx.scene.layout.VBox leftColumn = new javafx.scene.layout.VBox(storyBar, left);
        javafx.scene.layout.VBox.setVgrow(left, Priority.ALWAYS);
        SplitPane main = new SplitPane(leftColumn, right);
        main.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(right, false);
        right.setMinWidth(280);

        setTop(new javafx.scene.layout.VBox(menus(), filterBar));
        setCenter(main);
        problemsPanel = problemsPanel();
        setBottom(new javafx.scene.layout.VBox(problemsPanel, statusBar()));

        // Drop an events file anywhere on the window to open it.
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                state.open(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        state.fileProperty().addListener((o, a, f) -> {
            watch(f);
            rememberRecent(f);
        });

        // ←/→ step through incidents in time order wherever focus is, except in text fields.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean inText = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
            if (inText || e.isAltDown() || e.isControlDown() || e.isShortcutDown() || e.isShiftDown()) {
                return;
            }
            if (state.story().isActive() && storyKey(e.getCode())) {
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                state.selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT) {
                state.selectPrevious();
                e.consume();
            }
        });
    }

    /** Page Down / Page Up step through the story being told (a presentation clicker sends these); Esc ends it. */
    private boolean storyKey(KeyCode code) {
        switch (code) {
            case PAGE_DOWN -> state.story().next();
            case PAGE_UP -> state.story().previous();
            case ESCAPE -> state.story().stop();
            default -> {
                return false;
            }
        }
        return true;
    }

    public org.incidentatlas.story.StoryBar storyBar() {
        return storyBar;
    }

    public AtlasMap map() {
        return map;
    }

    public TimelinePanel timelinePanel() {
        return timelinePanel;
    }

    public DetailsPane details() {
        return details;
    }

    public IncidentTable table() {
        return table;
    }

    /** A scene for this window with the application style sheet. */
    public Scene createScene() {
        Scene scene = new Scene(this, WIDTH, HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        return scene;
    }

    /**
     * Keeps {@code stage} at least as wide as this window's content can be laid out (the least its parts need,
     * about 1,260 px with the seed), plus the stage's frame, and never under {@code floor}. Narrower, the content
     * was laid out past the window's right edge: the details pane and table, the end of the filter bar and of
     * the timeline header were out of sight and out of reach. Checked again when the scene is resized and after a
     * file is taken in (its categories and regions change the filter bar).
     */
    public void keepUsableWidth(javafx.stage.Stage stage, double floor) {
        Runnable update = () -> {
            Scene scene = getScene();
            if (scene == null || Double.isNaN(stage.getWidth())) {
                stage.setMinWidth(floor);
                return;
            }
            double frame = Math.max(0, stage.getWidth() - scene.getWidth());
            double need = Math.max(floor, Math.ceil(minWidth(-1)) + frame);
            if (Math.abs(stage.getMinWidth() - need) > 0.5) {
                stage.setMinWidth(need);
            }
            if (stage.getWidth() < need) {
                stage.setWidth(need);
            }
        };
        update.run();
        widthProperty().addListener((o, a, b) -> update.run());
        state.catalogProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(update));
        stage.showingProperty().addListener((o, a, b) -> update.run());
    }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFile());
        MenuItem reload = new MenuItem("Reload");
        reload.setAccelerator(KeyCombination.keyCombination("F5"));
        reload.setOnAction(e -> {
            Path f = state.fileProperty().get();
            if (f != null) {
                state.open(f);
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            Window w = getScene() == null ? null : getScene().getWindow();
            if (w != null) {
                w.hide();
            }
        });
        rebuildRecent();
        MenuItem saveView = new MenuItem("Save View…");
        saveView.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveView.setOnAction(e -> saveViewAs());
        MenuItem openView = new MenuItem("Open View…");
        openView.setOnAction(e -> openView());
        MenuItem export = new MenuItem("Export…");
        export.setOnAction(e -> ExportAction.show(getScene().getWindow(), state));
        MenuItem exportImage = new MenuItem("Export Image (PNG)…");
        exportImage.setOnAction(e -> ExportAction.showImage(getScene().getWindow(), getScene()));
        MenuItem importOptions = new MenuItem("Import Options…");
        importOptions.setId("importOptionsMenu");
        importOptions.setOnAction(e -> ImportOptionsDialog.show(state, settings, getScene().getWindow()));
        importOptions.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> state.fileFormatProperty().get() != org.incidentatlas.io.formats.Format.CSV
                        && state.fileFormatProperty().get() != org.incidentatlas.io.formats.Format.GEOJSON,
                state.fileFormatProperty()));
        Menu file = new Menu("File", null, open, recentMenu, reload, importOptions, new SeparatorMenuItem(), openView,
                saveView, export, exportImage, new SeparatorMenuItem(), quit);

        MenuItem fitMap = new MenuItem("Fit map to incidents");
        fitMap.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        fitMap.setOnAction(e -> map.fitToIncidents());
        MenuItem allTime = new MenuItem("Show all time");
        allTime.setAccelerator(KeyCombination.keyCombination("Shortcut+A"));
        allTime.setOnAction(e -> state.resetWindow());
        MenuItem problems = new MenuItem("Problems");
        problems.setOnAction(e -> problemsPanel.setVisible(true));
        CheckMenuItem hide = new CheckMenuItem("Hide incidents outside the time window");
        hide.setId("hideOutsideMenu");
        hide.selectedProperty().bindBidirectional(map.hideOutsideWindowProperty());
        CheckMenuItem online = new CheckMenuItem("Online map tiles (OpenStreetMap)");
        online.setId("onlineTilesMenu");
        online.selectedProperty().bindBidirectional(map.onlineTilesProperty());
        MenuItem tileUrl = new MenuItem("Online tile URL…");
        tileUrl.setOnAction(e -> editTileUrl());
        Menu view = new Menu("View", null, fitMap, allTime, new SeparatorMenuItem(), hide, new SeparatorMenuItem(),
                online, tileUrl, new SeparatorMenuItem(), problems);

        MenuItem search = new MenuItem("Search…");
        search.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        search.setOnAction(e -> filterBar.focusSearch());
        view.getItems().add(0, search);
        MenuItem keys = new MenuItem("Keyboard and mouse");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> info("Keyboard and mouse", String.join("\n",
                "← / →   previous / next incident in time",
                "Story mode: Page Down / Page Up next / previous step, Esc ends the story",
                "Home / End (timeline focused)   first / last incident",
                "+ / −  (timeline focused)   zoom the timeline",
                "Ctrl+O   open a file · F5 reload · Ctrl+F fit map · Ctrl+A show all time · Ctrl+K search · F1 this sheet",
                "Table: ↑/↓ select, Enter shows the incident on the map, click a header to sort.",
                "",
                "Map: drag to pan, scroll to zoom, click a marker to select it, click a cluster to zoom in.",
                "Map focused: Shift+arrows pan, + / − zoom.",
                "Timeline, top band (all time): drag to choose the time window, drag inside it to move it,",
                "drag its edges to resize it, drag the orange playhead to scrub.",
                "Timeline, lower band (the window): drag to pan, scroll to zoom around the pointer,",
                "click a mark to select it, double-click to zoom to it, double-click the ruler to show all time.",
                "Space (timeline focused): play / pause.")));
        Menu help = new Menu("Help", null, keys);
        return new MenuBar(file, view, storyMenu(), help);
    }

    /** Story ▸ one item per narrative of the file, then Next / Previous / End (enabled in story mode). */
    private Menu storyMenu() {
        Menu menu = new Menu("Story");
        menu.setId("storyMenu");
        MenuItem next = new MenuItem("Next step (Page Down)");
        next.setOnAction(e -> state.story().next());
        MenuItem previous = new MenuItem("Previous step (Page Up)");
        previous.setOnAction(e -> state.story().previous());
        MenuItem end = new MenuItem("End story (Esc)");
        end.setOnAction(e -> state.story().stop());
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            var narratives = state.getCatalog().narratives();
            if (narratives.isEmpty()) {
                MenuItem none = new MenuItem("This file tells no story");
                none.setDisable(true);
                menu.getItems().add(none);
            }
            for (var n : narratives) {
                MenuItem tell = new MenuItem("Tell “" + n.title() + "”");
                tell.setOnAction(a -> state.story().start(n));
                menu.getItems().add(tell);
            }
            boolean active = state.story().isActive();
            next.setDisable(!state.story().hasNext());
            previous.setDisable(!state.story().hasPrevious());
            end.setDisable(!active);
            menu.getItems().addAll(new SeparatorMenuItem(), next, previous, end);
        });
        // A menu with no items never shows: give it its items once.
        menu.getItems().addAll(next, previous, end);
        return menu;
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(state.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        javafx.scene.control.ProgressBar busy = new javafx.scene.control.ProgressBar();
        busy.setId("loadProgress");
        busy.setPrefWidth(140);
        busy.progressProperty().bind(state.loadProgressProperty());
        busy.visibleProperty().bind(state.loadingProperty());
        busy.managedProperty().bind(state.loadingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoad");
        cancel.setTooltip(new javafx.scene.control.Tooltip("Stop loading; the current data stays"));
        cancel.setOnAction(e -> state.cancelLoad());
        cancel.visibleProperty().bind(state.loadingProperty());
        cancel.managedProperty().bind(state.loadingProperty());
        Button problems = new Button();
        problems.setId("problemsButton");
        problems.getStyleClass().add("problems-button");
        problems.setTooltip(new javafx.scene.control.Tooltip("Show or hide what could not be read, with line:column"));
        problems.setOnAction(e -> problemsPanel.setVisible(!problemsPanel.isVisible()));
        Runnable refresh = () -> {
            int n = state.problemsProperty().get().size();
            problems.setText(n == 1 ? "1 problem" : n + " problems");
            problems.setVisible(n > 0);
            problems.setManaged(n > 0);
        };
        state.problemsProperty().addListener(o -> refresh.run());
        refresh.run();
        Label offline = new Label();
        offline.setId("networkBadge");
        Runnable badge = () -> {
            boolean on = map.onlineTilesProperty().get();
            offline.setText(on ? "online tiles" : "offline");
            offline.getStyleClass().setAll("label", on ? "online-badge" : "offline-badge");
            offline.setTooltip(new javafx.scene.control.Tooltip(on
                    ? "Map tiles are fetched from " + map.tileUrlTemplateProperty().get()
                    + " (View ▸ Online map tiles turns this off)"
                    : "Nothing is fetched from the network."));
        };
        map.onlineTilesProperty().addListener(o -> badge.run());
        badge.run();
        HBox bar = new HBox(8, busy, cancel, status, problems, offline);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The current view: file, window and mode, selection, filters, map centre and zoom. */
    public org.incidentatlas.io.SavedView captureView() {
        var w = state.getWindow();
        var f = state.getFilters();
        var inc = state.selectedIncidentProperty().get();
        var c = map.getWidth() > 0 ? map.center() : null;
        return new org.incidentatlas.io.SavedView(state.fileProperty().get(), w == null ? null : w.start(),
                w == null ? null : w.end(), state.windowModeProperty().get().name(), inc == null ? null : inc.id(),
                java.util.List.copyOf(f.hiddenCategories()), java.util.List.copyOf(f.hiddenRegions()), f.text(),
                f.mapExtent() != null, c == null ? null : c.lat(), c == null ? null : c.lon(),
                c == null ? null : map.getZoom());
    }

    /** Restores a saved view: opens its file when another one is open, then window, filters, selection and map. */
    public void applyView(org.incidentatlas.io.SavedView v) {
        Runnable rest = () -> {
            if (v.windowMode() != null) {
                try {
                    state.windowModeProperty().set(org.incidentatlas.viewmodel.WindowMode.valueOf(v.windowMode()));
                } catch (IllegalArgumentException e) {
                    // unknown mode: keep the current one
                }
            }
            if (v.windowStart() != null && v.windowEnd() != null && v.windowStart().isBefore(v.windowEnd())) {
                state.setWindow(v.windowStart(), v.windowEnd());
            }
            org.incidentatlas.viewmodel.Filters f = org.incidentatlas.viewmodel.Filters.NONE.withText(v.searchText());
            for (String cat : v.hiddenCategories()) {
                f = f.withCategory(cat, false);
            }
            for (String r : v.hiddenRegions()) {
                f = f.withRegion(r, false);
            }
            if (v.mapLat() != null) {
                map.setView(v.mapLat(), v.mapLon(), v.mapZoom());
            }
            if (v.onlyMapExtent()) {
                f = f.withMapExtent(map.extent());
            }
            state.filtersProperty().set(f);
            if (v.selectedId() != null) {
                state.selectById(v.selectedId());
            }
        };
        java.nio.file.Path current = state.fileProperty().get();
        if (v.file() != null && (current == null || !current.toAbsolutePath().equals(v.file().toAbsolutePath()))) {
            state.catalogProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    state.catalogProperty().removeListener(this);
                    javafx.application.Platform.runLater(rest); // after the views have fitted the new catalog
                }
            });
            state.open(v.file());
        } else {
            rest.run();
        }
    }

    private void saveViewAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save view");
        chooser.setInitialFileName("view.atlasview.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Incident Atlas views", "*.json"));
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                captureView().write(f.toPath());
            } catch (java.io.IOException e) {
                info("View not saved", "Could not write " + f + ": " + e.getMessage());
            }
        }
    }

    private void openView() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open view");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Incident Atlas views", "*.json"));
        java.io.File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            try {
                applyView(org.incidentatlas.io.SavedView.read(f.toPath()));
            } catch (java.io.IOException e) {
                info("View not opened", e.getMessage());
            }
        }
    }

    /** Reloads the open file whenever it changes on disk; never writes to it. */
    private void watch(java.nio.file.Path f) {
        try {
            if (watcher != null) {
                watcher.close();
            }
            watcher = f == null ? null : new org.incidentatlas.io.FileWatcher(f, 300,
                    () -> javafx.application.Platform.runLater(state::reload));
        } catch (java.io.IOException e) {
            watcher = null;
        }
    }

    private void rememberRecent(java.nio.file.Path f) {
        if (f == null) {
            return;
        }
        java.util.List<String> recent = new java.util.ArrayList<>(recentFiles());
        String p = f.toAbsolutePath().toString();
        recent.remove(p);
        recent.add(0, p);
        settings.put(KEY_RECENT, String.join("\n", recent.subList(0, Math.min(8, recent.size()))));
        rebuildRecent();
    }

    private java.util.List<String> recentFiles() {
        String s = settings.get(KEY_RECENT, "");
        return s.isBlank() ? java.util.List.of() : java.util.List.of(s.split("\n"));
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (String p : recentFiles()) {
            MenuItem item = new MenuItem(p);
            item.setOnAction(e -> state.open(java.nio.file.Path.of(p)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** The problems of the last read, each with line:column and JSON path; click one for the details. */
    private javafx.scene.layout.VBox problemsPanel() {
        javafx.scene.control.ListView<Problem> list = new javafx.scene.control.ListView<>();
        list.setId("problemsList");
        list.setPrefHeight(110);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.position() + "  " + p.path() + "  " + p.message());
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (!empty && p != null) {
                    getStyleClass().add(p.severity() == Problem.Severity.ERROR ? "problem-error" : "problem-warning");
                }
            }
        });
        list.setOnMouseClicked(e -> {
            Problem p = list.getSelectionModel().getSelectedItem();
            if (p != null && e.getClickCount() >= 1) {
                java.nio.file.Path f = state.fileProperty().get();
                info("Problem", (f == null ? "" : f + "\n") + "line " + p.line() + ", column " + p.column() + "\n"
                        + "at " + p.path() + "\n\n" + p.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + p.message());
            }
        });
        Label title = new Label("Problems");
        title.getStyleClass().add("problems-title");
        Button close = new Button("×");
        close.setTooltip(new javafx.scene.control.Tooltip("Hide the problems"));
        HBox head = new HBox(8, title, new javafx.scene.layout.Region(), close);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        javafx.scene.layout.VBox panel = new javafx.scene.layout.VBox(2, head, list);
        panel.setId("problemsPanel");
        panel.getStyleClass().add("problems-panel");
        panel.setPadding(new Insets(4, 8, 4, 8));
        close.setOnAction(e -> panel.setVisible(false));
        panel.managedProperty().bind(panel.visibleProperty());
        Runnable refresh = () -> {
            list.getItems().setAll(state.problemsProperty().get());
            panel.setVisible(!state.problemsProperty().get().isEmpty());
        };
        state.problemsProperty().addListener(o -> refresh.run());
        refresh.run();
        return panel;
    }

    private void editTileUrl() {
        TextInputDialog d = new TextInputDialog(map.tileUrlTemplateProperty().get());
        d.setTitle("Online tile URL");
        d.setHeaderText("Tile URL template with {z}, {x} and {y} (https).\n"
                + "Used only while View ▸ Online map tiles is on. Respect the tile server's usage policy.");
        d.initOwner(getScene().getWindow());
        d.showAndWait().map(String::trim).ifPresent(url -> {
            if (url.startsWith("http") && url.contains("{z}") && url.contains("{x}") && url.contains("{y}")) {
                map.tileUrlTemplateProperty().set(url);
            } else {
                info("Online tile URL", "Not changed: \"" + url + "\" must start with https:// and "
                        + "contain {z}, {x} and {y}.");
            }
        });
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open events file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Events, GeoJSON, KML/KMZ, CSV, "
                + "TimelineJS", "*.json", "*.geojson", "*.kml", "*.kmz", "*.csv", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path current = state.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        java.io.File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            state.open(f.toPath());
        }
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(getScene().getWindow());
        a.show();
    }
}
