package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {
    private final EventFileReader reader = new EventFileReader();

    static final String HEAD = "{\"format\":\"incident-atlas/1\",\n"
            + "\"categories\":[{\"id\":\"rocket\",\"label\":\"Rocket\"}],\n"
            + "\"places\":[{\"id\":\"asad\",\"name\":\"Al-Asad\",\"lat\":33.7856,\"lon\":42.4412}],\n";

    private LoadResult read(String json) throws EventFileException {
        return reader.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void seedFileLoadsEveryIncident() throws Exception {
        LoadResult r = reader.read(Path.of("data", "events.json"));
        assertTrue(r.isValid(), () -> "problems: " + r.problems());
        IncidentCatalog c = r.catalog();
        assertTrue(c.size() >= 7, "at least the seven incidents of the seed article");
        Incident drones = c.get(c.indexOf("2021-06-al-asad-drones"));
        assertEquals("Al Anbar", drones.where().admin1());
        assertEquals(TimePrecision.DAY, drones.when().precision());
        assertTrue(drones.when().approximate());
        Incident isis = c.get(c.indexOf("2014-2017-isis-anbar"));
        assertTrue(isis.when().interval());
        assertEquals(PlacePrecision.REGION, isis.where().precision());
        Incident undated = c.get(c.indexOf("undated-al-asad-direct-attack"));
        assertNull(undated.when());
        assertEquals(c.size() - 1, c.indexOf("undated-al-asad-direct-attack"), "undated incidents sort last");
        assertTrue(c.indexOf("2021-06-bdsc-rocket") < c.indexOf("2021-06-al-asad-drones"),
                "the rocket came hours before the drones: ties keep file order");
        assertTrue(c.incidents().stream().anyMatch(i -> i.where() != null && "Baghdad".equals(i.where().admin1())));
        assertTrue(c.incidents().stream().allMatch(i -> !i.sources().isEmpty()), "every incident is sourced");
    }

    @Test
    void goodIncidentsLoadAndBadOnesAreReportedWithPathAndLineColumn() throws Exception {
        String json = HEAD + "\"events\":[\n"
                + "{\"id\":\"ok\",\"title\":\"Fine\",\"when\":\"2021-06-06\",\"where\":\"asad\",\"category\":\"rocket\"},\n"
                + "{\"id\":\"badwhen\",\"title\":\"Bad\",\"when\":\"June 2021\",\"category\":\"rocket\"},\n"
                + "{\"id\":\"badcat\",\"title\":\"Bad\",\"category\":\"tank\"},\n"
                + "{\"id\":\"badlat\",\"title\":\"Bad\",\"category\":\"rocket\",\"where\":{\"name\":\"x\",\"lat\":91,\"lon\":0}},\n"
                + "{\"id\":\"ok\",\"title\":\"Duplicate\",\"category\":\"rocket\"},\n"
                + "{\"id\":\"badplace\",\"title\":\"Bad\",\"category\":\"rocket\",\"where\":\"nowhere\"}\n"
                + "]}";
        LoadResult r = read(json);
        assertEquals(1, r.catalog().size());
        assertEquals(5, r.rejected());
        assertFalse(r.isValid());
        List<Problem> p = r.problems();
        assertEquals(5, p.size(), p::toString);
        assertEquals("$.events[1].when", p.get(0).path());
        assertEquals(6, p.get(0).line());
        assertEquals(39, p.get(0).column(), "the first character of \"June 2021\"");
        assertTrue(p.get(0).message().contains("June 2021"));
        assertEquals("$.events[2].category", p.get(1).path());
        assertTrue(p.get(1).message().contains("unknown category \"tank\""));
        assertEquals("$.events[3].where.lat", p.get(2).path());
        assertTrue(p.get(2).message().contains("[-90, 90]"), p.get(2).message());
        assertEquals(8, p.get(2).line());
        assertTrue(p.get(3).message().contains("duplicate incident id \"ok\""));
        assertEquals("$.events[5].where", p.get(4).path());
        assertTrue(p.get(4).message().contains("unknown place \"nowhere\""));
    }

    @Test
    void missingRequiredFieldNamesIt() throws Exception {
        LoadResult r = read(HEAD + "\"events\":[{\"id\":\"x\",\"category\":\"rocket\"}]}");
        assertEquals(0, r.catalog().size());
        assertEquals("$.events[0]", r.problems().get(0).path());
        assertTrue(r.problems().get(0).message().contains("missing required field \"title\""));
        assertEquals(4, r.problems().get(0).line());
    }

    @Test
    void nonFiniteAndNonNumericCoordinatesAreRejected() throws Exception {
        LoadResult r = read(HEAD.replace("\"lat\":33.7856", "\"lat\":1e999") + "\"events\":["
                + "{\"id\":\"a\",\"title\":\"A\",\"category\":\"rocket\",\"where\":\"asad\"},"
                + "{\"id\":\"b\",\"title\":\"B\",\"category\":\"rocket\",\"where\":{\"name\":\"n\",\"lat\":\"33\",\"lon\":44}}]}");
        assertEquals(0, r.catalog().size());
        assertTrue(r.problems().get(0).message().contains("finite number"), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("must be a number")));
    }

    @Test
    void unknownFieldsAreIgnoredAndUndatedOrUnlocatedIncidentsAreKept() throws Exception {
        LoadResult r = read(HEAD + "\"extra\":{\"x\":1},\"events\":["
                + "{\"id\":\"a\",\"title\":\"A\",\"category\":\"rocket\",\"future\":[1,2]}]}");
        assertTrue(r.isValid());
        Incident a = r.catalog().get(0);
        assertNull(a.when());
        assertNull(a.where());
    }

    @Test
    void nonHttpLinksAreDroppedWithAWarning() throws Exception {
        LoadResult r = read(HEAD + "\"events\":[{\"id\":\"a\",\"title\":\"A\",\"category\":\"rocket\","
                + "\"sources\":[{\"outlet\":\"X\",\"url\":\"javascript:alert(1)\"}]}]}");
        assertTrue(r.isValid());
        assertNull(r.catalog().get(0).sources().get(0).url());
        assertEquals(Problem.Severity.WARNING, r.problems().get(0).severity());
        assertEquals("$.events[0].sources[0].url", r.problems().get(0).path());
    }

    @Test
    void notJsonFailsWithLineAndColumn() {
        EventFileException e = assertThrows(EventFileException.class,
                () -> read("{\"format\":\"incident-atlas/1\",\n  \"events\": [ oops ]}"));
        assertEquals(2, e.problem().line());
        assertEquals(15, e.problem().column());
        assertTrue(e.getMessage().startsWith("test.json:2:15"), e.getMessage());
        assertTrue(e.problem().message().contains("not valid JSON"));
    }

    @Test
    void truncatedAndEmptyFilesFail() {
        EventFileException t = assertThrows(EventFileException.class, () -> read(HEAD + "\"events\":[{\"id\":\"a"));
        assertEquals(4, t.problem().line());
        EventFileException empty = assertThrows(EventFileException.class, () -> read("   \n"));
        assertTrue(empty.problem().message().contains("empty"), empty.problem().message());
    }

    @Test
    void wrongTopLevelOrFormatFails() {
        EventFileException arr = assertThrows(EventFileException.class, () -> read("[1, 2]"));
        assertTrue(arr.problem().message().contains("expected a JSON object"));
        EventFileException fmt = assertThrows(EventFileException.class,
                () -> read("{\"format\":\"geojson\",\"events\":[]}"));
        assertEquals("$.format", fmt.problem().path());
        assertEquals(1, fmt.problem().line());
    }

    @Test
    void deeplyNestedInputIsRefused() {
        String deep = "{\"format\":\"incident-atlas/1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        EventFileException e = assertThrows(EventFileException.class, () -> read(deep));
        assertTrue(e.problem().message().toLowerCase().contains("nesting"), e.problem().message());
    }

    @Test
    void missingFileSaysSoAndReaderNeverWrites(@TempDir Path dir) throws Exception {
        EventFileException e = assertThrows(EventFileException.class, () -> reader.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("no such file"));
        Path f = dir.resolve("events.json");
        Files.writeString(f, HEAD + "\"events\":[]}");
        long modified = Files.getLastModifiedTime(f).toMillis();
        byte[] before = Files.readAllBytes(f);
        reader.read(f);
        assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(f));
    }
}
