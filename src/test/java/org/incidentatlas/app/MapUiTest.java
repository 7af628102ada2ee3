package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.map.AtlasMap;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map as a person uses it: hovering, clusters, fly-to. */
class MapUiTest extends WindowUiTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void hoveringAMarkerShowsItsTitleAndDateAsWritten(FxRobot robot) {
        AtlasMap map = window.map();
        int drones = state.getCatalog().indexOf("2021-06-al-asad-drones");
        Point2D p = fx(() -> map.localToScreen(map.markerPosition(drones)));
        robot.moveTo(p);
        Label hover = robot.lookup("#mapHover").queryAs(Label.class);
        assertTrue(fx(hover::isVisible));
        assertTrue(hover.getText().startsWith("Two drones shot down near Al-Asad Air Base"), hover.getText());
        assertTrue(hover.getText().contains("2021-06-06~"), hover.getText());
        String cursor = robot.lookup("#mapCursor").queryAs(Label.class).getText();
        assertTrue(cursor.contains("° N") && cursor.contains("° E"), cursor);
        robot.moveTo(fx(() -> map.localToScreen(map.getWidth() / 2, 20)));
        assertFalse(fx(hover::isVisible), "the tooltip goes away off the markers");
    }

    @Test
    void clickingAClusterZoomsInAndRevealsItsMembers(FxRobot robot) {
        AtlasMap map = window.map();
        robot.interact(() -> map.setView(33.3, 43.3, 3.5));
        List<AtlasMap.ClusterView> clusters = fx(map::clusters);
        assertFalse(clusters.isEmpty(), "Baghdad and Anbar merge at country zoom");
        AtlasMap.ClusterView biggest = clusters.stream().max((a, b) -> a.members().length - b.members().length)
                .orElseThrow();
        assertTrue(biggest.members().length >= 3);
        double before = fx(map::getZoom);
        robot.clickOn(fx(() -> map.localToScreen(biggest.x(), biggest.y())));
        assertTrue(fx(map::getZoom) > before + 1, "zoomed in");
        int revealed = 0;
        for (int m : biggest.members()) {
            if (fx(() -> map.markerPosition(m)) != null) {
                revealed++;
            }
        }
        assertTrue(revealed >= 2, "members now have their own markers: " + revealed);
        assertEquals(-1, state.getSelectedIndex(), "a cluster click selects nothing");
    }

    @Test
    void selectingFromTheTimelineFliesTheMapThere(FxRobot robot) throws Exception {
        AtlasMap map = window.map();
        robot.interact(() -> map.setView(20, 10, 5));
        robot.interact(() -> state.selectById("2021-06-bdsc-rocket"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !map.isFlying()));
        assertEquals(33.2625, fx(map::center).lat(), 0.05);
        assertEquals(44.2346, fx(map::center).lon(), 0.05);
        assertNotNull(fx(() -> map.markerPosition(state.getSelectedIndex())));
    }

    @Test
    void hideOutsideWindowHidesInsteadOfFading(FxRobot robot) {
        AtlasMap map = window.map();
        int drones = state.getCatalog().indexOf("2021-06-al-asad-drones");
        robot.interact(() -> state.setWindow(java.time.Instant.parse("2020-01-01T00:00:00Z"),
                java.time.Instant.parse("2020-02-01T00:00:00Z")));
        assertNotNull(fx(() -> map.markerPosition(drones)), "faded, still drawn");
        robot.clickOn("View").clickOn("#hideOutsideMenu");
        assertTrue(fx(() -> map.hideOutsideWindowProperty().get()));
        assertEquals(null, fx(() -> map.markerPosition(drones)), "hidden");
    }
}
