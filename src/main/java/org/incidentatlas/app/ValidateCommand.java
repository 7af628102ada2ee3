package org.incidentatlas.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.io.Problem;
import org.incidentatlas.io.SafeText;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.Formats;
import org.incidentatlas.io.formats.ImportOptions;
import org.incidentatlas.io.formats.Imported;

/**
 * {@code validate FILE} (and {@code --validate FILE}): reads the file in any supported format, prints counts and
 * every problem with the same words the app shows, and returns the exit code. Everything printed that comes from
 * the file or its name has control and bidi characters escaped, and no stack trace is ever printed: a reader bug
 * is reported as one line and exit 2.
 */
final class ValidateCommand {
    static final int VALID = 0;
    static final int REJECTED = 1;
    static final int UNREADABLE = 2;

    private ValidateCommand() {
    }

    /** Reads an events file (tests give a reader that fails in odd ways). */
    interface Reader {
        LoadResult read(Path file) throws EventFileException;
    }

    private interface AnyReader {
        Imported read(Path file) throws EventFileException;
    }

    static int run(Path file, PrintStream out) {
        return run(file, ImportOptions.DEFAULTS, out);
    }

    static int run(Path file, ImportOptions options, PrintStream out) {
        return run(file, out, (AnyReader) f -> Formats.read(f, options));
    }

    /** Validates {@code file} as an events file read by {@code reader}. */
    static int run(Path file, PrintStream out, Reader reader) {
        return run(file, out, (AnyReader) f -> new Imported(reader.read(f), Format.NATIVE, List.of()));
    }

    private static int run(Path file, PrintStream out, AnyReader reader) {
        Imported imported = read(file, out, reader);
        if (imported == null) {
            return UNREADABLE;
        }
        report(file, imported, out);
        out.println(imported.result().isValid() ? "valid" : "invalid");
        return imported.result().isValid() ? VALID : REJECTED;
    }

    /** Reads {@code file}, or prints why it cannot be read and returns {@code null}. */
    static Imported read(Path file, ImportOptions options, PrintStream out) {
        return read(file, out, f -> Formats.read(f, options));
    }

    private static Imported read(Path file, PrintStream out, AnyReader reader) {
        String name = SafeText.forTerminal(file.toString());
        try {
            return reader.read(file);
        } catch (EventFileException e) {
            out.println(name + ": cannot be read");
            out.println("  " + SafeText.forTerminal(e.problem().toString()));
            return null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            out.println(name + ": cannot be read");
            out.println("  ?:? $: error: internal error while reading (" + e.getClass().getSimpleName() + ": "
                    + SafeText.forTerminal(String.valueOf(e.getMessage())) + "); please report this file");
            return null;
        }
    }

    /** The counts line and one line per problem, e.g. {@code events.json:12:17 $.events[3].when: error: ...}. */
    static void report(Path file, Imported imported, PrintStream out) {
        LoadResult r = imported.result();
        long errors = r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = r.problems().size() - errors;
        out.printf("%s: %d incidents loaded (%d dated, %d undated), %d rejected, %d errors, %d warnings%s%s%n",
                SafeText.forTerminal(file.toString()), r.catalog().size(), r.catalog().datedCount(),
                r.catalog().size() - r.catalog().datedCount(), r.rejected(), errors, warnings,
                imported.eras().isEmpty() ? "" : ", " + imported.eras().size() + " eras",
                imported.format() == Format.NATIVE ? "" : " (read as " + imported.format().label() + ")");
        for (Problem p : r.problems()) {
            // escape control and bidi characters: a file must not be able to drive the terminal
            out.println("  " + SafeText.forTerminal(file.getFileName() + ":" + p));
        }
    }
}
