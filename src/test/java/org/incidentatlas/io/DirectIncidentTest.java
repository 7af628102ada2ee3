package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.incidentatlas.bench.EventFileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a file (incidents read straight from the tokens, a big file split between two threads) says exactly what
 * reading the same bytes as a stream says (every incident through {@link Node}s and the one set of checks): the
 * same catalog, the same problems at the same JSON paths and line:column, the same refusal of a broken file. The
 * files are generated and then broken in the ways a direct reader must hand back to the checks.
 */
class DirectIncidentTest {
    @TempDir
    Path dir;

    private static byte[] generated(int n, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventFileGenerator.write(n, seed, out);
        return out.toByteArray();
    }

    /** What the checked path makes of {@code bytes}: a result, or the problem it refused the file with. */
    private static Object viaNodes(byte[] bytes) {
        try {
            return new EventFileReader(false).read("t.json", new ByteArrayInputStream(bytes));
        } catch (EventFileException e) {
            return e.problem();
        }
    }

    private Object viaFile(byte[] bytes, EventFileReader reader) throws Exception {
        Path f = dir.resolve("t.json");
        Files.write(f, bytes);
        try {
            return reader.read(f);
        } catch (EventFileException e) {
            Problem p = e.problem();
            // the file's name instead of the stream's; otherwise the same
            return new Problem(p.severity(), p.path(), p.line(), p.column(), p.message());
        }
    }

    private static EventFileReader splitting() {
        EventFileReader r = new EventFileReader(true);
        r.splitFrom = 0;
        return r;
    }

    private static void assertSameOutcome(Object expected, Object actual) {
        if (expected instanceof LoadResult a && actual instanceof LoadResult b) {
            assertEquals(a.problems(), b.problems());
            assertEquals(a.rejected(), b.rejected());
            assertEquals(a.catalog().title(), b.catalog().title());
            assertEquals(a.catalog().incidents(), b.catalog().incidents());
            assertEquals(a.catalog().categories(), b.catalog().categories());
            assertEquals(a.catalog().narratives(), b.catalog().narratives());
        } else {
            assertEquals(expected, actual);
        }
    }

    @Test
    void theSeedReadsTheSameAsAFileAndAsAStream() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("data", "events.json"));
        assertSameOutcome(viaNodes(seed), viaFile(seed, new EventFileReader(false)));
        EventFileReader split = splitting();
        assertSameOutcome(viaNodes(seed), viaFile(seed, split));
        assertEquals(1, split.splitsJoined.get(), "narratives after the events came from the second half");
    }

    @Test
    void aGeneratedFileSplitBetweenTwoThreadsReadsAsOne() throws Exception {
        byte[] good = generated(4000, 11);
        EventFileReader reader = splitting();
        Object result = viaFile(good, reader);
        assertSameOutcome(viaNodes(good), result);
        assertEquals(1, reader.splitsJoined.get(), "the second half was read by the second thread");
        assertEquals(4000, ((LoadResult) result).catalog().size());
        assertTrue(reader.textsInPlace.get() > 10 * 4000, "most texts are kept from the bytes, undecoded: "
                + reader.textsInPlace.get());
        // minified: the second half's first incident starts on the same line as the comma before it
        byte[] oneLine = new String(good, StandardCharsets.UTF_8).replace("\n", "").getBytes(StandardCharsets.UTF_8);
        EventFileReader again = splitting();
        assertSameOutcome(viaNodes(oneLine), viaFile(oneLine, again));
        assertEquals(1, again.splitsJoined.get());
    }

    @Test
    void textsKeptFromTheBytesReadAsDecodedOnes() throws Exception {
        // texts of every length around the parser's 8000-byte buffer, so some start or end at its edge, with the
        // characters a text kept in place must leave to the decoder: escapes, DEL, non-ASCII, spaces at the ends
        String[] odd = {"", " ", "  padded  ", "tab\\tescaped", "quote \\\" inside", "del \u007f", "caf\u00e9",
            "\u0628\u063a\u062f\u0627\u062f", "slash \\\\ end", "\\u0041 escaped A", "trailing ", " leading"};
        StringBuilder json = new StringBuilder("{\"format\":\"incident-atlas/1\",\"categories\":[{\"id\":\"c\","
                + "\"label\":\"C\"}],\"events\":[");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 600; i++) {
            String pad = "x".repeat(r.nextInt(120));
            String text = odd[r.nextInt(odd.length)];
            json.append(i == 0 ? "" : ",").append("{\"id\":\"e").append(i).append("\",\"title\":\"")
                    .append(r.nextBoolean() ? pad + text : text + pad).append(" t\",\"category\":\"c\",")
                    .append("\"summary\":\"").append(r.nextBoolean() ? text : pad).append("\",")
                    .append("\"tags\":[\"").append(text).append("\",\"").append(pad).append("\"]}");
        }
        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        for (EventFileReader reader : List.of(new EventFileReader(false), splitting())) {
            Object read = viaFile(bytes, reader);
            assertSameOutcome(viaNodes(bytes), read);
            assertTrue(read instanceof LoadResult lr && lr.catalog().size() > 500, "the file is read: " + read);
            assertTrue(reader.textsInPlace.get() > 600, "plain texts were kept in place");
        }
    }

    @Test
    void placesNamedByIdAreFoundByTheirExactText() throws Exception {
        // the fast path looks place ids up by their bytes: a padded, escaped, unknown or empty id must read as the
        // checked path reads it (found only when written exactly; escapes decoded)
        String[] refs = {"p1", "p2", " p1", "p1 ", "p\\u0031", "P1", "", "p3", "p2"};
        StringBuilder json = new StringBuilder("{\"format\":\"incident-atlas/1\",\"categories\":[{\"id\":\"c\","
                + "\"label\":\"C\"}],\"places\":[{\"id\":\"p1\",\"name\":\"One\",\"lat\":33.3,\"lon\":44.4},"
                + "{\"id\":\"p2\",\"name\":\"Two\",\"lat\":33.8,\"lon\":42.4}],\"events\":[");
        for (int i = 0; i < 90; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"e").append(i).append("\",\"title\":\"T\",")
                    .append("\"category\":\"c\",\"where\":\"").append(refs[i % refs.length]).append("\"}");
        }
        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        for (EventFileReader reader : List.of(new EventFileReader(false), splitting())) {
            Object read = viaFile(bytes, reader);
            assertSameOutcome(viaNodes(bytes), read);
            assertTrue(read instanceof LoadResult lr && lr.catalog().size() > 30, "the file is read: " + read);
        }
    }

    /** Edits that each make an incident something the direct reader must not accept by itself. */
    private static final String[][] BREAKS = {
        {"\"lat\":", "\"lat\":95,\"x\":"},                       // out of range, and an unknown field
        {"\"title\":\"", "\"title\":\"\\u0007"},                 // a control character, cleaned with a warning
        {"\"when\":\"", "\"when\":\"2021-02-30"},                // a date that does not parse
        {"\"url\":\"https://", "\"url\":\"ftp://"},              // a link that never opens
        {"\"tags\":[", "\"tags\":[5,"},                           // not a string
        {"\"category\":\"", "\"category\":\"nope-"},             // an unknown category
        {"\"sources\":[", "\"sources\":[1,"},                     // a source that is not an object
        {"{\"id\":", "{\"extra\":{\"a\":[1,{\"b\":null}]},\"id\":"}, // an unknown field holding a tree
        {"\"summary\":\"", "\"summary\":\"   \",\"related\":[\"ev-1\",\"nowhere\"],\"s2\":\""}, // related ids
        {"\"precision\":\"", "\"precision\":\"galaxy-"},         // an unknown precision
        {"\"outcome\":{", "\"outcome\":{\"damage\":7,"},         // a damage that is not text
        {"\"title\":\"", "\"title\":\"\\u202e"},                 // a bidirectional override
        {"\"when\":", "\"when\":null,\"when2\":"},                // when is null, and an unknown field
    };

    @Test
    void brokenIncidentsGetTheSameProblemsInBothHalves() throws Exception {
        byte[] good = generated(3000, 5);
        String text = new String(good, StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(21);
        StringBuilder broken = new StringBuilder(text);
        for (int k = 0; k < 120; k++) {
            String[] edit = BREAKS[k % BREAKS.length];
            int at = broken.indexOf(edit[0], r.nextInt(broken.length() - 10));
            if (at > 0) {
                broken.replace(at, at + edit[0].length(), edit[1]);
            }
        }
        byte[] bad = broken.toString().getBytes(StandardCharsets.UTF_8);
        Object expected = viaNodes(bad);
        EventFileReader reader = splitting();
        Object actual = viaFile(bad, reader);
        assertTrue(expected instanceof LoadResult l && l.rejected() > 20, () -> "the edits broke incidents: " + expected);
        assertTrue(((LoadResult) expected).problems().stream().anyMatch(p -> p.message().contains("nowhere")));
        assertSameOutcome(expected, actual);
        assertEquals(1, reader.splitsJoined.get());
    }

    @Test
    void randomEditsNeverMakeTheTwoPathsDisagree() throws Exception {
        byte[] good = generated(400, 8);
        String text = new String(good, StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(77);
        List<String> fatal = new ArrayList<>();
        for (int round = 0; round < 150; round++) {
            StringBuilder b = new StringBuilder(text);
            int edits = 1 + r.nextInt(6);
            for (int k = 0; k < edits; k++) {
                int kind = r.nextInt(BREAKS.length + 4);
                int at = r.nextInt(b.length() - 10);
                if (kind < BREAKS.length) {
                    int found = b.indexOf(BREAKS[kind][0], at);
                    if (found > 0) {
                        b.replace(found, found + BREAKS[kind][0].length(), BREAKS[kind][1]);
                    }
                } else if (kind == BREAKS.length) { // an id used twice, maybe once in each half
                    int found = b.indexOf("\"id\":\"ev-", at);
                    if (found > 0) {
                        int end = b.indexOf("\"", found + 6);
                        b.replace(found + 6, end, "ev-" + r.nextInt(400));
                    }
                } else if (kind == BREAKS.length + 1) { // a field written twice: the file is refused
                    int found = b.indexOf("\"summary\":", at);
                    if (found > 0) {
                        b.insert(found, "\"summary\":\"x\",");
                    }
                } else if (kind == BREAKS.length + 2) { // broken JSON
                    int found = b.indexOf("\":\"", at);
                    if (found > 0) {
                        b.replace(found, found + 3, "\"::\"");
                    }
                } else { // a byte-order mark, or indentation that moves columns
                    if (r.nextBoolean()) {
                        b.insert(0, '\uFEFF');
                    } else {
                        int found = b.indexOf("\n{\"id\"", at);
                        if (found > 0) {
                            b.insert(found + 1, "    ");
                        }
                    }
                }
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            Object expected = viaNodes(bytes);
            if (expected instanceof Problem p) {
                fatal.add(p.message());
            }
            int seed = round;
            try {
                assertSameOutcome(expected, viaFile(bytes, splitting()));
                assertSameOutcome(expected, viaFile(bytes, new EventFileReader(false)));
            } catch (AssertionError e) {
                Files.write(dir.resolve("failing-" + seed + ".json"), bytes);
                throw new AssertionError("round " + seed + ": " + e.getMessage(), e);
            }
        }
        assertTrue(fatal.size() > 10 && fatal.size() < 140, "both refused and loaded files were tried: " + fatal.size());
    }

    @Test
    void aSplitReadReportsItsProgressOnceAndStopsWhenCancelled() throws Exception {
        byte[] good = generated(3000, 2);
        Path f = dir.resolve("p.json");
        Files.write(f, good);
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean backwards = new java.util.concurrent.atomic.AtomicBoolean();
        EventFileReader reader = splitting();
        LoadResult r = reader.read(f, bytes -> {
            if (bytes < last.getAndSet(bytes)) {
                backwards.set(true);
            }
        }, () -> false);
        assertEquals(3000, r.catalog().size());
        assertEquals(1, reader.splitsJoined.get());
        assertTrue(last.get() > good.length * 0.9 && last.get() <= good.length + 64,
                () -> "both halves' bytes count once: " + last.get() + " of " + good.length);
        assertTrue(!backwards.get(), "progress never goes back");

        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        EventFileException e = org.junit.jupiter.api.Assertions.assertThrows(EventFileException.class,
                () -> splitting().read(f, bytes -> cancel.set(bytes > good.length / 4), cancel::get));
        assertTrue(e.getCause() instanceof ProgressInputStream.Cancelled, () -> String.valueOf(e.getCause()));
    }

    @Test
    void aDateWithMonthOrDayZeroIsNotTakenForAnEarlierDate() throws Exception {
        // "2021-00" once found the parsed "2021" by its number (20210000) and loaded as the year 2021
        String json = """
                {"format":"incident-atlas/1","categories":[{"id":"c","label":"C"}],"places":[],"events":[
                {"id":"a","title":"T","category":"c","when":"2021"},
                {"id":"b","title":"T","category":"c","when":"2021-00"},
                {"id":"c","title":"T","category":"c","when":"2021-05"},
                {"id":"d","title":"T","category":"c","when":"2021-05-00"}]}
                """;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Object expected = viaNodes(bytes);
        LoadResult r = (LoadResult) expected;
        assertEquals(2, r.rejected(), r.problems()::toString);
        assertTrue(r.problems().get(0).message().contains("month"), r.problems()::toString);
        assertSameOutcome(expected, viaFile(bytes, new EventFileReader(false)));
        assertSameOutcome(expected, viaFile(bytes, splitting()));
    }

    @Test
    void anUnusedSecondHalfLeavesTheProgressAtTheFileSize() throws Exception {
        String text = new String(generated(3000, 6), StandardCharsets.UTF_8);
        // the last incident takes the first one's id: the halves cannot join, the first thread reads on alone
        String lastId = "\"id\":\"ev-2999\"";
        int last = text.lastIndexOf(lastId);
        byte[] bytes = (text.substring(0, last) + "\"id\":\"ev-0\"" + text.substring(last + lastId.length()))
                .getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("d.json");
        Files.write(f, bytes);
        java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
        EventFileReader reader = splitting();
        LoadResult r = reader.read(f, b -> most.accumulateAndGet(b, Math::max), null);
        assertEquals(0, reader.splitsJoined.get(), "the duplicate id refused the join");
        assertSameOutcome(viaNodes(bytes), r);
        assertTrue(most.get() <= bytes.length, () -> most.get() + " bytes told for a file of " + bytes.length);
        assertTrue(most.get() > bytes.length * 0.9, () -> most.get() + " of " + bytes.length);
    }

    @Test
    void aBigFileReadsTheSameBothWays() throws Exception {
        // 60,000 incidents: the catalog takes the values the reader kept, sorts packed keys on two threads and
        // builds its id table on a third; all of it must give what a stream read gives
        byte[] big = generated(60_000, 13);
        EventFileReader reader = new EventFileReader(true);
        assertSameOutcome(viaNodes(big), viaFile(big, reader));
        assertEquals(1, reader.splitsJoined.get());
    }
}
