package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --validate prints no terminal control codes and no stack trace, whatever the file, its name, or the reader. */
class HostileValidateTest {
    private static String run(Path file, ValidateCommand.Reader reader, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = reader == null ? ValidateCommand.run(file, new PrintStream(out, true, StandardCharsets.UTF_8))
                : ValidateCommand.run(file, new PrintStream(out, true, StandardCharsets.UTF_8), reader);
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, report);
        assertTrue(report.chars().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || c == 0x202e), report);
        assertFalse(report.contains("\tat ") || report.contains("\n\tat") || report.contains("Caused by"), report);
        assertTrue(report.lines().count() <= 3 || report.contains("incidents loaded"), report);
        return report;
    }

    @Test
    void aFileNameWithEscapeCodesIsPrintedEscaped(@TempDir Path dir) throws Exception {
        Path evil = Files.copy(Path.of("data", "events.json"), dir.resolve("evil\u001b]0;owned\u0007\u202Enosj.json"));
        assertTrue(run(evil, null, 0).contains("evil\\u001b]0;owned\\u0007\\u202enosj.json"));
    }

    @Test
    void aReaderBugIsOneLineAndExit2NotAStackTrace(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("e.json"), "{}");
        String report = run(f, file -> {
            throw new IllegalStateException("boom \u001b[2J");
        }, 2);
        assertTrue(report.contains("internal error while reading (IllegalStateException: boom \\u001b[2J)"), report);
        report = run(f, file -> {
            throw new StackOverflowError();
        }, 2);
        assertTrue(report.contains("internal error while reading (StackOverflowError"), report);
    }
}
