package org.incidentatlas.app;

import java.io.PrintStream;
import java.nio.file.Path;
import javafx.application.Application;

/**
 * Entry point. Not the {@link Application} subclass, so that a plain {@code java -jar} can start JavaFX from
 * the class path.
 *
 * <pre>
 * incident-atlas [FILE]                       open FILE (default: data/events.json) in a window
 * incident-atlas --validate FILE              print a validation report; exit 0 valid, 1 rejected items, 2 unreadable
 * incident-atlas --screenshot OUT.png [FILE]  render the main window at 1400×900 to OUT.png and exit (no display needed)
 * incident-atlas validate|convert|screenshot|frames ...   the subcommands of {@link Cli}
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("javafx.platform", "desktop"); // tells Gluon Attach; silences its INFO line
        String[] launchArgs = args;
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            Cli.Outcome outcome = Cli.run(args, System.out, System.err);
            if (outcome.launch() == null || outcome.exitCode() != Cli.OK) {
                System.exit(outcome.exitCode());
                return;
            }
            launchArgs = outcome.launch();
        }
        CommandLine cl;
        try {
            cl = CommandLine.parse(launchArgs);
        } catch (IllegalArgumentException e) {
            System.err.println("incident-atlas: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(Cli.USAGE);
            return;
        }
        switch (cl.mode()) {
            case HELP -> System.out.println(CommandLine.USAGE);
            case VALIDATE -> System.exit(ValidateCommand.run(cl.file(), System.out));
            case SCREENSHOT, FRAMES -> {
                useHeadlessPlatform();
                Application.launch(IncidentAtlasApp.class, launchArgs);
            }
            default -> Application.launch(IncidentAtlasApp.class, launchArgs);
        }
    }

    /** Monocle's headless glass platform with software rendering: works with or without a display. */
    static void useHeadlessPlatform() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1400x900-32");
    }

    static void printUsage(PrintStream out) {
        out.println(CommandLine.USAGE);
    }

    /** The default events file when none is given: {@code data/events.json} under the working directory. */
    static Path defaultFile() {
        return Path.of("data", "events.json");
    }
}
