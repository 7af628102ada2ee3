package org.incidentatlas.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.ui.MarkerShapes;
import org.incidentatlas.viewmodel.Counts;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Playback;
import org.incidentatlas.viewmodel.TimeWindow;
import org.incidentatlas.viewmodel.WindowMode;

/**
 * The timeline room as the window shows it: playback controls and the time window in a header, the
 * {@link IncidentTimeline}, a legend of its marks, and the tray of undated incidents. Drives {@link Playback}
 * from an animation timer while it plays. FX thread only.
 */
public final class TimelinePanel extends BorderPane {
    private final ExplorerState state;
    private final Playback playback;
    private final IncidentTimeline timeline;
    private final Label windowLabel = new Label();
    private final Label countLabel = new Label();
    private final Label playheadLabel = new Label();
    private final ListView<Incident> undated = new ListView<>();
    private final ObservableList<Incident> undatedItems = FXCollections.observableArrayList();
    private boolean syncingTray;

    public TimelinePanel(ExplorerState state) {
        this.state = state;
        this.playback = new Playback(state);
        getStyleClass().add("timeline-panel");
        timeline = new IncidentTimeline(state, playback);
        timeline.setId("timeline");

        Button play = new Button("▶");
        play.setId("playButton");
        play.getStyleClass().add("play-button");
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(e -> playback.toggle());
        playback.playingProperty().addListener((o, a, b) -> play.setText(b ? "⏸" : "▶"));
        ComboBox<Playback.Speed> speed = new ComboBox<>(FXCollections.observableArrayList(Playback.Speed.values()));
        speed.setId("speedChoice");
        speed.valueProperty().bindBidirectional(playback.speedProperty());
        speed.setTooltip(new Tooltip("How much incident time passes per second of playback"));
        CheckBox loop = new CheckBox("Loop");
        loop.setTooltip(new Tooltip("Start again from the first incident when playback reaches the last"));
        loop.selectedProperty().bindBidirectional(playback.loopProperty());
        ChoiceBox<WindowMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(WindowMode.values()));
        mode.setId("windowModeChoice");
        mode.valueProperty().bindBidirectional(state.windowModeProperty());
        mode.setTooltip(new Tooltip("Sliding: the window keeps its width as the playhead moves.\n"
                + "Cumulative: everything from the first incident up to the playhead."));
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(WindowMode m) {
                return m == WindowMode.CUMULATIVE ? "Cumulative" : "Sliding";
            }

            @Override
            public WindowMode fromString(String s) {
                return null;
            }
        });
        ChoiceBox<ZoneId> zone = new ChoiceBox<>(FXCollections.observableArrayList(zoneChoices()));
        zone.setId("zoneChoice");
        zone.valueProperty().bindBidirectional(timeline.zoneProperty());
        zone.setTooltip(new Tooltip("Time zone of the axis and the playhead (times written with an offset keep it)"));
        zone.setConverter(new StringConverter<>() {
            @Override
            public String toString(ZoneId z) {
                return z == null ? "" : IncidentTimelineSkin.zoneLabel(z) + (z.equals(ZoneId.systemDefault())
                        ? " (system)" : "");
            }

            @Override
            public ZoneId fromString(String s) {
                return null;
            }
        });
        playheadLabel.setId("playheadLabel");
        playheadLabel.getStyleClass().add("playhead-label");
        windowLabel.getStyleClass().add("window-label");
        windowLabel.setId("timeWindowLabel");
        countLabel.getStyleClass().add("count-label");
        countLabel.setId("visibleCountLabel");
        Button reset = new Button("All time");
        reset.setTooltip(new Tooltip("Reset the time window to cover every incident (or double-click the ruler)"));
        reset.setOnAction(e -> state.resetWindow());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        windowLabel.setTooltip(new Tooltip("The time window: incidents in it are drawn solid, the others faded"));
        HBox header = new HBox(8, play, speed, loop, mode, playheadLabel, windowLabel, spacer, zone, reset);
        for (javafx.scene.Node n : header.getChildren()) {
            if (n instanceof Region r && n != spacer && n != windowLabel) {
                r.setMinWidth(Region.USE_PREF_SIZE); // only the window's dates may shorten: they are also drawn
            }
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        header.getStyleClass().add("timeline-header");
        setTop(header);
        setCenter(timeline);
        setBottom(legend());

        undated.setId("undatedTray");
        undated.getStyleClass().add("undated-list"); // rows of one fixed height (ui.ListRows)
        undated.setItems(undatedItems);
        undated.setPlaceholder(new Label("none"));
        undated.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Incident item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : org.incidentatlas.ui.ListRows.oneLine(item.title()));
                setTooltip(empty || item == null ? null : new Tooltip(item.title()));
                setPrefWidth(0); // ellipsis instead of a horizontal scroll bar
            }
        });
        undated.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (!syncingTray && n != null) {
                state.selectById(n.id());
            }
        });
        Label trayTitle = new Label("Undated");
        trayTitle.getStyleClass().add("tray-title");
        VBox tray = new VBox(2, trayTitle, undated);
        VBox.setVgrow(undated, Priority.ALWAYS);
        tray.setPrefWidth(180);
        tray.setPadding(new Insets(0, 4, 4, 4));
        tray.getStyleClass().add("undated-tray");
        setRight(tray);

        state.catalogProperty().addListener(o -> {
            playback.pause();
            refreshTray();
        });
        state.windowProperty().addListener(this::refreshHeader);
        state.visibleCountProperty().addListener(this::refreshHeader);
        state.filteringProperty().addListener(this::refreshHeader);
        state.appliedFiltersProperty().addListener(o -> refreshTray());
        timeline.zoneProperty().addListener(this::refreshHeader);
        state.selectedIndexProperty().addListener(o -> syncTraySelection());
        refreshTray();
        refreshHeader(null);

        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (playback.playingProperty().get() && last != 0) {
                    playback.advance(Math.min(0.25, (now - last) / 1e9));
                }
                last = now;
            }
        }.start();
    }

    private static List<ZoneId> zoneChoices() {
        List<ZoneId> zones = new java.util.ArrayList<>(List.of(ZoneOffset.UTC, ZoneId.of("Asia/Baghdad"),
                ZoneId.of("Asia/Tehran"), ZoneId.of("Europe/London"), ZoneId.of("America/New_York")));
        if (!zones.contains(ZoneId.systemDefault())) {
            zones.add(0, ZoneId.systemDefault());
        }
        return zones;
    }

    public IncidentTimeline timeline() {
        return timeline;
    }

    public Playback playback() {
        return playback;
    }

    /** A one-line key to the marks, drawn with the same code as the timeline. */
    private HBox legend() {
        HBox box = new HBox(12);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(2, 8, 3, 8));
        box.getStyleClass().add("timeline-legend");
        Color c = Color.web("#1c7ed6");
        box.getChildren().addAll(
                key("day", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2021-06-06"), MarkerShapes.CIRCLE, 14,
                        16, 8, c, true, false)),
                key("about (~ ?)", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2021-06-06~"),
                        MarkerShapes.CIRCLE, 14, 16, 8, c, true, false)),
                key("month/year", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2021-04"),
                        MarkerShapes.CIRCLE, 2, 28, 8, c, true, false)),
                key("interval", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2014/2017"), MarkerShapes.CIRCLE,
                        2, 28, 8, c, true, false)),
                key("uncertain", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2014~/2017"),
                        MarkerShapes.CIRCLE, 2, 28, 8, c, true, false)),
                key("open end", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2014/.."), MarkerShapes.CIRCLE, 2,
                        28, 8, c, true, false)),
                key("outside the window", g -> IncidentTimelineSkin.drawMark(g, Edtf.parse("2021-06-06"),
                        MarkerShapes.CIRCLE, 14, 16, 8, c, false, false)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (javafx.scene.Node n : box.getChildren()) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE); // the key may not shorten
            }
        }
        box.getChildren().addAll(spacer, countLabel);
        return box;
    }

    private static Label key(String text, java.util.function.Consumer<GraphicsContext> draw) {
        Canvas icon = new Canvas(30, 16);
        draw.accept(icon.getGraphicsContext2D());
        Label l = new Label(text, icon);
        l.getStyleClass().add("legend-entry");
        return l;
    }

    /** The undated incidents that pass the applied filters: like every view, the tray shows only those. */
    private void refreshTray() {
        IncidentCatalog c = state.getCatalog();
        if (state.getAppliedFilters().isNone()) {
            undatedItems.setAll(c.incidents().subList(c.datedCount(), c.size()));
            return;
        }
        List<Incident> shown = new ArrayList<>();
        for (int i = c.datedCount(); i < c.size(); i++) {
            if (state.isIncluded(i)) {
                shown.add(c.get(i));
            }
        }
        undatedItems.setAll(shown);
    }

    private void syncTraySelection() {
        syncingTray = true;
        try {
            Incident inc = state.selectedIncidentProperty().get();
            if (inc != null && !inc.isDated()) {
                undated.getSelectionModel().select(inc);
            } else {
                undated.getSelectionModel().clearSelection();
            }
        } finally {
            syncingTray = false;
        }
    }

    private void refreshHeader(Observable o) {
        TimeWindow w = state.getWindow();
        ZoneId zone = timeline.getZone();
        if (w == null) {
            windowLabel.setText("—");
            playheadLabel.setText("");
        } else {
            boolean fine = w.endMillis() - w.startMillis() < 3 * 86_400_000L;
            DateTimeFormatter f = DateTimeFormatter.ofPattern(fine ? "d MMM yyyy HH:mm" : "d MMM yyyy",
                    Locale.ENGLISH).withZone(zone);
            windowLabel.setText("window " + f.format(w.start()) + " – " + f.format(w.end().minusMillis(1)));
            playheadLabel.setText("▸ " + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                    .withZone(zone).format(Instant.ofEpochMilli(w.endMillis())) + " "
                    + IncidentTimelineSkin.zoneLabel(zone));
        }
        // while filtering, about the same width as the usual text: the key beside it may not shorten
        countLabel.setText(Counts.grouped(state.visibleCountProperty().get()) + " of "
                + Counts.grouped(state.getCatalog().size())
                + (state.filteringProperty().get() ? " shown · filtering…" : " incidents shown"));
    }
}
