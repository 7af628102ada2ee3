package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.incidentatlas.bench.EventFileGenerator;
import org.incidentatlas.browse.FilterBar;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The region chips of a big file in their capped, scrolling pane, in a filter bar on its own: when the same
 * file is shown again, its new chips (without skins when the pane first measured them) must not shrink the
 * pane to a sliver, as a size bound to their preferred heights did (80 px to 8 px).
 */
@ExtendWith(ApplicationExtension.class)
class FilterBarRowsUiTest {
    private Path file;
    private ExplorerState state;
    private FilterBar bar;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempFile("atlas-chips", ".json");
        file.toFile().deleteOnExit();
        EventFileGenerator.write(60_000, 1, file);
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.show(new EventFileReader().read(file));
        bar = new FilterBar(state);
        Scene scene = new Scene(new VBox(bar), 1280, 800);
        scene.getStylesheets().add(IncidentAtlasApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theChipsKeepThreeToFourRowsWhenTheFileIsShownAgain(FxRobot robot) throws Exception {
        ScrollPane pane = robot.lookup("#regionScroll").queryAs(ScrollPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        double first = WindowUiTest.fx(pane::getPrefViewportHeight);
        assertTrue(first > 3 * 20 && first < 4 * 26 + 4, "three to four rows: " + first + " px");
        assertTrue(WindowUiTest.fx(() -> ((Pane) pane.getContent()).getHeight()) > 1.5 * first, "the rest scrolls");

        var again = new EventFileReader().read(file);
        WindowUiTest.fx(() -> {
            state.show(again);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double shown = WindowUiTest.fx(pane::getPrefViewportHeight);
        assertTrue(shown > 3 * 20 && shown < 4 * 26 + 4, "still three to four rows: " + shown + " px");
        double widest = WindowUiTest.fx(() -> ((Pane) pane.getContent()).getChildren().stream()
                .mapToDouble(c -> c.getLayoutBounds().getWidth()).max().orElse(0));
        assertTrue(WindowUiTest.fx(pane::getMinViewportWidth) >= widest - 0.5, "never narrower than a chip");
    }
}
