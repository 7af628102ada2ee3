package org.incidentatlas.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line.
 *
 * @param mode       what to do
 * @param file       the events file, or {@code null} for the default
 * @param screenshot where to write the screenshot (screenshot mode only)
 */
record CommandLine(Mode mode, Path file, Path screenshot) {
    enum Mode { WINDOW, VALIDATE, SCREENSHOT, HELP }

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: incident-atlas [FILE]",
            "       incident-atlas --validate FILE",
            "       incident-atlas --screenshot OUT.png [FILE]",
            "  FILE                      an events file (default: data/events.json)",
            "  --validate FILE           print the validation report and exit: 0 valid, 1 items rejected, 2 unreadable",
            "  --screenshot OUT.png      render the main window at 1400x900 to OUT.png and exit (no display needed)",
            "  -h, --help                show this help");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for people when they are wrong. */
    static CommandLine parse(String[] args) {
        List<String> a = List.of(args);
        if (a.isEmpty()) {
            return new CommandLine(Mode.WINDOW, null, null);
        }
        switch (a.get(0)) {
            case "-h", "--help" -> {
                return new CommandLine(Mode.HELP, null, null);
            }
            case "--validate" -> {
                if (a.size() != 2) {
                    throw new IllegalArgumentException("--validate takes exactly one FILE");
                }
                return new CommandLine(Mode.VALIDATE, Path.of(a.get(1)), null);
            }
            case "--screenshot" -> {
                if (a.size() < 2 || a.size() > 3) {
                    throw new IllegalArgumentException("--screenshot takes OUT.png and an optional FILE");
                }
                return new CommandLine(Mode.SCREENSHOT, a.size() == 3 ? Path.of(a.get(2)) : null, Path.of(a.get(1)));
            }
            default -> {
                if (a.get(0).startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + a.get(0));
                }
                if (a.size() > 1) {
                    throw new IllegalArgumentException("one FILE at most");
                }
                return new CommandLine(Mode.WINDOW, Path.of(a.get(0)), null);
            }
        }
    }

    Path fileOrDefault() {
        return file != null ? file : Main.defaultFile();
    }
}
