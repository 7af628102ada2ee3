package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.incidentatlas.io.formats.Format;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A CSV whose date column has a name no importer guesses: the analyst maps it in File ▸ Import Options…, the
 * incidents get their dates, and the next CSV with the same columns opens mapped.
 */
class ImportOptionsUiTest extends WindowUiTest {
    private final Settings settings = Settings.inMemory();
    private Path csv;

    @Override
    protected Settings settings() {
        return settings;
    }

    @Override
    protected Path eventsFile() throws Exception {
        csv = Files.createTempDirectory("atlas-import").resolve("reports.csv");
        Files.copy(Path.of("src", "test", "resources", "formats", "generic.csv"), csv);
        return csv;
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void mappingTheDateColumnDatesTheIncidentsAndIsRememberedForTheSameColumns(FxRobot robot) throws Exception {
        assertEquals(Format.CSV, state.fileFormatProperty().get());
        int n = state.getCatalog().size();
        assertTrue(n > 0);
        assertEquals(0, state.getCatalog().datedCount(), "\"Reported on\" is not a name the importer guesses");
        assertTrue(state.statusProperty().get().contains("read as CSV"), state.statusProperty().get());

        robot.clickOn("File").clickOn("Import Options…");
        @SuppressWarnings("unchecked")
        ComboBox<String> when = robot.lookup("#column-WHEN").queryAs(ComboBox.class);
        robot.interact(() -> when.setValue("Reported on"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(state.getCatalog().datedCount() > 0, "dated once the column is mapped");
        assertEquals("Reported on", state.getFileOptions().csvMapping()
                .column(org.incidentatlas.io.formats.CsvMapping.Field.WHEN).orElseThrow());

        // Another file with the same columns opens with the remembered mapping.
        Path other = csv.resolveSibling("more-reports.csv");
        Files.copy(csv, other);
        robot.interact(() -> state.open(other));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(other, state.fileProperty().get());
        assertTrue(state.getCatalog().datedCount() > 0, "remembered for files with these columns");
    }

    @Test
    void importOptionsAreOfferedOnlyForFormatsWithChoices(FxRobot robot) {
        robot.clickOn("File");
        assertFalse(robot.lookup("Import Options…").tryQuery().isEmpty());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.interact(() -> state.open(Path.of("data", "events.json")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Format.NATIVE, state.fileFormatProperty().get());
        assertTrue(fx(() -> window.getScene().getRoot().lookupAll(".menu-bar").stream()
                .flatMap(mb -> ((javafx.scene.control.MenuBar) mb).getMenus().stream())
                .filter(m -> m.getText().equals("File")).flatMap(m -> m.getItems().stream())
                .filter(i -> "importOptionsMenu".equals(i.getId())).findFirst().orElseThrow().isDisable()));
    }
}
