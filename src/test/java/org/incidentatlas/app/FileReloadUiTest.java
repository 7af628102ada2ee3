package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.Problem;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The open file changes on disk: the app follows it, and survives a broken version. */
class FileReloadUiTest extends WindowUiTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }
    private Path file;

    @Override
    protected Path eventsFile() throws Exception {
        file = Files.createTempDirectory("atlas-reload").resolve("events.json");
        Files.copy(Path.of("data", "events.json"), file);
        return file;
    }


    @Test
    void anEditOnDiskReloadsKeepingTheSelectionAndABrokenEditKeepsTheOldIncidents(FxRobot robot) throws Exception {
        robot.interact(() -> state.selectById("2021-06-al-asad-drones"));
        String text = Files.readString(file);
        Files.writeString(file, text.replace("Two drones shot down near Al-Asad Air Base",
                "Two drones shot down near Al-Asad Air Base (edited)"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> state.selectedIncidentProperty().get() != null
                && state.selectedIncidentProperty().get().title().endsWith("(edited)")));
        assertEquals("2021-06-al-asad-drones", fx(() -> state.selectedIncidentProperty().get().id()),
                "the selection survived the reload");

        Files.writeString(file, "{\n  \"format\": \"incident-atlas/1\",\n  \"events\": [ oops ]\n}\n");
        @SuppressWarnings("unchecked")
        ListView<Problem> problems = robot.lookup("#problemsList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !problems.getItems().isEmpty()));
        Problem p = fx(() -> problems.getItems().get(0));
        assertEquals(3, p.line(), p.toString());
        assertTrue(fx(() -> robot.lookup("#problemsPanel").query().isVisible()));
        assertEquals(7, fx(() -> state.getCatalog().size()), "the last good incidents stay on screen");
        assertTrue(fx(() -> state.statusProperty().get()).contains("still showing the previous data"));
    }
}
