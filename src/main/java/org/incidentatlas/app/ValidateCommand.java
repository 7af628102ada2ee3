package org.incidentatlas.app;

import java.io.PrintStream;
import java.nio.file.Path;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.Problem;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.Formats;
import org.incidentatlas.io.formats.ImportOptions;
import org.incidentatlas.io.formats.Imported;

/**
 * {@code validate FILE} (and {@code --validate FILE}): reads the file in any supported format, prints counts and
 * every problem with the same words the app shows, and returns the exit code.
 */
final class ValidateCommand {
    static final int VALID = 0;
    static final int REJECTED = 1;
    static final int UNREADABLE = 2;

    private ValidateCommand() {
    }

    static int run(Path file, PrintStream out) {
        return run(file, ImportOptions.DEFAULTS, out);
    }

    static int run(Path file, ImportOptions options, PrintStream out) {
        Imported imported = read(file, options, out);
        if (imported == null) {
            return UNREADABLE;
        }
        report(file, imported, out);
        out.println(imported.result().isValid() ? "valid" : "invalid");
        return imported.result().isValid() ? VALID : REJECTED;
    }

    /** Reads {@code file}, or prints why it cannot be read and returns {@code null}. */
    static Imported read(Path file, ImportOptions options, PrintStream out) {
        try {
            return Formats.read(file, options);
        } catch (EventFileException e) {
            out.println(file + ": cannot be read");
            out.println("  " + e.problem());
            return null;
        }
    }

    /** The counts line and one line per problem, e.g. {@code events.json:12:17 $.events[3].when: error: ...}. */
    static void report(Path file, Imported imported, PrintStream out) {
        var r = imported.result();
        long errors = r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = r.problems().size() - errors;
        out.printf("%s: %d incidents loaded (%d dated, %d undated), %d rejected, %d errors, %d warnings%s%s%n",
                file, r.catalog().size(), r.catalog().datedCount(), r.catalog().size() - r.catalog().datedCount(),
                r.rejected(), errors, warnings,
                imported.eras().isEmpty() ? "" : ", " + imported.eras().size() + " eras",
                imported.format() == Format.NATIVE ? "" : " (read as " + imported.format().label() + ")");
        for (Problem p : r.problems()) {
            out.println("  " + file.getFileName() + ":" + p);
        }
    }
}
