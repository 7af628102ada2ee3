package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.model.Incident;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Search, category toggles and the table, as a person uses them. */
class BrowseUiTest extends WindowUiTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void searchingForTheDronesLeavesOnlyThemOnMapTimelineAndTable(FxRobot robot) {
        robot.clickOn("#searchField").write("intercepted");
        @SuppressWarnings("unchecked")
        TableView<Incident> table = robot.lookup("#incidentTable").queryAs(TableView.class);
        assertEquals(1, fx(() -> table.getItems().size()));
        assertEquals("2021-06-al-asad-drones", fx(() -> table.getItems().get(0).id()));
        assertNotNull(fx(() -> window.map().markerPosition(idx("2021-06-al-asad-drones"))));
        assertNull(fx(() -> window.map().markerPosition(idx("2021-06-bdsc-rocket"))), "not on the map");
        assertNull(fx(() -> window.timelinePanel().timeline().markBounds(idx("2020-01-al-asad-missiles"))),
                "not on the timeline");
        assertNotNull(fx(() -> window.timelinePanel().timeline().markBounds(idx("2021-06-al-asad-drones"))));
        assertTrue(robot.lookup("#visibleCountLabel").queryAs(Label.class).getText().startsWith("1 of 7"));
        @SuppressWarnings("unchecked")
        ListView<Incident> tray = robot.lookup("#undatedTray").queryAs(ListView.class);
        assertEquals(0, fx(() -> tray.getItems().size()), "the undated attack does not match either");
        robot.clickOn("#clearFilters");
        assertEquals(7, fx(() -> table.getItems().size()));
        assertEquals(List.of("undated-al-asad-direct-attack"), fx(() -> tray.getItems().stream().map(Incident::id)
                .toList()));
    }

    @Test
    void turningACategoryOffRemovesItsMarkersAndLaneAndDropsTheCounts(FxRobot robot) {
        int missiles = idx("2020-01-al-asad-missiles");
        assertNotNull(fx(() -> window.map().markerPosition(missiles)));
        double laneBefore = fx(() -> window.timelinePanel().timeline().markBounds(idx("2020-01-soleimani-strike"))
                .getMinY());
        robot.clickOn("#category-missile-attack");
        assertNull(fx(() -> window.map().markerPosition(missiles)));
        assertNull(fx(() -> window.timelinePanel().timeline().markBounds(missiles)));
        double laneAfter = fx(() -> window.timelinePanel().timeline().markBounds(idx("2020-01-soleimani-strike"))
                .getMinY());
        assertTrue(laneAfter < laneBefore, "the lanes below moved up: the missile lane is gone");
        assertTrue(robot.lookup("#visibleCountLabel").queryAs(Label.class).getText().startsWith("6 of 7"));
    }

    @Test
    void clickingATableRowSelectsItOnMapAndTimeline(FxRobot robot) {
        robot.clickOn("Iranian missile attack on Al-Asad Air Base");
        int missiles = idx("2020-01-al-asad-missiles");
        assertEquals(missiles, state.getSelectedIndex());
        assertTrue(fx(() -> window.timelinePanel().timeline().getAccessibleText()).contains("Iranian missile"));
        assertEquals("Iranian missile attack on Al-Asad Air Base",
                robot.lookup("#detailsTitle").queryAs(Label.class).getText());
    }

    @Test
    void sortingByAColumnReordersTheRowsAndTheSelectionFollowsItsIncident(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<Incident> table = robot.lookup("#incidentTable").queryAs(TableView.class);
        java.util.List<String> byTime = fx(() -> table.getItems().stream().map(Incident::id).toList());
        assertEquals(fx(() -> state.getCatalog().incidents().stream().map(Incident::id).toList()), byTime,
                "unsorted rows are in time order");

        robot.clickOn(robot.lookup(".column-header").lookup("Title").queryLabeled());
        java.util.List<String> titles = fx(() -> table.getItems().stream().map(Incident::title).toList());
        assertEquals(titles.stream().sorted(java.text.Collator.getInstance()).toList(), titles,
                "ascending by title, as the user's locale orders words");

        robot.interact(() -> state.selectById("2021-06-al-asad-drones"));
        assertEquals("2021-06-al-asad-drones", fx(() -> table.getSelectionModel().getSelectedItem().id()));
        int row = titles.indexOf(fx(() -> state.selectedIncidentProperty().get().title()));
        assertEquals(row, fx(() -> table.getSelectionModel().getSelectedIndex()), "the row that shows it");

        robot.clickOn(robot.lookup(".column-header").lookup("Title").queryLabeled());
        java.util.List<String> down = fx(() -> table.getItems().stream().map(Incident::title).toList());
        assertEquals(reversed(titles), down, "descending by title");
        assertEquals("2021-06-al-asad-drones", fx(() -> table.getSelectionModel().getSelectedItem().id()),
                "the selection stays on its incident");

        robot.clickOn(robot.lookup(".column-header").lookup("When").queryLabeled());
        assertEquals(byTime, fx(() -> table.getItems().stream().map(Incident::id).toList()), "by time");
        robot.clickOn(robot.lookup(".column-header").lookup("When").queryLabeled());
        assertEquals(reversed(byTime), fx(() -> table.getItems().stream().map(Incident::id).toList()),
                "latest first");
    }

    private static <T> java.util.List<T> reversed(java.util.List<T> list) {
        java.util.List<T> r = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    @Test
    void aSavedViewRestoresWindowFiltersSelectionAndMap(FxRobot robot) throws Exception {
        Path viewFile = java.nio.file.Files.createTempDirectory("atlas-view").resolve("view.json");
        robot.interact(() -> {
            state.setWindow(java.time.Instant.parse("2020-01-01T00:00:00Z"),
                    java.time.Instant.parse("2020-02-01T00:00:00Z"));
            state.filtersProperty().set(org.incidentatlas.viewmodel.Filters.NONE.withCategory("statement", false));
            state.selectById("2020-01-al-asad-missiles");
            window.map().setView(33.8, 42.4, 9);
        });
        fx(() -> {
            window.captureView().write(viewFile);
            return null;
        });
        robot.interact(() -> {
            state.resetWindow();
            state.filtersProperty().set(org.incidentatlas.viewmodel.Filters.NONE);
            state.clearSelection();
            window.map().fitToIncidents();
        });
        org.incidentatlas.io.SavedView v = org.incidentatlas.io.SavedView.read(viewFile);
        robot.interact(() -> window.applyView(v));
        assertEquals(java.time.Instant.parse("2020-02-01T00:00:00Z"), state.getWindow().end());
        assertTrue(state.getFilters().hiddenCategories().contains("statement"));
        assertEquals("2020-01-al-asad-missiles", state.selectedIncidentProperty().get().id());
        assertEquals(9, fx(() -> window.map().getZoom()), 0.01);
        assertEquals(33.8, fx(() -> window.map().center()).lat(), 0.05);
    }

    @Test
    void everyControlHasATooltip() {
        java.util.List<String> bare = new java.util.ArrayList<>();
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>();
        todo.add(fx(() -> window.getScene().getRoot()));
        fx(() -> {
            while (!todo.isEmpty()) {
                javafx.scene.Node n = todo.pop();
                if (n instanceof javafx.scene.control.MenuBar) {
                    continue; // menus are their own labels
                }
                boolean needs = n instanceof javafx.scene.control.ButtonBase
                        || n instanceof javafx.scene.control.ComboBoxBase
                        || n instanceof javafx.scene.control.ChoiceBox
                        || n instanceof javafx.scene.control.TextInputControl;
                if (needs && ((javafx.scene.control.Control) n).getTooltip() == null) {
                    bare.add(n.getClass().getSimpleName() + " " + (n.getId() != null ? "#" + n.getId()
                            : n instanceof javafx.scene.control.Labeled l ? "\"" + l.getText() + "\"" : ""));
                }
                if (n instanceof javafx.scene.Parent p) {
                    todo.addAll(p.getChildrenUnmodifiable());
                }
            }
            return null;
        });
        assertTrue(bare.isEmpty(), "controls without a tooltip: " + bare);
    }
}
