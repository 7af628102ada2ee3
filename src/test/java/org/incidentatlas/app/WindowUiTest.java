package org.incidentatlas.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the seed file, as each UI test starts it: same-thread executors so loading is
 * deterministic, in-memory settings, a throw-away tile cache. Subclasses may open another file.
 * TestFX finds {@code @Start} only on the test class itself, so each subclass declares a one-line one.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowUiTest {
    protected ExplorerState state;
    protected MainWindow window;

    /** The events file the window opens. */
    protected Path eventsFile() throws Exception {
        return Path.of("data", "events.json");
    }

    /** Settings the window starts with. */
    protected Settings settings() {
        return Settings.inMemory();
    }

    protected MainWindow createWindow(ExplorerState s) {
        return new MainWindow(s, TestMaps.options(), settings());
    }

    /** The state the window shows: same-thread executors unless a test needs the app's threads. */
    protected ExplorerState createState() {
        return new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
    }

    /** Builds and shows the window; each test class calls it from its own {@code @Start} (TestFX only looks there). */
    protected void open(Stage stage) throws Exception {
        state = createState();
        window = createWindow(state);
        stage.setScene(window.createScene());
        stage.show();
        state.open(eventsFile());
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    protected static <T> T fx(Callable<T> c) {
        AtomicReference<T> ref = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            try {
                ref.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return ref.get();
    }

    protected int idx(String id) {
        return state.getCatalog().indexOf(id);
    }
}
