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
import org.incidentatlas.model.Narrative;
import org.incidentatlas.model.NarrativeStep;
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
    void seedNarrativeTellsTheArticleInOrder() throws Exception {
        IncidentCatalog c = reader.read(Path.of("data", "events.json")).catalog();
        Narrative n = c.narratives().stream().filter(x -> x.id().equals("june-2021-sequence")).findFirst()
                .orElseThrow();
        assertEquals(List.of("2014-2017-isis-anbar", "2020-01-soleimani-strike", "2020-01-al-asad-missiles",
                "undated-al-asad-direct-attack", "2021-04-joint-statement", "2021-06-bdsc-rocket",
                "2021-06-al-asad-drones"), n.steps().stream().map(NarrativeStep::incidentId).toList());
        assertTrue(n.description().contains("seed article"));
        assertTrue(n.steps().stream().allMatch(st -> st.note() != null && c.indexOf(st.incidentId()) >= 0));
    }

    /** Two events, {@code a} and {@code b}, on line 4; narratives start on line 5. */
    private static final String TWO_EVENTS = HEAD
            + "\"events\":[{\"id\":\"a\",\"title\":\"A\",\"category\":\"rocket\"},"
            + "{\"id\":\"b\",\"title\":\"B\",\"when\":\"2020\",\"category\":\"rocket\"}],\n";

    @Test
    void narrativesLoadInFileOrderWithTheirStepsAndNotes() throws Exception {
        LoadResult r = read(TWO_EVENTS + "\"narratives\":[\n"
                + "{\"id\":\"n1\",\"title\":\"First\",\"description\":\"D\",\"future\":true,\"steps\":["
                + "{\"event\":\"b\",\"note\":\"then B\"},{\"event\":\"a\"},{\"event\":\"b\",\"note\":\"B again\"}]},\n"
                + "{\"id\":\"n0\",\"title\":\"Second\",\"steps\":[{\"event\":\"a\",\"note\":\" only A \"}]}]}");
        assertTrue(r.isValid(), () -> "problems: " + r.problems());
        assertTrue(r.problems().isEmpty(), () -> "problems: " + r.problems());
        List<Narrative> ns = r.catalog().narratives();
        assertEquals(List.of("n1", "n0"), ns.stream().map(Narrative::id).toList(), "file order, not sorted");
        Narrative first = ns.get(0);
        assertEquals("First", first.title());
        assertEquals("D", first.description());
        assertEquals(List.of(new NarrativeStep("b", "then B"), new NarrativeStep("a", null),
                new NarrativeStep("b", "B again")), first.steps(), "told order, repeats allowed");
        assertNull(ns.get(1).description());
        assertEquals("only A", ns.get(1).steps().get(0).note());
        assertTrue(read(TWO_EVENTS.substring(0, TWO_EVENTS.length() - 2) + "}").catalog().narratives().isEmpty(),
                "narratives are optional");
    }

    @Test
    void aStepNamingAnUnknownIncidentIsDroppedWithAWarningAtItsEvent() throws Exception {
        LoadResult r = read(TWO_EVENTS + "\"narratives\":[{\"id\":\"n\",\"title\":\"N\",\"steps\":[\n"
                + "{\"event\":\"a\",\"note\":\"first\"},\n"
                + "{\"event\":\"ghost\"}]}]}");
        assertTrue(r.isValid(), "a dropped step is only a warning");
        assertEquals(0, r.rejected());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem p = r.problems().get(0);
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertEquals("$.narratives[0].steps[1].event", p.path());
        assertEquals(7, p.line());
        assertEquals(10, p.column(), "the opening quote of \"ghost\"");
        assertTrue(p.message().contains("\"ghost\" is not in the file"), p.message());
        assertEquals(List.of(new NarrativeStep("a", "first")), r.catalog().narratives().get(0).steps());
    }

    @Test
    void badStepsAreDroppedWithWarningsAndAStepOnASkippedIncidentSaysSo() throws Exception {
        LoadResult r = read(HEAD + "\"events\":[{\"id\":\"a\",\"title\":\"A\",\"category\":\"rocket\"},"
                + "{\"id\":\"bad\",\"title\":\"Bad\",\"category\":\"tank\"}],\n"
                + "\"narratives\":[{\"id\":\"n\",\"title\":\"N\",\"steps\":[\"a\",{\"note\":\"x\"},{\"event\":7},"
                + "{\"event\":\"bad\"},{\"event\":\"a\"}]},\n"
                + "{\"id\":\"empty\",\"title\":\"E\",\"steps\":[{\"event\":\"bad\"}]}]}");
        assertEquals(1, r.rejected(), "only the incident counts as rejected");
        List<Problem> warnings = r.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
        assertEquals(List.of("$.narratives[0].steps[0]", "$.narratives[0].steps[1]", "$.narratives[0].steps[2].event",
                "$.narratives[0].steps[3].event", "$.narratives[1].steps", "$.narratives[1].steps[0].event"),
                warnings.stream().map(Problem::path).toList(), "in line:column order; " + warnings);
        assertTrue(warnings.stream().anyMatch(p -> p.message().contains("\"bad\" was skipped")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(p -> p.message().contains("missing required field \"event\"")));
        List<Narrative> ns = r.catalog().narratives();
        assertEquals(1, ns.size(), "a narrative with no usable step is not kept");
        assertEquals(List.of(new NarrativeStep("a", null)), ns.get(0).steps());
    }

    @Test
    void aNarrativeWithoutTitleIsSkippedWithAnErrorAtTheNarrative() throws Exception {
        LoadResult r = read(TWO_EVENTS + "\"narratives\":[\n"
                + "  {\"id\":\"n\",\"steps\":[{\"event\":\"a\"}]},\n"
                + "  {\"id\":\"m\",\"title\":\"M\",\"steps\":[{\"event\":\"a\"}]},\n"
                + "  {\"id\":\"s\",\"title\":\"S\"},\n"
                + "  {\"title\":\"No id\",\"steps\":[]},\n"
                + "  {\"id\":\"t\",\"title\":\"T\",\"steps\":{\"event\":\"a\"}},\n"
                + "  \"not an object\"]}");
        assertFalse(r.isValid());
        assertEquals(0, r.rejected(), "narratives do not count as rejected incidents");
        assertEquals(2, r.catalog().size());
        List<Problem> p = r.problems();
        assertEquals(5, p.size(), p::toString);
        assertTrue(p.stream().allMatch(x -> x.severity() == Problem.Severity.ERROR), p::toString);
        assertEquals("$.narratives[0]", p.get(0).path());
        assertEquals(6, p.get(0).line());
        assertEquals(3, p.get(0).column());
        assertTrue(p.get(0).message().contains("missing required field \"title\""), p.get(0).message());
        assertTrue(p.get(0).message().endsWith("narrative skipped"), p.get(0).message());
        assertEquals("$.narratives[2]", p.get(1).path());
        assertTrue(p.get(1).message().contains("missing required field \"steps\""), p.get(1).message());
        assertEquals("$.narratives[3]", p.get(2).path());
        assertTrue(p.get(2).message().contains("missing required field \"id\""), p.get(2).message());
        assertEquals("$.narratives[4].steps", p.get(3).path());
        assertEquals("$.narratives[5]", p.get(4).path());
        assertEquals(List.of("m"), r.catalog().narratives().stream().map(Narrative::id).toList());
    }

    @Test
    void aDuplicateNarrativeIdIsAnErrorAndTheFirstOneWins() throws Exception {
        LoadResult r = read(TWO_EVENTS + "\"narratives\":[\n"
                + "{\"id\":\"n\",\"title\":\"One\",\"steps\":[{\"event\":\"a\"}]},\n"
                + "{\"id\":\"n\",\"title\":\"Two\",\"steps\":[{\"event\":\"b\"}]}]}");
        assertFalse(r.isValid());
        assertEquals(0, r.rejected());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem p = r.problems().get(0);
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals("$.narratives[1].id", p.path());
        assertEquals(7, p.line());
        assertTrue(p.message().contains("duplicate narrative id \"n\""), p.message());
        assertEquals(List.of("One"), r.catalog().narratives().stream().map(Narrative::title).toList());
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
    void plainDatesReadAsEdtfParsesThemWhetherSeenBeforeOrNot() throws Exception {
        // Enough distinct days, months and years to grow the reader's table of plain dates several times, each
        // written twice; plus texts that look plain but are not dates, written twice too.
        List<String> texts = new java.util.ArrayList<>();
        java.time.LocalDate day = java.time.LocalDate.of(1990, 1, 1);
        for (int k = 0; k < 7000; k++, day = day.plusDays(3)) {
            texts.add(day.toString());
            texts.add(day.toString().substring(0, 7));
            texts.add(day.toString().substring(0, 4));
        }
        List<String> bad = List.of("2021-02-30", "2021-13", "0000", "2021-1-01", "20210606", "2021-06-0x");
        StringBuilder json = new StringBuilder(HEAD).append("\"events\":[\n");
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String t : texts) {
                json.append(n == 0 ? "" : ",\n").append("{\"id\":\"e").append(n++).append("\",\"title\":\"T\",")
                        .append("\"category\":\"rocket\",\"when\":\"").append(t).append("\"}");
            }
            for (String t : bad) {
                json.append(",\n{\"id\":\"e").append(n++).append("\",\"title\":\"T\",\"category\":\"rocket\",")
                        .append("\"when\":\"").append(t).append("\"}");
            }
        }
        LoadResult r = read(json.append("]}").toString());
        IncidentCatalog c = r.catalog();
        int k = 0;
        int loadedBad = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String t : texts) {
                assertEquals(org.incidentatlas.model.Edtf.parse(t), c.get(c.indexOf("e" + k++)).when(), t);
            }
            for (String t : bad) {
                boolean edtf;
                try {
                    org.incidentatlas.model.Edtf.parse(t);
                    edtf = true;
                } catch (org.incidentatlas.model.EdtfException e) {
                    edtf = false;
                }
                int at = c.indexOf("e" + k);
                loadedBad += pass == 0 && edtf ? 1 : 0;
                String path = "$.events[" + k++ + "].when";
                assertEquals(edtf, at >= 0, t);
                assertEquals(!edtf, r.problems().stream().anyMatch(p -> p.path().equals(path)), t);
            }
        }
        assertEquals(2 * texts.size() + 2 * loadedBad, c.size());
        assertEquals(2 * (bad.size() - loadedBad), r.rejected());
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
    void nonHttpLinksAreKeptAsTextWithAWarning() throws Exception {
        LoadResult r = read(HEAD + "\"events\":[{\"id\":\"a\",\"title\":\"A\",\"category\":\"rocket\","
                + "\"sources\":[{\"outlet\":\"X\",\"url\":\"javascript:alert(1)\"}]}]}");
        assertTrue(r.isValid());
        assertEquals("javascript:alert(1)", r.catalog().get(0).sources().get(0).url(), "kept as text");
        assertEquals(Problem.Severity.WARNING, r.problems().get(0).severity());
        assertTrue(r.problems().get(0).message().contains("never opened"), r.problems().get(0).message());
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
