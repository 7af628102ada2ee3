package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentatlas.map.AtlasMap;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.viewmodel.TimeWindow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Story mode as a presenter uses it: start the story, click Next, press Page Up, Esc. */
class StoryUiTest extends WindowUiTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private String progress(FxRobot robot) {
        return robot.lookup("#storyProgress").queryAs(Label.class).getText();
    }

    private void waitForFlight() throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !fx(() -> window.map().isFlying()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void storyModeNextMovesMapAndTimelineAndHighlightsTheStep(FxRobot robot) throws Exception {
        robot.clickOn("#storyStart");
        waitForFlight();
        assertEquals("Step 1 of 7", progress(robot));
        assertEquals(idx("2014-2017-isis-anbar"), state.getSelectedIndex());
        // Walk to the rocket at the BDSC (step 6), then Next: the drones at Al-Asad, hours later.
        for (int k = 1; k < 6; k++) {
            robot.clickOn("#storyNext");
        }
        waitForFlight();
        assertEquals("Step 6 of 7", progress(robot));
        int rocket = idx("2021-06-bdsc-rocket");
        assertEquals(rocket, state.getSelectedIndex());
        GeoLocation before = fx(() -> window.map().center());

        robot.clickOn("#storyNext");
        waitForFlight();
        int drones = idx("2021-06-al-asad-drones");
        assertEquals("Step 7 of 7", progress(robot));
        assertEquals(drones, state.getSelectedIndex());
        assertTrue(robot.lookup("#storyNote").queryAs(Label.class).getText().startsWith("Hours later"));
        // The map flew to Al-Asad (west of Baghdad, where the last step was).
        GeoLocation after = fx(() -> window.map().center());
        GeoLocation asad = state.getCatalog().get(drones).where();
        assertTrue(after.lon() < before.lon() - 1, "moved west: " + before.lon() + " → " + after.lon());
        assertEquals(asad.lat(), after.lat(), 0.05);
        assertEquals(asad.lon(), after.lon(), 0.05);
        // The timeline's window moved onto the drones, hours after the rocket, and both are in it.
        TimeWindow w = state.getWindow();
        var c = state.getCatalog();
        assertTrue(w.startMillis() <= c.earliestMillis(drones) && c.latestMillis(drones) <= w.endMillis(), w.toString());
        assertNotNull(fx(() -> window.timelinePanel().timeline().markBounds(drones)), "the drones' mark is shown");
        // Highlighted in both: the timeline's accent badge is step 7 (index 6), next to the drones' mark; the map
        // shows the step's badge at Al-Asad, and an arrow comes from step 6 in Baghdad.
        assertEquals(6, fx(() -> window.timelinePanel().timeline().highlightedStoryStep()));
        var badge = fx(() -> window.timelinePanel().timeline().storyBadgeBounds(6));
        var mark = fx(() -> window.timelinePanel().timeline().markBounds(drones));
        assertNotNull(badge);
        assertEquals(mark.getMinY() + mark.getHeight() / 2, badge.getMinY() + badge.getHeight() / 2, 3);
        java.util.List<AtlasMap.StoryMark> marks = fx(() -> window.map().storyMarks());
        AtlasMap.StoryMark now = marks.stream().filter(m -> m.step() == 7).findFirst().orElseThrow();
        AtlasMap.StoryMark from = marks.stream().filter(m -> m.step() == 6).findFirst().orElseThrow();
        assertEquals(drones, now.incident());
        double w2 = fx(() -> window.map().getWidth());
        double h2 = fx(() -> window.map().getHeight());
        assertEquals(w2 / 2, now.x(), 3, "the current step is in the middle of the map");
        assertEquals(h2 / 2, now.y(), 3);
        assertTrue(from.x() > now.x() && from.x() < w2 && from.y() > 0 && from.y() < h2,
                "the previous step (Baghdad, east) is on screen too, so the arrow between them is seen");
        assertTrue(robot.lookup("#storyNext").queryButton().isDisabled(), "no step after the last");
    }

    @Test
    void pageUpGoesBackAndEscapeEndsTheStory(FxRobot robot) {
        robot.clickOn("#storyStart");
        robot.clickOn("#storyNext");
        robot.clickOn("#storyNext");
        assertEquals("Step 3 of 7", progress(robot));
        robot.clickOn("#map");
        robot.type(KeyCode.PAGE_UP);
        assertEquals("Step 2 of 7", progress(robot));
        assertEquals(idx("2020-01-soleimani-strike"), state.getSelectedIndex());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals("Step 3 of 7", progress(robot));
        robot.type(KeyCode.ESCAPE);
        assertFalse(state.story().isActive());
        assertFalse(robot.lookup("#storyProgress").query().getParent().isVisible(), "the step controls are gone");
        assertEquals(idx("2020-01-al-asad-missiles"), state.getSelectedIndex(), "the selection stays");
        assertEquals(-1, fx(() -> window.timelinePanel().timeline().highlightedStoryStep()));
        assertTrue(fx(() -> window.map().storyMarks()).isEmpty(), "no arrows once the story ends");
    }
}
