package org.incidentatlas.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for {@code first_frame_ms} on the machine at hand: a JavaFX window with one label, started the same
 * way (headless, software), reporting its first laid-out pulse the same way. Run by the benchmark in its own
 * process.
 */
public final class HelloFx {
    private HelloFx() {
    }

    /** Not the {@link Application} itself, so that the class path (not the module path) can start it. */
    public static void main(String[] args) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1400x900-32");
        Application.launch(App.class, args);
    }

    /** The one-label window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("hello"), 1400, 900);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                System.out.println("first-frame-ms " + (System.currentTimeMillis() - Long.getLong("atlas.launchedAt")));
                Platform.runLater(Platform::exit);
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
