package org.incidentatlas.timeline;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.TimeWindow;

/**
 * The timeline room as the window shows it: a header (time window, count, reset/fit), the
 * {@link IncidentTimelineView}, and the tray of undated incidents beside it. FX thread only.
 */
public final class TimelinePanel extends BorderPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ExplorerState state;
    private final IncidentTimelineView timeline;
    private final Label windowLabel = new Label();
    private final Label countLabel = new Label();
    private final ListView<Incident> undated = new ListView<>();
    private final ObservableList<Incident> undatedItems = FXCollections.observableArrayList();
    private boolean syncingTray;

    public TimelinePanel(ExplorerState state) {
        this.state = state;
        getStyleClass().add("timeline-panel");
        timeline = new IncidentTimelineView(state);

        windowLabel.getStyleClass().add("window-label");
        windowLabel.setId("timeWindowLabel");
        countLabel.getStyleClass().add("count-label");
        countLabel.setId("visibleCountLabel");
        Button reset = new Button("Show all time");
        reset.setTooltip(new Tooltip("Reset the time window to cover every incident (or double-click the ruler)"));
        reset.setOnAction(e -> {
            state.resetWindow();
            timeline.fitAll();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("drag the ruler to choose a window · drag to pan · scroll or +/− to zoom");
        hint.getStyleClass().add("hint");
        HBox header = new HBox(10, new Label("Time window:"), windowLabel, countLabel, spacer, hint, reset);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        header.getStyleClass().add("timeline-header");
        setTop(header);
        setCenter(timeline);

        undated.setId("undatedTray");
        undated.setItems(undatedItems);
        undated.setPlaceholder(new Label("none"));
        undated.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Incident item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
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
        tray.setPrefWidth(190);
        tray.setPadding(new Insets(0, 4, 4, 4));
        tray.getStyleClass().add("undated-tray");
        setRight(tray);

        state.catalogProperty().addListener(o -> refreshTray());
        state.windowProperty().addListener(this::refreshHeader);
        state.visibleCountProperty().addListener(this::refreshHeader);
        state.selectedIndexProperty().addListener(o -> syncTraySelection());
        refreshTray();
        refreshHeader(null);
    }

    public IncidentTimelineView timeline() {
        return timeline;
    }

    private void refreshTray() {
        IncidentCatalog c = state.getCatalog();
        undatedItems.setAll(c.incidents().subList(c.datedCount(), c.size()));
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
        if (w == null) {
            windowLabel.setText("—");
        } else {
            boolean fine = w.endMillis() - w.startMillis() < 3 * 86_400_000L;
            DateTimeFormatter f = fine ? MINUTE : DAY;
            windowLabel.setText(f.format(w.start()) + " – " + f.format(w.end().minusMillis(1)));
        }
        countLabel.setText(state.visibleCountProperty().get() + " of " + state.getCatalog().size()
                + " incidents shown");
    }
}
