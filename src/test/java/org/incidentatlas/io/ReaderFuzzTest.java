package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.incidentatlas.model.Incident;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the events reader (Jazzer). The only allowed outcomes for any bytes are a
 * {@link LoadResult} whose problems all say where they are, or an {@link EventFileException}; any other
 * exception or error (a stack overflow, an out-of-memory, a hang past the timeout) is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs as a regression test over its seeds: the hostile corpus and the seed
 * file, copied to {@code ReaderFuzzTestInputs/readerAcceptsOrRefusesAnyBytes/} by the build, plus any crash
 * files committed under {@code src/test/resources/org/incidentatlas/io/ReaderFuzzTestInputs/}. A short fuzz run
 * is part of {@code mvn verify} (surefire execution {@code fuzz-reader}); docs/security.md says how to run longer.
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "20s")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readerAcceptsOrRefusesAnyBytes(byte[] data) {
        LoadResult r;
        try {
            r = new EventFileReader().read("fuzz.json", new ByteArrayInputStream(data));
        } catch (EventFileException e) {
            assertNotNull(e.problem());
            assertTrue(e.problem().path().startsWith("$"), e.problem().path());
            return;
        } catch (java.io.IOException e) {
            throw new AssertionError("only EventFileException may leave the reader", e);
        }
        for (Problem p : r.problems()) {
            assertTrue(p.path().startsWith("$"), p::toString);
            assertTrue(p.line() > 0 || p.path().equals("$"), () -> "no place: " + p);
        }
        int errors = (int) r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        assertTrue(r.rejected() <= errors, "every rejected incident has its error");
        for (int i = 0; i < r.catalog().size(); i++) {
            Incident inc = r.catalog().get(i);
            assertEquals(inc.title(), SafeText.clean(inc.title()), "text is neutralised");
            assertEquals(i, r.catalog().indexOf(inc.id()));
        }
        // the report a person sees must also come out whole and free of terminal control codes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        r.problems().forEach(p -> ps.println(SafeText.forTerminal(p.toString())));
        assertTrue(out.toString(StandardCharsets.UTF_8).chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'));
    }
}
