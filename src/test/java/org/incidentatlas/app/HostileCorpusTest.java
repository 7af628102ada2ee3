package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.TimeWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the hostile corpus ({@code src/test/resources/hostile/EXPECTED.tsv}) through the reader and
 * {@code --validate}, and into a running {@link ExplorerState} that holds the seed data. These test behaviour only
 * (accepted or rejected, exit code, where the message points, bounded time, good data kept), not the reader's
 * internals, so they hold for any reader behind {@link EventFileReader}.
 */
class HostileCorpusTest {
    /** A hang guard, not a speed test: every case but the million takes well under a second here. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /**
     * The million-incident case takes 12–50 s per read with the tree reader on this shared 2-core machine; it is read
     * twice only (--validate, which is the reader plus its report, and File ▸ Open), under a wider guard.
     */
    private static final String MILLION = HostileCases.GENERATED + "million-incidents-half-broken.json";
    private static final Duration BIG_GUARD = Duration.ofSeconds(180);
    private static final Pattern LINE_COLUMN = Pattern.compile("(?m)^  [^\\n]*?:?([1-9][0-9]*):([1-9][0-9]*) \\$");
    private static final Path SEED = Path.of("data", "events.json");
    private static final String SEED_ID = "2021-06-al-asad-drones";

    private static Path tmp;

    @BeforeAll
    static void makeTempDir() throws IOException {
        tmp = Files.createTempDirectory("hostile");
    }

    @AfterAll
    static void removeTempDir() throws IOException {
        if (tmp == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static List<HostileCases.Case> cases() {
        return HostileCases.all();
    }

    @Test
    void theCorpusHasAtLeastSixtyDistinctCasesAndEveryCommittedFileIsListed() throws IOException {
        List<HostileCases.Case> all = cases();
        assertTrue(all.size() >= 60, "cases: " + all.size());
        assertEquals(all.size(), all.stream().map(HostileCases.Case::name).distinct().count(), "names repeat");
        try (Stream<Path> files = Files.list(HostileCases.DIR)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!n.equals("EXPECTED.tsv") && !n.equals("README.md")) {
                    assertTrue(all.stream().anyMatch(c -> c.name().equals(n)), n + " has no row in EXPECTED.tsv");
                }
            }
        }
        for (HostileCases.Case c : all) {
            if (!c.generated()) {
                assertTrue(Files.isRegularFile(HostileCases.DIR.resolve(c.name())), "missing file " + c.name());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readerAndValidateGiveTheExpectedOutcome(HostileCases.Case c) throws Exception {
        assumeFalse(c.name().equals(HostileCases.GENERATED + "no-permission.json") && isRoot(),
                "root may read any file: permission cannot be taken away here");
        Path file = fresh(c);
        if (!c.name().equals(MILLION)) {
            readerGivesTheExpectedOutcome(c, file);
        }
        if (HostileCases.REWRITTEN_WHILE_READ.contains(c.name())) {
            return; // --validate reads on its own: the rewrite cannot be slipped between its reads
        }
        validateGivesTheExpectedOutcome(c, file);
    }

    /** The reader loads, or throws EventFileException (never anything else), in bounded time. */
    private static void readerGivesTheExpectedOutcome(HostileCases.Case c, Path file) {
        Object outcome = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (InputStream in = HostileCases.REWRITTEN_WHILE_READ.contains(c.name())
                    ? HostileCases.rewrittenWhileRead(file, 4096, HostileCases.shortReplacement()) : null) {
                return in != null ? new EventFileReader().read(file.toString(), in) : new EventFileReader().read(file);
            } catch (EventFileException e) {
                return e;
            }
        }, () -> c.name() + " did not finish in " + HANG_GUARD);
        if (c.exit() == 2) {
            EventFileException e = assertInstanceOf(EventFileException.class, outcome, c);
            assertTrue(e.problem().message().contains(c.fragment()), () -> c.name() + ": " + e.problem());
            if (c.place().equals("line:col")) {
                assertTrue(e.problem().line() > 0 && e.problem().column() > 0,
                        () -> c.name() + ": the message must say where: " + e.problem());
            }
        } else {
            LoadResult r = assertInstanceOf(LoadResult.class, outcome, c);
            assertEquals(c.exit() == 0, r.isValid(), () -> c.name() + ": " + r.problems());
            if (c.exit() == 1) {
                assertFalse(r.problems().isEmpty());
                for (Problem p : r.problems()) {
                    assertTrue(p.line() > 0 && p.path().startsWith("$"), () -> c.name() + ": no place in " + p);
                }
            }
        }
    }

    /** --validate: the exit code, the message, no stack trace, nothing on stderr, no terminal control codes. */
    private static void validateGivesTheExpectedOutcome(HostileCases.Case c, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = assertTimeoutPreemptively(c.name().equals(MILLION) ? BIG_GUARD : HANG_GUARD,
                    () -> ValidateCommand.run(file, new PrintStream(out, true, StandardCharsets.UTF_8)));
        } finally {
            System.setErr(oldErr);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        String shown = report.length() > 2000 ? report.substring(0, 2000) + "…" : report;
        assertEquals(c.exit(), code, () -> c.name() + ":\n" + shown);
        assertTrue(report.contains(c.fragment()), () -> c.name() + ": expected \"" + c.fragment() + "\" in\n" + shown);
        assertFalse(report.contains("\tat ") || report.contains("Exception"), () -> "a stack trace:\n" + shown);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing on stderr");
        assertTrue(report.chars().noneMatch(ch -> (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')
                || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069)),
                () -> c.name() + ": control characters reach the terminal");
        if (c.place().equals("line:col")) {
            assertTrue(LINE_COLUMN.matcher(report).find(), () -> c.name() + ": no line:column $path in\n" + shown);
        } else if (c.place().equals("file")) {
            assertTrue(report.startsWith(file + ": cannot be read"), () -> c.name() + ": must name the file\n" + shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void openingOrReloadingACaseNeverLosesTheGoodDataOnScreen(HostileCases.Case c) throws Exception {
        assumeFalse(c.name().equals(HostileCases.GENERATED + "no-permission.json") && isRoot(),
                "root may read any file: permission cannot be taken away here");
        assertTimeoutPreemptively(c.name().equals(MILLION) ? BIG_GUARD : HANG_GUARD, () -> {
            // open: File ▸ Open on the case while the seed data is on screen
            ExplorerState state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
            state.open(SEED);
            IncidentCatalog good = state.getCatalog();
            assertTrue(state.selectById(SEED_ID));
            if (!HostileCases.REWRITTEN_WHILE_READ.contains(c.name())) {
                Path file = fresh(c);
                state.open(file);
                checkAfterLoad(c, state, good, SEED, file);
            }
            if (c.name().equals(MILLION)) {
                assertEquals(500_001, state.getCatalog().size());
                return; // one read of a million is enough here
            }

            // reload: the watched file is replaced by the case on disk (a link to it) and read again
            Path watched = Files.createTempDirectory(tmp, "watched").resolve("events.json");
            Files.copy(SEED, watched);
            AtomicBoolean rewriteArmed = new AtomicBoolean();
            Path original = fresh(c);
            Executor ui = r -> {
                // the first progress report comes after 64 KiB: the file is rewritten under the reader there
                if (rewriteArmed.getAndSet(false)) {
                    try {
                        Files.write(watched, HostileCases.shortReplacement());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                r.run();
            };
            ExplorerState watching = new ExplorerState(new EventFileReader(), Runnable::run, ui);
            watching.open(watched);
            IncidentCatalog before = watching.getCatalog();
            assertTrue(watching.selectById(SEED_ID));
            TimeWindow narrowed = new TimeWindow(java.time.Instant.parse("2021-06-01T00:00:00Z"),
                    java.time.Instant.parse("2021-06-30T00:00:00Z"));
            watching.windowProperty().set(narrowed);
            if (HostileCases.REWRITTEN_WHILE_READ.contains(c.name())) {
                Files.copy(original, watched, StandardCopyOption.REPLACE_EXISTING);
                rewriteArmed.set(true);
            } else {
                Files.delete(watched);
                Files.createSymbolicLink(watched, original.toAbsolutePath());
            }
            watching.reload();
            checkAfterLoad(c, watching, before, watched, watched);
            if (c.exit() == 2) {
                assertEquals(SEED_ID, watching.selectedIncidentProperty().get().id(), "the selection stays");
                assertEquals(narrowed, watching.windowProperty().get(), "the time window stays");
            }
        }, () -> c.name() + " did not finish in " + HANG_GUARD);
    }

    /** After a load of {@code c}: refused files leave everything as it was; loadable ones are shown. */
    private static void checkAfterLoad(HostileCases.Case c, ExplorerState state, IncidentCatalog before,
                                       Path fileBefore, Path file) {
        assertFalse(state.loadingProperty().get());
        if (c.exit() == 2) {
            assertSame(before, state.getCatalog(), () -> c.name() + ": the good data must stay on screen");
            assertEquals(fileBefore, state.fileProperty().get());
            assertTrue(state.statusProperty().get().contains("still showing the previous data"),
                    state.statusProperty().get());
            List<Problem> problems = state.problemsProperty().get();
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).message().contains(c.fragment()), () -> c.name() + ": " + problems);
        } else {
            assertEquals(file, state.fileProperty().get());
            assertNotNull(state.getCatalog());
            assertTrue(state.getCatalog().size() >= 0);
            assertEquals(c.exit() == 1, state.problemsProperty().get().stream()
                    .anyMatch(p -> p.severity() == Problem.Severity.ERROR), () -> c.name());
        }
    }

    /** The case's file; a rewritten-while-read file is made anew, since reading it rewrites it. */
    private static Path fresh(HostileCases.Case c) throws Exception {
        Path p = HostileCases.materialise(c, tmp);
        if (HostileCases.REWRITTEN_WHILE_READ.contains(c.name())) {
            Files.delete(p);
            p = HostileCases.materialise(c, tmp);
        }
        return p;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static <T> T assertInstanceOf(Class<T> type, Object o, HostileCases.Case c) {
        assertTrue(type.isInstance(o), () -> c.name() + ": expected " + type.getSimpleName() + " but got " + o
                + (o instanceof LoadResult r ? " " + r.problems() : ""));
        return type.cast(o);
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
