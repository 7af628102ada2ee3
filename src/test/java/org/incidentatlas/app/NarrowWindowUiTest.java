package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Made as narrow as it will go, the window still shows every part: the details pane, the end of the filter bar
 * and of the timeline's header. (At 800 px the content used to be laid out 1,264 px wide, past the window's edge.)
 */
class NarrowWindowUiTest extends WindowUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(stage);
        window.keepUsableWidth(stage, 800);
    }

    private void assertInside(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        Bounds b = fx(() -> n.localToScene(n.getLayoutBounds()));
        double w = fx(() -> n.getScene().getWidth());
        assertTrue(b.getMaxX() <= w + 0.5, () -> query + " ends at x=" + b.getMaxX() + " in a scene " + w + " wide");
    }

    @Test
    void theNarrowestWindowStillShowsEveryPart(FxRobot robot) {
        fx(() -> {
            stage.setWidth(800); // what a person dragging the edge would ask
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(stage::getWidth) > 800, "the window kept a usable width: " + fx(stage::getWidth));
        assertTrue(fx(stage::getMinWidth) <= 1400, "the usual window size is allowed: " + fx(stage::getMinWidth));
        for (String q : new String[] {"#detailsPane", "#incidentTable", "#filterBar", "#timelinePanel"}) {
            assertInside(robot, q);
        }
        for (Node b : robot.lookup(".button").queryAll()) { // every button of the bars, "Clear filters" included
            if (fx(b::isVisible) && fx(() -> b.getScene() != null && b.localToScene(0, 0).getY() < 200)) {
                Bounds bb = fx(() -> b.localToScene(b.getLayoutBounds()));
                assertTrue(bb.getMaxX() <= fx(() -> b.getScene().getWidth()) + 0.5, () -> b + " ends at " + bb.getMaxX());
            }
        }
    }
}
