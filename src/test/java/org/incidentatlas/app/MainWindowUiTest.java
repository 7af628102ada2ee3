package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The linking of map, timeline and details, driven as a person would: clicks, drags and keys. */
class MainWindowUiTest extends WindowUiTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }
    private static final String DRONES = "2021-06-al-asad-drones";
    private static final String MISSILES = "2020-01-al-asad-missiles";
    private static final String ROCKET = "2021-06-bdsc-rocket";

    private int index(String id) {
        return state.getCatalog().indexOf(id);
    }

    private Point2D markerOnScreen(int index) {
        return fx(() -> {
            Point2D p = window.map().markerPosition(index);
            assertNotNull(p, "marker " + index + " is on screen");
            return window.map().localToScreen(p);
        });
    }

    private String detailsTitle(FxRobot robot) {
        return robot.lookup("#detailsTitle").queryAs(Label.class).getText();
    }

    @Test
    void tableAndTrayRowsHoldTheirTextUnclipped(FxRobot robot) {
        // rows have one fixed height (ListRows), so the text must fit it: a smaller height would cut it
        for (String cells : new String[] {"#incidentTable .table-cell", "#undatedTray .list-cell"}) {
            int checked = 0;
            for (javafx.scene.Node n : robot.lookup(cells).queryAll()) {
                javafx.scene.control.Labeled cell = (javafx.scene.control.Labeled) n;
                if (fx(cell::getText) == null || fx(cell::getText).isEmpty()) {
                    continue;
                }
                javafx.scene.text.Text text = (javafx.scene.text.Text) cell.lookup(".text");
                javafx.geometry.Bounds b = fx(() -> cell.sceneToLocal(text.localToScene(text.getLayoutBounds())));
                double h = fx(cell::getHeight);
                assertTrue(b.getMinY() >= -0.5 && b.getMaxY() <= h + 0.5,
                        cells + " '" + fx(cell::getText) + "' text " + b + " in a row " + h + " px high");
                checked++;
            }
            assertTrue(checked > 0, "no text found in " + cells);
        }
    }

    @Test
    void clickingTheAlAsadMarkerSelectsItOnTheTimelineAndInTheDetails(FxRobot robot) {
        int drones = index(DRONES);
        robot.clickOn(markerOnScreen(drones));
        assertEquals(drones, state.getSelectedIndex());
        assertEquals("Two drones shot down near Al-Asad Air Base", detailsTitle(robot));
        Point2D mark = fx(() -> window.timelinePanel().timeline().markPosition(drones));
        assertNotNull(mark, "the timeline shows the selected incident");
        double width = fx(() -> window.timelinePanel().timeline().getWidth());
        assertTrue(mark.getX() > 0 && mark.getX() < width, "scrolled into view: " + mark);
        String announced = fx(() -> window.timelinePanel().timeline().getAccessibleText());
        assertTrue(announced.contains("Two drones shot down"), announced);
        // The timeline reports the same incident under its mark.
        assertEquals(drones, (int) fx(() -> window.timelinePanel().timeline().incidentAt(mark.getX(), mark.getY())));
    }

    @Test
    void clickingOnTheTimelineCentresTheMapOnTheIncident(FxRobot robot) {
        int rocket = index(ROCKET);
        robot.interact(() -> window.timelinePanel().timeline().showRange(Instant.parse("2021-06-01T00:00:00Z"),
                Instant.parse("2021-06-12T00:00:00Z")));
        Point2D mark = fx(() -> window.timelinePanel().timeline().localToScreen(
                window.timelinePanel().timeline().markPosition(rocket)));
        robot.clickOn(mark);
        assertEquals(rocket, state.getSelectedIndex());
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> !window.map().isFlying()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the map never finished flying", e);
        }
        GeoLocation centre = fx(() -> window.map().center());
        assertEquals(33.2625, centre.lat(), 0.05);
        assertEquals(44.2346, centre.lon(), 0.05);
        assertTrue(detailsTitle(robot).contains("Baghdad Diplomatic Support Center"), detailsTitle(robot));
    }

    @Test
    void draggingTheWindowToJanuary2020FadesThe2021MarkersAndShowsTheMissileAttack(FxRobot robot) {
        var timeline = window.timelinePanel().timeline();
        robot.interact(() -> timeline.showRange(Instant.parse("2019-12-01T00:00:00Z"),
                Instant.parse("2020-03-01T00:00:00Z")));
        double laneY = fx(() -> timeline.rulerY() + 40);
        // Drag the window's left edge from 1 December to 1 January, then its right edge from 1 March to 1 February.
        Point2D leftFrom = fx(() -> timeline.localToScreen(timeline.xOf(Instant.parse("2019-12-01T00:00:00Z")), laneY));
        Point2D leftTo = fx(() -> timeline.localToScreen(timeline.xOf(Instant.parse("2020-01-01T00:00:00Z")), laneY));
        robot.drag(leftFrom, MouseButton.PRIMARY).moveTo(leftTo).release(MouseButton.PRIMARY);
        Point2D rightFrom = fx(() -> timeline.localToScreen(timeline.xOf(Instant.parse("2020-03-01T00:00:00Z")), laneY));
        Point2D rightTo = fx(() -> timeline.localToScreen(timeline.xOf(Instant.parse("2020-02-01T00:00:00Z")), laneY));
        robot.drag(rightFrom, MouseButton.PRIMARY).moveTo(rightTo).release(MouseButton.PRIMARY);

        var w = state.getWindow();
        long day = Duration.ofDays(1).toMillis();
        assertEquals(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(), w.startMillis(), day);
        assertEquals(Instant.parse("2020-02-01T00:00:00Z").toEpochMilli(), w.endMillis(), day);
        assertTrue(state.isVisible(index(MISSILES)));
        assertFalse(state.isVisible(index(DRONES)));
        assertFalse(state.isVisible(index(ROCKET)));
        String count = robot.lookup("#visibleCountLabel").queryAs(Label.class).getText();
        assertEquals(state.visibleCountProperty().get() + " of " + state.getCatalog().size() + " incidents shown",
                count);

        // What the map draws: the missile attack in full colour, the 2021 drones faded towards the background.
        Image shot = fx(() -> window.map().snapshot(null, null));
        Color missileColour = Color.web(CategoryPalette.color(state.getCatalog(),
                state.getCatalog().get(index(MISSILES)).category()));
        Color dronesColour = Color.web(CategoryPalette.color(state.getCatalog(),
                state.getCatalog().get(index(DRONES)).category()));
        Point2D missile = fx(() -> window.map().markerPosition(index(MISSILES)));
        Point2D drones = fx(() -> window.map().markerPosition(index(DRONES)));
        Color atMissile = shot.getPixelReader().getColor((int) missile.getX(), (int) missile.getY());
        Color atDrones = shot.getPixelReader().getColor((int) drones.getX(), (int) drones.getY());
        assertTrue(distance(atMissile, missileColour) < 0.08, "missile marker drawn solid: " + atMissile);
        assertTrue(distance(atDrones, dronesColour) > 0.25, "drones marker faded: " + atDrones);
    }

    @Test
    void arrowKeysMoveTheSelectionInTimeOrder(FxRobot robot) {
        robot.clickOn("#detailsPane");
        robot.type(KeyCode.RIGHT);
        assertEquals(0, state.getSelectedIndex());
        assertEquals("2014-2017-isis-anbar", state.selectedIncidentProperty().get().id());
        robot.type(KeyCode.RIGHT);
        assertEquals("2020-01-soleimani-strike", state.selectedIncidentProperty().get().id());
        robot.type(KeyCode.RIGHT);
        assertEquals(MISSILES, state.selectedIncidentProperty().get().id());
        assertEquals(state.selectedIncidentProperty().get().title(), detailsTitle(robot));
        robot.type(KeyCode.LEFT);
        assertEquals("2020-01-soleimani-strike", state.selectedIncidentProperty().get().id());
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.RIGHT);
        }
        assertEquals(ROCKET, state.selectedIncidentProperty().get().id(), "the rocket came before the drones");
        robot.type(KeyCode.RIGHT);
        assertEquals(DRONES, state.selectedIncidentProperty().get().id());
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
