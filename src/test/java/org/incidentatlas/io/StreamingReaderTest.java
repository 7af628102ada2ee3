package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.incidentatlas.bench.EventFileGenerator;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader's two ways of working give the same catalog and the same problems: reading and checking in
 * two threads or in one, and incidents that must wait for sections written after them.
 */
class StreamingReaderTest {
    private static byte[] generated(int n, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventFileGenerator.write(n, seed, out);
        return out.toByteArray();
    }

    private static LoadResult read(EventFileReader reader, byte[] bytes) throws EventFileException {
        return reader.read("t.json", new ByteArrayInputStream(bytes));
    }

    private static void assertSame(LoadResult a, LoadResult b) {
        assertEquals(a.catalog().incidents(), b.catalog().incidents());
        assertEquals(a.catalog().categories(), b.catalog().categories());
        assertEquals(a.catalog().narratives(), b.catalog().narratives());
        assertEquals(a.problems(), b.problems());
        assertEquals(a.rejected(), b.rejected());
    }

    @Test
    void twoThreadsAndOneGiveTheSameCatalogAndProblems() throws Exception {
        byte[] good = generated(5000, 3);
        assertSame(read(new EventFileReader(false), good), read(new EventFileReader(true), good));
        // and with broken incidents scattered through the file, across batch boundaries
        String text = new String(good, StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder broken = new StringBuilder(text);
        for (int k = 0; k < 40; k++) {
            int at = broken.indexOf("\"lat\":", r.nextInt(broken.length() - 10));
            if (at > 0) {
                broken.replace(at, at + 6, "\"lat\":95,\"x\":");
            }
        }
        byte[] bad = broken.toString().getBytes(StandardCharsets.UTF_8);
        LoadResult one = read(new EventFileReader(false), bad);
        LoadResult two = read(new EventFileReader(true), bad);
        assertTrue(one.rejected() > 0, "the edits broke some incidents");
        assertSame(one, two);
    }

    @Test
    void incidentsWaitForCategoriesAndPlacesWrittenAfterThem() throws Exception {
        byte[] usual = generated(3000, 5);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = (ObjectNode) mapper.readTree(usual);
        ObjectNode reordered = mapper.createObjectNode();
        reordered.set("events", doc.get("events")); // before the sections they name
        reordered.set("format", doc.get("format"));
        reordered.set("title", doc.get("title"));
        reordered.set("places", doc.get("places"));
        reordered.set("categories", doc.get("categories"));
        LoadResult a = read(new EventFileReader(), usual);
        LoadResult b = read(new EventFileReader(), mapper.writeValueAsBytes(reordered));
        assertEquals(3000, b.catalog().size());
        assertEquals(a.catalog().incidents(), b.catalog().incidents());
        assertTrue(b.problems().isEmpty(), () -> b.problems().toString());
    }
}
