package org.incidentatlas.browse;

import java.util.Comparator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Every incident that passes the filters as a sortable table: time as written, title, place, category and how
 * many sources back it. Selection follows {@link ExplorerState} both ways; Enter brings the incident into
 * view on the map. FX thread only.
 */
public final class IncidentTable extends TableView<Incident> {
    private final ExplorerState state;
    private final ObservableList<Incident> all = FXCollections.observableArrayList();
    private final FilteredList<Incident> filtered = new FilteredList<>(all);
    private boolean syncing;

    public IncidentTable(ExplorerState state) {
        this.state = state;
        setId("incidentTable");
        getStyleClass().add("incident-table");
        setPlaceholder(new Label("No incident matches the filters"));
        TableColumn<Incident, Incident> when = new TableColumn<>("When");
        when.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        when.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Incident item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.when() == null ? "undated" : item.when().literal());
            }
        });
        when.setComparator(Comparator.comparingInt(i -> state.getCatalog().indexOf(i.id())));
        when.setPrefWidth(95);
        TableColumn<Incident, String> title = new TableColumn<>("Title");
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        title.setPrefWidth(230);
        TableColumn<Incident, String> place = new TableColumn<>("Place");
        place.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where() == null ? "—"
                : c.getValue().where().name()));
        place.setPrefWidth(140);
        TableColumn<Incident, String> category = new TableColumn<>("Category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category().label()));
        category.setPrefWidth(110);
        TableColumn<Incident, Number> sources = new TableColumn<>("Sources");
        sources.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sources().size()));
        sources.setPrefWidth(60);
        getColumns().setAll(java.util.List.of(when, title, place, category, sources));
        SortedList<Incident> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);

        getSelectionModel().selectedItemProperty().addListener((o, a, inc) -> {
            if (!syncing && inc != null) {
                state.select(state.getCatalog().indexOf(inc.id()));
            }
        });
        setOnKeyPressed(e -> {
            Incident inc = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && inc != null) {
                state.reveal(state.getCatalog().indexOf(inc.id()));
                e.consume();
            }
        });
        state.catalogProperty().addListener(o -> reload());
        // Rows follow the filters, not the time window: scrubbing must not refilter a million rows per frame.
        // (visibilityRevision moves after the state has applied new filters, so it is the safe moment.)
        state.visibilityRevisionProperty().addListener(o -> {
            if (state.getFilters() != filteredBy) {
                refilter();
            }
        });
        state.selectedIncidentProperty().addListener((o, a, inc) -> syncSelection(inc));
        reload();
    }

    private void reload() {
        all.setAll(state.getCatalog().incidents());
        refilter();
    }

    private Object filteredBy;

    private void refilter() {
        filteredBy = state.getFilters();
        IncidentCatalog c = state.getCatalog();
        // no filters: no predicate, so a million rows are not tested one by one
        filtered.setPredicate(state.getFilters().isNone() ? null : inc -> state.isIncluded(c.indexOf(inc.id())));
        syncSelection(state.selectedIncidentProperty().get());
    }

    private void syncSelection(Incident inc) {
        syncing = true;
        try {
            if (inc == null) {
                getSelectionModel().clearSelection();
            } else if (getSelectionModel().getSelectedItem() != inc) {
                getSelectionModel().select(inc);
                scrollTo(inc);
            }
        } finally {
            syncing = false;
        }
    }
}
