package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentatlas.bench.EventFileGenerator;
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

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void theSearchAppliesAfterAPauseOrOnEnterAndClearStillClears(FxRobot robot) throws Exception {
        assertEquals(N, fx(() -> state.getCatalog().size()));
        TextField field = robot.lookup("#searchField").queryAs(TextField.class);
        robot.clickOn(field).write("drone");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> state.getFilters().text()).equals("drone"));
        int drones = fx(() -> state.includedCountProperty().get());
        assertTrue(drones > 0 && drones < N, "some incidents mention drones: " + drones);

        robot.write(" incident").type(KeyCode.ENTER);
        assertEquals("drone incident", fx(() -> state.getFilters().text()));
        assertTrue(fx(() -> state.includedCountProperty().get()) <= drones);

        robot.clickOn("#clearFilters");
        assertEquals("", fx(field::getText));
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
