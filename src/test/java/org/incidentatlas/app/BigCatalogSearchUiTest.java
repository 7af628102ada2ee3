package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentatlas.bench.EventFileGenerator;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.map.AtlasMap;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With a big catalog every search is a pass over all incidents on the FX thread, so the search field waits for a
 * pause in the typing, or for Enter; a change elsewhere keeps what is being typed, and Clear filters still clears.
 */
class BigCatalogSearchUiTest extends WindowUiTest {
    private static final int N = 60_000;

    @Override
    protected Path eventsFile() throws Exception {
        Path f = Files.createTempFile("atlas-big-search", ".json");
        f.toFile().deleteOnExit();
        EventFileGenerator.write(N, 1, f);
        return f;
    }

    /** As the app runs a big catalog: filters on a thread of their own, results through the FX queue. */
    @Override
    protected ExplorerState createState() {
        return new ExplorerState(new EventFileReader(), Runnable::run, r -> {
            Thread t = new Thread(r, "test-filters");
            t.setDaemon(true);
            t.start();
        }, javafx.application.Platform::runLater);
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** Waits until the views show the filters asked for (they are worked out in the background at this size). */
    private void awaitFiltersShown() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !state.filteringProperty().get()
                && state.getAppliedFilters() == state.getFilters()));
    }

    @Test
    void clusterDiscsNeverCoverEachOther() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !window.map().isPlacingIncidents()
                && !window.map().clusters().isEmpty()));
        List<AtlasMap.ClusterView> discs = fx(() -> window.map().clusters());
        // the smallest disc (two incidents) has a radius of 14 px: any two drawn discs are at least 28 px apart
        for (int a = 0; a < discs.size(); a++) {
            for (int b = a + 1; b < discs.size(); b++) {
                double d = Math.hypot(discs.get(a).x() - discs.get(b).x(), discs.get(a).y() - discs.get(b).y());
                assertTrue(d >= 28, "discs " + a + " and " + b + " are " + d + " px apart");
            }
        }
        // merged discs keep every member once
        java.util.BitSet seen = new java.util.BitSet();
        int members = 0;
        for (AtlasMap.ClusterView c : discs) {
            for (int m : c.members()) {
                seen.set(m);
                members++;
            }
        }
        assertEquals(members, seen.cardinality(), "an incident is in two discs");
        assertTrue(members > N / 2, "most of the " + N + " incidents are in discs at this zoom: " + members);
        // the discs sit where their members are (the catalog is projected on the indexer at this size): a disc
        // well left of another holds incidents further west, one well above holds incidents further north
        var catalog = fx(() -> state.getCatalog());
        double[] lon = new double[discs.size()];
        double[] lat = new double[discs.size()];
        for (int k = 0; k < discs.size(); k++) {
            for (int m : discs.get(k).members()) {
                lon[k] += catalog.lon(m) / discs.get(k).members().length;
                lat[k] += catalog.lat(m) / discs.get(k).members().length;
            }
        }
        for (int a = 0; a < discs.size(); a++) {
            for (int b = 0; b < discs.size(); b++) {
                if (discs.get(b).x() - discs.get(a).x() > 60) {
                    assertTrue(lon[b] > lon[a], "disc " + b + " is east of disc " + a + " on screen, not on Earth");
                }
                if (discs.get(b).y() - discs.get(a).y() > 60) {
                    assertTrue(lat[b] < lat[a], "disc " + b + " is south of disc " + a + " on screen, not on Earth");
                }
            }
        }
    }

    @Test
    void theCountAndTheWindowStayReadableAtThisSize(FxRobot robot) {
        // the count groups its digits; the window's dates were cut to "1…" when they shared the key's row
        javafx.scene.control.Label count = robot.lookup("#visibleCountLabel").queryAs(javafx.scene.control.Label.class);
        assertTrue(fx(count::getText).endsWith(" of 60,000 incidents shown"), fx(count::getText));
        javafx.scene.control.Label window = robot.lookup("#timeWindowLabel").queryAs(javafx.scene.control.Label.class);
        String text = fx(window::getText);
        assertTrue(text.matches("window \\d{1,2} \\w{3} \\d{4} – \\d{1,2} \\w{3} \\d{4}"), text);
        assertEquals(text, fx(() -> ((javafx.scene.text.Text) window.lookup(".text")).getText()), "shown in full");
        assertEquals(fx(count::getText), fx(() -> ((javafx.scene.text.Text) count.lookup(".text")).getText()),
                "count shown in full");
    }

    @Test
    void regionChipsTakeAtMostFourRowsAndTabScrollsToTheOneFocused(FxRobot robot) {
        javafx.scene.control.ScrollPane pane = robot.lookup("#regionScroll")
                .queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.layout.FlowPane chips = (javafx.scene.layout.FlowPane) pane.getContent();
        int n = fx(() -> chips.getChildren().size());
        assertTrue(n > 20, "the generated file covers many regions: " + n);
        double shown = fx(pane::getHeight);
        assertTrue(shown < 4 * 26 + 4, "at most four rows of chips: " + shown + " px");
        assertTrue(fx(chips::getHeight) > 1.5 * shown, "the rest scrolls");

        javafx.scene.Node last = fx(() -> chips.getChildren().get(n - 1));
        fx(() -> {
            chips.getChildren().get(0).requestFocus();
            return null;
        });
        for (int i = 1; i < n; i++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(fx(last::isFocused), "Tab walks the chips in order");
        javafx.geometry.Bounds view = fx(() -> pane.localToScene(pane.getLayoutBounds()));
        javafx.geometry.Bounds chip = fx(() -> last.localToScene(last.getLayoutBounds()));
        assertTrue(chip.getMinY() >= view.getMinY() - 1 && chip.getMaxY() <= view.getMaxY() + 1,
                "the focused chip " + chip + " is scrolled into view " + view);
    }

    @Test
    void theSearchAppliesAfterAPauseOrOnEnterAndClearStillClears(FxRobot robot) throws Exception {
        assertEquals(N, fx(() -> state.getCatalog().size()));
        TextField field = robot.lookup("#searchField").queryAs(TextField.class);
        robot.clickOn(field).write("drone");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> state.getFilters().text()).equals("drone"));
        awaitFiltersShown();
        int drones = fx(() -> state.includedCountProperty().get());
        assertTrue(drones > 0 && drones < N, "some incidents mention drones: " + drones);

        robot.write(" incident").type(KeyCode.ENTER);
        assertEquals("drone incident", fx(() -> state.getFilters().text()));
        awaitFiltersShown();
        assertTrue(fx(() -> state.includedCountProperty().get()) <= drones);

        robot.clickOn("#clearFilters");
        assertEquals("", fx(field::getText));
        awaitFiltersShown();
        assertEquals(N, fx(() -> state.includedCountProperty().get()));

        // a category turned off while a search is being typed keeps the typed words, and both apply
        robot.clickOn(field).write("rocket");
        robot.clickOn(robot.lookup(".toggle-button").match(n -> n.getId() != null
                && n.getId().startsWith("category-")).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> state.getFilters().text()).equals("rocket"));
        assertEquals("rocket", fx(field::getText));
        assertEquals(1, fx(() -> state.getFilters().hiddenCategories().size()));
    }
}
