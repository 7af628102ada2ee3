package org.incidentatlas.browse;

import java.util.Map;
import java.util.TreeMap;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.Counts;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Filters;

/**
 * Narrowing: a search field, category and region toggles with counts, "only what the map shows", and a
 * clear-all. Writes {@link ExplorerState#filtersProperty()}; every view follows. FX thread only.
 */
public final class FilterBar extends HBox {
    private final ExplorerState state;
    private final TextField search = new TextField();
    private final FlowPane categories = new FlowPane(4, 2);
    /** The region chips; after each layout they size the pane that scrolls them (see {@link #fitRegionRows}). */
    private final FlowPane regions = new FlowPane(4, 2) {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            fitRegionRows();
        }
    };
    private final javafx.scene.control.ScrollPane regionScroll = new javafx.scene.control.ScrollPane(regions);
    private final CheckBox onlyMap = new CheckBox("Only what the map shows");
    private boolean syncing;
    /** Catalog size from which the search is applied after a pause in the typing rather than at each key. */
    static final int SEARCH_WAITS_FOR_TYPING_ABOVE = 50_000;
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));

    public FilterBar(ExplorerState state) {
        this.state = state;
        getStyleClass().add("filter-bar");
        setId("filterBar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        search.setId("searchField");
        search.setPromptText("Search title, summary, place, tags, sources…");
        search.setPrefColumnCount(22);
        search.setTooltip(new Tooltip("All words must appear (Ctrl+K)"));
        // Each change of the search filters every incident on the FX thread (a third of a second at a million):
        // with a big catalog, the search waits for a pause in the typing, or for Enter.
        typing.setOnFinished(e -> applySearch());
        search.textProperty().addListener((o, a, b) -> {
            if (syncing) {
                return;
            }
            if (state.getCatalog().size() >= SEARCH_WAITS_FOR_TYPING_ABOVE) {
                typing.playFromStart();
            } else {
                applySearch();
            }
        });
        search.setOnAction(e -> applySearch());
        onlyMap.setId("onlyMapCheck");
        onlyMap.setTooltip(new Tooltip("Keep only incidents inside the map's current view"));
        onlyMap.selectedProperty().addListener((o, a, b) -> {
            if (!syncing) {
                state.filtersProperty().set(state.getFilters().withMapExtent(b ? state.mapExtentProperty().get()
                        : null));
            }
        });
        Button clear = new Button("Clear filters");
        clear.setId("clearFilters");
        clear.setTooltip(new Tooltip("Show every incident again"));
        clear.setOnAction(e -> state.filtersProperty().set(Filters.NONE));
        Label cats = new Label("Categories:");
        Label regs = new Label("Regions:");
        regionScroll.setId("regionScroll");
        regionScroll.getStyleClass().add("chip-scroll");
        regionScroll.setFitToWidth(true);
        regionScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        regionScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        regionScroll.setFocusTraversable(false); // the chips take the focus; Tab scrolls a chip into view
        regionScroll.setMinViewportHeight(1);
        HBox.setHgrow(categories, Priority.ALWAYS);
        HBox.setHgrow(regionScroll, Priority.SOMETIMES);
        getChildren().addAll(search, cats, categories, regs, regionScroll, onlyMap, clear);
        for (javafx.scene.Node n : java.util.List.of(search, cats, regs, onlyMap, clear)) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        state.catalogProperty().addListener(o -> rebuild());
        state.filtersProperty().addListener((o, before, after) -> {
            // a change elsewhere that leaves the search alone (a toggle, the map's extent) keeps what is being typed
            sync(typing.getStatus() == javafx.animation.Animation.Status.RUNNING
                    && before.text().equals(after.text()));
        });
        rebuild();
    }

    /** Rows of region chips shown before the rest scroll: a file over all of Syria and Iraq has 28 regions. */
    static final int REGION_ROWS = 4;

    /**
     * Sizes the pane of region chips from the chips as laid out: as tall as they are, up to {@value #REGION_ROWS}
     * rows (beyond, it scrolls: at a million incidents all regions wrapped to ten rows and took a quarter of the
     * map's height), and never narrower than the widest chip. Measured after each layout of the chips rather
     * than bound to their preferred sizes, which new chips do not have until their skins are made.
     */
    private void fitRegionRows() {
        double row = 0;
        double widest = 0;
        for (javafx.scene.Node chip : regions.getChildren()) {
            row = Math.max(row, chip.getLayoutBounds().getHeight());
            widest = Math.max(widest, chip.getLayoutBounds().getWidth());
        }
        double rows = row <= 0 ? 0 : Math.min(regions.getHeight(), REGION_ROWS * (row + regions.getVgap()) - regions
                .getVgap());
        double height = Math.max(1, Math.ceil(rows) + 2);
        if (Math.abs(regionScroll.getPrefViewportHeight() - height) > 0.5) {
            regionScroll.setPrefViewportHeight(height);
        }
        if (Math.abs(regionScroll.getMinViewportWidth() - widest) > 0.5) {
            regionScroll.setMinViewportWidth(widest);
        }
    }

    /** Focuses the search field (Ctrl+K). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void rebuild() {
        IncidentCatalog c = state.getCatalog();
        categories.getChildren().clear();
        Map<String, Integer> counts = c.countsByCategory();
        for (Category cat : c.categories()) {
            ToggleButton b = new ToggleButton(cat.label() + " " + Counts.grouped(counts.getOrDefault(cat.id(), 0)),
                    new Circle(5, Color.web(CategoryPalette.color(c, cat))));
            b.setId("category-" + cat.id());
            b.getStyleClass().add("filter-toggle");
            b.setSelected(true);
            b.setTooltip(new Tooltip("Show or hide " + cat.label()));
            b.selectedProperty().addListener((o, x, on) -> {
                if (!syncing) {
                    state.filtersProperty().set(state.getFilters().withCategory(cat.id(), on));
                }
            });
            categories.getChildren().add(b);
        }
        regions.getChildren().clear();
        Map<String, Integer> byRegion = new TreeMap<>();
        c.countsByAdmin1().forEach((area, n) -> byRegion.put(area.isEmpty() ? Filters.NO_REGION : area, n));
        byRegion.forEach((region, n) -> {
            ToggleButton b = new ToggleButton(region + " " + Counts.grouped(n));
            b.setId("region-" + region.replaceAll("[^A-Za-z0-9]", "_"));
            b.getStyleClass().add("filter-toggle");
            b.setSelected(true);
            b.setTooltip(new Tooltip("Show or hide incidents in " + region));
            b.selectedProperty().addListener((o, x, on) -> {
                if (!syncing) {
                    state.filtersProperty().set(state.getFilters().withRegion(region, on));
                }
            });
            regions.getChildren().add(b);
        });
        sync(false);
    }

    private void applySearch() {
        typing.stop();
        if (!state.getFilters().text().equals(search.getText().strip())) {
            state.filtersProperty().set(state.getFilters().withText(search.getText()));
        }
    }

    /** Shows the state's filters; {@code keepTyped}: leave the search field as it is being typed. */
    private void sync(boolean keepTyped) {
        if (!keepTyped) {
            typing.stop(); // Clear filters, a saved view, a new catalog: their text wins
        }
        syncing = true;
        try {
            Filters f = state.getFilters();
            if (!keepTyped && !search.getText().equals(f.text())) {
                search.setText(f.text());
            }
            onlyMap.setSelected(f.mapExtent() != null);
            for (javafx.scene.Node n : categories.getChildren()) {
                ((ToggleButton) n).setSelected(!f.hiddenCategories().contains(n.getId().substring(9)));
            }
            IncidentCatalog c = state.getCatalog();
            Map<String, Boolean> shown = new TreeMap<>();
            for (String area : c.countsByAdmin1().keySet()) {
                String region = area.isEmpty() ? Filters.NO_REGION : area;
                shown.put(region, !f.hiddenRegions().contains(region));
            }
            int k = 0;
            for (Boolean on : shown.values()) {
                ((ToggleButton) regions.getChildren().get(k++)).setSelected(on);
            }
        } finally {
            syncing = false;
        }
    }
}
