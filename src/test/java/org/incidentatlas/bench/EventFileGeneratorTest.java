package org.incidentatlas.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.model.Incident;
import org.junit.jupiter.api.Test;

class EventFileGeneratorTest {
    private static byte[] generate(int n, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventFileGenerator.write(n, seed, out);
        return out.toByteArray();
    }

    @Test
    void generatedFilesAreValidAndComplete() throws Exception {
        LoadResult r = new EventFileReader().read("gen", new ByteArrayInputStream(generate(3000, 7)));
        assertEquals(3000, r.catalog().size());
        assertEquals(0, r.rejected());
        assertTrue(r.problems().isEmpty(), () -> r.problems().subList(0, Math.min(5, r.problems().size())).toString());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        assertArrayEquals(generate(500, 42), generate(500, 42));
        assertFalse(Arrays.equals(generate(500, 42), generate(500, 43)));
    }

    @Test
    void everyShapeOfDataIsThere() throws Exception {
        var c = new EventFileReader().read("gen", new ByteArrayInputStream(generate(3000, 11))).catalog();
        var whens = c.incidents().stream().filter(Incident::isDated).map(i -> i.when().literal()).toList();
        assertTrue(whens.stream().anyMatch(w -> w.matches("\\d{4}-\\d\\d-\\d\\d")), "days");
        assertTrue(whens.stream().anyMatch(w -> w.matches("\\d{4}-\\d\\d")), "months");
        assertTrue(whens.stream().anyMatch(w -> w.matches("\\d{4}")), "years");
        assertTrue(whens.stream().anyMatch(w -> w.endsWith("Z")), "times in UTC");
        assertTrue(whens.stream().anyMatch(w -> w.endsWith("+03:00")), "times with an offset");
        assertTrue(whens.stream().anyMatch(w -> w.endsWith("~")), "approximate");
        assertTrue(whens.stream().anyMatch(w -> w.endsWith("?")), "uncertain");
        assertTrue(whens.stream().anyMatch(w -> w.endsWith("%")), "both");
        assertTrue(whens.stream().anyMatch(w -> w.contains("/..")), "open end");
        assertTrue(whens.stream().anyMatch(w -> w.startsWith("../")), "open start");
        assertTrue(whens.stream().anyMatch(w -> w.matches("[^/]+/[^/.]+")), "closed intervals");
        assertTrue(c.datedCount() < c.size(), "some undated");
        assertTrue(c.incidents().stream().anyMatch(i -> !i.isLocated()), "some unlocated");
        assertTrue(c.incidents().stream().anyMatch(i -> i.isLocated() && "SY".equals(i.where().country())), "Syria");
        assertTrue(c.incidents().stream().anyMatch(i -> i.isLocated() && "IQ".equals(i.where().country())), "Iraq");
        assertEquals(4, c.incidents().stream().mapToInt(i -> i.sources().size()).max().orElse(0));
        assertEquals(1, c.incidents().stream().mapToInt(i -> i.sources().size()).min().orElse(0));
    }
}
