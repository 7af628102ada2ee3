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

    static int run(Path file, PrintStream out) {
        LoadResult r;
        try {
            r = new EventFileReader().read(file);
        } catch (EventFileException e) {
            out.println(file + ": cannot be read");
            out.println("  " + SafeText.forTerminal(e.problem().toString()));
            return UNREADABLE;
        }
        long errors = r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = r.problems().size() - errors;
        out.printf("%s: %d incidents loaded (%d dated, %d undated), %d rejected, %d errors, %d warnings%n",
                file, r.catalog().size(), r.catalog().datedCount(), r.catalog().size() - r.catalog().datedCount(),
                r.rejected(), errors, warnings);
        for (Problem p : r.problems()) {
            // escape control and bidi characters: a file must not be able to drive the terminal
            out.println("  " + SafeText.forTerminal(file.getFileName() + ":" + p));
        }
        out.println(r.isValid() ? "valid" : "invalid");
        return r.isValid() ? VALID : REJECTED;
    }
}
