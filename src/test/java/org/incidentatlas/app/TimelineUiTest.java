package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.timeline.IncidentTimeline;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline as a person uses it: scrubbing, the wheel, how marks are drawn, playback keys. */
class TimelineUiTest extends WindowUiTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }
    private IncidentTimeline timeline;

    @org.junit.jupiter.api.BeforeEach
    void findTimeline() {
        timeline = window.timelinePanel().timeline();
    }


    private static Instant t(String iso) {
        return Instant.parse(iso + "T00:00:00Z");
    }

    @Test
    void scrubbingThePlayheadOverJune2021ShowsThenHidesTheDronesOnTheMap(FxRobot robot) {
        int drones = state.getCatalog().indexOf("2021-06-al-asad-drones");
        robot.interact(() -> {
            window.map().hideOutsideWindowProperty().set(true);
            timeline.showRange(t("2021-05-29"), t("2021-06-01"));
        });
        assertNull(fx(() -> window.map().markerPosition(drones)), "before: the 3-day window ends on 1 June");

        Point2D handle = fx(() -> timeline.localToScreen(timeline.overviewXOf(t("2021-06-01")), 4));
        robot.moveTo(handle).press(MouseButton.PRIMARY);
        robot.moveTo(fx(() -> timeline.localToScreen(timeline.overviewXOf(t("2021-06-08")), 4)));
        TimeWindow during = state.getWindow();
        assertTrue(state.isVisible(drones), "window " + during.start() + " – " + during.end() + " holds 6 June");
        assertNotNull(fx(() -> window.map().markerPosition(drones)), "the map follows while dragging");
        assertEquals(3 * 86_400_000L, during.endMillis() - during.startMillis(), "a sliding window keeps its width");

        robot.moveTo(fx(() -> timeline.localToScreen(timeline.overviewXOf(t("2021-06-25")), 4)));
        robot.release(MouseButton.PRIMARY);
        assertFalse(state.isVisible(drones));
        assertNull(fx(() -> window.map().markerPosition(drones)), "after: hidden again");
    }

    @Test
    void theWheelZoomsAroundThePointer(FxRobot robot) {
        robot.interact(() -> timeline.showRange(t("2020-01-01"), t("2021-01-01")));
        Instant anchor = t("2020-03-15");
        double x = fx(() -> timeline.xOf(anchor));
        double y = fx(() -> timeline.rulerY() + 60);
        long before = state.getWindow().endMillis() - state.getWindow().startMillis();
        robot.moveTo(fx(() -> timeline.localToScreen(x, y)));
        robot.scroll(javafx.geometry.VerticalDirection.UP);
        long after = state.getWindow().endMillis() - state.getWindow().startMillis();
        assertTrue(after != before, "the window zoomed: " + before + " → " + after);
        assertEquals(x, fx(() -> timeline.xOf(anchor)), 1.0, "the instant under the pointer stays under it");
    }

    @Test
    void aMonthPrecisionIncidentIsDrawnWiderThanADayPrecisionOne(FxRobot robot) {
        robot.interact(() -> timeline.showRange(t("2021-03-15"), t("2021-06-15")));
        Rectangle2D month = fx(() -> timeline.markBounds(state.getCatalog().indexOf("2021-04-joint-statement")));
        Rectangle2D day = fx(() -> timeline.markBounds(state.getCatalog().indexOf("2021-06-bdsc-rocket")));
        assertNotNull(month);
        assertNotNull(day);
        double pxPerDay = fx(() -> timeline.xOf(t("2021-04-02")) - timeline.xOf(t("2021-04-01")));
        assertEquals(30 * pxPerDay, month.getWidth(), 1.0, "April spans its 30 days");
        assertTrue(day.getWidth() < month.getWidth() / 10, day + " vs " + month);
        assertEquals(fx(() -> timeline.xOf(t("2021-04-01"))), month.getMinX(), 1.0);
    }

    @Test
    void spacePlaysAndStops(FxRobot robot) throws Exception {
        robot.interact(() -> timeline.showRange(t("2019-12-01"), t("2020-01-01")));
        Point2D empty = fx(() -> timeline.localToScreen(timeline.xOf(t("2019-12-10")), timeline.rulerY() + 150));
        robot.clickOn(empty);
        Instant start = state.getPlayhead();
        robot.type(KeyCode.SPACE);
        assertTrue(window.timelinePanel().playback().playingProperty().get());
        assertEquals("⏸", robot.lookup("#playButton").queryAs(Button.class).getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> state.getPlayhead().isAfter(start)));
        robot.type(KeyCode.SPACE);
        assertFalse(window.timelinePanel().playback().playingProperty().get());
        Instant stopped = state.getPlayhead();
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(stopped, state.getPlayhead(), "stays where it stopped");
    }
}
