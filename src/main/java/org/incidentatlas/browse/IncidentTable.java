package org.incidentatlas.browse;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
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
    private final TableColumn<Incident, Incident> when = new TableColumn<>("When");
    /** Row of each catalog index in the current rows, or -1 when it has none. */
    private int[] rowOf = new int[0];
    private boolean syncing;

    /** Incidents of a catalog in the order of an index array: the rows as they are at one moment. */
    private static final class View extends java.util.AbstractList<Incident> {
        private final IncidentCatalog catalog;
        private final int[] order;

        View(IncidentCatalog catalog, int[] order) {
            this.catalog = catalog;
            this.order = order;
        }

        @Override
        public Incident get(int row) {
            return catalog.get(order[row]);
        }

        @Override
        public int size() {
            return order.length;
        }
    }

    /**
     * The rows: catalog indices in display order, read-only to the table. A reload, a new filter or a new sort
     * replaces the whole view with one change event: a million incidents cost one int array, not a million
     * list events and wrapper objects.
     */
    private static final class Rows extends ObservableListBase<Incident> {
        private View view = new View(IncidentCatalog.empty(), new int[0]);

        void replace(IncidentCatalog catalog, int[] order) {
            View old = view;
            view = new View(catalog, order);
            beginChange();
            if (!old.isEmpty()) {
                nextRemove(0, old);
            }
            if (order.length > 0) {
                nextAdd(0, order.length);
            }
            endChange();
        }

        @Override
        public Incident get(int row) {
            return view.get(row);
        }

        @Override
        public int size() {
            return view.size();
        }
    }

    private final Rows rows = new Rows();

    public IncidentTable(ExplorerState state) {
        this.state = state;
        setId("incidentTable");
        getStyleClass().add("incident-table");
        setPlaceholder(new Label("No incident matches the filters"));
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
        // rows are one line high (ui.ListRows)
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(org.incidentatlas.ui.ListRows.oneLine(
                c.getValue().title())));
        title.setPrefWidth(230);
        TableColumn<Incident, String> place = new TableColumn<>("Place");
        place.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where() == null ? "—"
                : org.incidentatlas.ui.ListRows.oneLine(c.getValue().where().name())));
        place.setPrefWidth(140);
        TableColumn<Incident, String> category = new TableColumn<>("Category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(org.incidentatlas.ui.ListRows.oneLine(
                c.getValue().category().label())));
        category.setPrefWidth(110);
        TableColumn<Incident, Number> sources = new TableColumn<>("Sources");
        sources.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sources().size()));
        sources.setPrefWidth(60);
        getColumns().setAll(java.util.List.of(when, title, place, category, sources));
        setItems(rows);
        setSortPolicy(t -> {
            rebuild();
            return true;
        });

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
        state.catalogProperty().addListener(o -> rebuild());
        // Rows follow the applied filters, not the time window: scrubbing must not refilter a million rows per frame.
        state.appliedFiltersProperty().addListener(o -> rebuild());
        state.selectedIncidentProperty().addListener((o, a, inc) -> syncSelection(inc));
        rebuild();
    }

    /** New rows from the filters and the sort order; the selection follows its incident. */
    private void rebuild() {
        IncidentCatalog c = state.getCatalog();
        int n = c.size();
        int[] order;
        if (state.getAppliedFilters().isNone()) { // no filters: no test per row
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        } else {
            int[] kept = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (state.isIncluded(i)) {
                    kept[k++] = i;
                }
            }
            order = Arrays.copyOf(kept, k);
        }
        order = sorted(c, order);
        rowOf = new int[n];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < order.length; r++) {
            rowOf[order[r]] = r;
        }
        syncing = true;
        try {
            rows.replace(c, order);
        } finally {
            syncing = false;
        }
        syncSelection(state.selectedIncidentProperty().get());
    }

    /**
     * {@code order} (catalog indices, ascending) in the table's sort order. The catalog is in time order, so
     * sorting by "When" alone is the order itself or its reverse; other columns compare their cell values.
     */
    private int[] sorted(IncidentCatalog c, int[] order) {
        if (getSortOrder().isEmpty()) {
            return order;
        }
        if (getSortOrder().size() == 1 && getSortOrder().get(0) == when) {
            if (when.getSortType() == TableColumn.SortType.DESCENDING) {
                for (int a = 0, b = order.length - 1; a < b; a++, b--) {
                    int t = order[a];
                    order[a] = order[b];
                    order[b] = t;
                }
            }
            return order;
        }
        // Each sort column's cell value is taken once per row, not twice per comparison: texts are decoded from
        // the incident's packed bytes on every call, and a million rows make twenty million comparisons.
        List<TableColumn<Incident, ?>> columns = List.copyOf(getSortOrder());
        Object[][] keys = new Object[columns.size()][order.length];
        for (int k = 0; k < columns.size(); k++) {
            for (int r = 0; r < order.length; r++) {
                keys[k][r] = columns.get(k).getCellData(c.get(order[r]));
            }
        }
        Integer[] rows = new Integer[order.length];
        for (int r = 0; r < order.length; r++) {
            rows[r] = r;
        }
        Arrays.sort(rows, (a, b) -> { // stable: ties stay in time order
            for (int k = 0; k < columns.size(); k++) {
                @SuppressWarnings("unchecked")
                Comparator<Object> cmp = (Comparator<Object>) columns.get(k).getComparator();
                int v = cmp.compare(keys[k][a], keys[k][b]);
                if (v != 0) {
                    return columns.get(k).getSortType() == TableColumn.SortType.DESCENDING ? -v : v;
                }
            }
            return 0;
        });
        int[] out = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            out[r] = order[rows[r]];
        }
        return out;
    }

    private void syncSelection(Incident inc) {
        syncing = true;
        try {
            int index = inc == null ? -1 : state.getCatalog().indexOf(inc.id());
            int row = index >= 0 && index < rowOf.length ? rowOf[index] : -1;
            if (row < 0) {
                getSelectionModel().clearSelection();
            } else if (getSelectionModel().getSelectedIndex() != row) {
                getSelectionModel().clearAndSelect(row); // by row: no search through a million items
                scrollTo(row);
            }
        } finally {
            syncing = false;
        }
    }
}
