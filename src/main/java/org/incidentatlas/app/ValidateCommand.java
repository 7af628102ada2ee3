package org.incidentatlas.app;

import java.io.PrintStream;
import java.nio.file.Path;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.io.Problem;
import org.incidentatlas.io.SafeText;

/** {@code --validate FILE}: reads the file, prints counts and every problem, and returns the exit code. */
final class ValidateCommand {
    static final int VALID = 0;
    static final int REJECTED = 1;
    static final int UNREADABLE = 2;

    private ValidateCommand() {
    }

    /** Reads an events file; {@link EventFileReader#read(Path)} in the app. */
    interface Reader {
        LoadResult read(Path file) throws EventFileException;
    }

    static int run(Path file, PrintStream out) {
        return run(file, out, f -> new EventFileReader().read(f));
    }

    /**
     * Validates {@code file} with {@code reader}. Everything printed that comes from the file or its name has
     * control and bidi characters escaped, and no stack trace is ever printed: a reader bug is reported as
     * one line and exit 2.
     */
    static int run(Path file, PrintStream out, Reader reader) {
        String name = SafeText.forTerminal(file.toString());
        LoadResult r;
        try {
            r = reader.read(file);
        } catch (EventFileException e) {
            out.println(name + ": cannot be read");
            out.println("  " + SafeText.forTerminal(e.problem().toString()));
            return UNREADABLE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            out.println(name + ": cannot be read");
            out.println("  ?:? $: error: internal error while reading (" + e.getClass().getSimpleName() + ": "
                    + SafeText.forTerminal(String.valueOf(e.getMessage())) + "); please report this file");
            return UNREADABLE;
        }
        long errors = r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = r.problems().size() - errors;
        out.printf("%s: %d incidents loaded (%d dated, %d undated), %d rejected, %d errors, %d warnings%n",
                name, r.catalog().size(), r.catalog().datedCount(), r.catalog().size() - r.catalog().datedCount(),
                r.rejected(), errors, warnings);
        for (Problem p : r.problems()) {
            // escape control and bidi characters: a file must not be able to drive the terminal
            out.println("  " + SafeText.forTerminal(file.getFileName() + ":" + p));
        }
        out.println(r.isValid() ? "valid" : "invalid");
        return r.isValid() ? VALID : REJECTED;
    }
}
