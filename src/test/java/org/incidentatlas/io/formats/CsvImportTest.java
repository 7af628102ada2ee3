package org.incidentatlas.io.formats;

import static org.incidentatlas.io.formats.FormatsTestSupport.byId;
import static org.incidentatlas.io.formats.FormatsTestSupport.errors;
import static org.incidentatlas.io.formats.FormatsTestSupport.ids;
import static org.incidentatlas.io.formats.FormatsTestSupport.report;
import static org.incidentatlas.io.formats.FormatsTestSupport.resource;
import static org.incidentatlas.io.formats.FormatsTestSupport.text;
import static org.incidentatlas.io.formats.FormatsTestSupport.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.TimePrecision;
import org.junit.jupiter.api.Test;

class CsvImportTest {
    @Test
    void readsAnAcledExport() throws Exception {
        Imported r = resource("acled-iraq.csv");
        assertEquals(Format.CSV, r.format());
        assertTrue(r.result().problems().isEmpty(), () -> report(r));
        assertEquals(3, r.result().catalog().size());

        Incident drones = byId(r, "IRQ50001");
        assertEquals("Air/drone strike in Ain Al Asad Airbase", drones.title());
        assertEquals("2021-06-06", drones.when().literal());
        assertEquals(TimePrecision.DAY, drones.when().precision());
        assertEquals("Explosions/Remote violence", drones.category().label());
        assertEquals("explosions-remote-violence", drones.category().id());
        assertEquals(PlacePrecision.TOWN, drones.where().precision());
        assertEquals("Al Anbar", drones.where().admin1());
        assertEquals("IQ", drones.where().country(), "from the country name");
        assertEquals(33.7856, drones.where().lat());
        assertEquals(42.4412, drones.where().lon());
        assertEquals(0, drones.outcome().killed());
        assertEquals(List.of("Al Arabiya", "Shafaq News"), drones.sources().stream().map(s -> s.outlet()).toList());
        assertTrue(drones.sources().get(0).note().contains("National-International"));
        assertTrue(drones.tags().contains("Air/drone strike"));
        assertTrue(drones.tags().contains("Unidentified Armed Group (Iraq)"));

        Incident rocket = byId(r, "IRQ50002");
        assertEquals("2021-06-06~", rocket.when().literal(), "time_precision 2: about that day");
        assertTrue(rocket.when().approximate());
        assertEquals(PlacePrecision.DISTRICT, rocket.where().precision());
        assertEquals("Baghdad", rocket.where().admin1());
        assertTrue(rocket.summary().contains("diplomatic support centre\nnear Baghdad airport; \"no injury"),
                rocket.summary());

        Incident statement = byId(r, "IRQ50003");
        assertEquals("2021-06", statement.when().literal(), "time_precision 3: the month");
        assertEquals(PlacePrecision.REGION, statement.where().precision());
        assertNull(statement.outcome(), "blank fatalities means not reported");
    }

    @Test
    void readsTheOlderThirtyOneColumnSchemaAndCrlf() throws Exception {
        String old;
        try (InputStream in = getClass().getResourceAsStream("/formats/acled-iraq-old.csv")) {
            old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(31, old.lines().findFirst().orElseThrow().split(",").length);
        Imported r = text("old.csv", old.replace("\n", "\r\n"));
        assertTrue(r.result().problems().isEmpty(), () -> report(r));
        assertEquals(List.of("IRQ40002", "IRQ40001"), ids(r), "time order");
        assertEquals("2020-01-08", byId(r, "IRQ40001").when().literal());
        assertEquals("2020-01-03", byId(r, "IRQ40002").when().literal());
        assertEquals(10, byId(r, "IRQ40002").outcome().killed());
        assertEquals("IQ", byId(r, "IRQ40002").where().country(), "from iso3");
        assertEquals("Strike near the airport.", byId(r, "IRQ40002").summary());
    }

    @Test
    void categoriesCanComeFromTheSubEventType() throws Exception {
        Imported r = resource("acled-iraq.csv", ImportOptions.DEFAULTS.withAcledSubEventCategory(true));
        assertEquals("Air/drone strike", byId(r, "IRQ50001").category().label());
        assertTrue(byId(r, "IRQ50001").tags().contains("Explosions/Remote violence"));
    }

    @Test
    void skipsBadRecordsWithTheirLinesAndKeepsTheRest() throws Exception {
        Imported r = resource("acled-broken.csv");
        assertEquals(List.of("IRQ1", "IRQ4"), ids(r));
        assertEquals(3, r.result().rejected());
        assertFalse(r.result().isValid());
        List<Problem> errors = errors(r);
        assertEquals(3, errors.size(), () -> report(r));
        assertEquals(3, errors.get(0).line());
        assertEquals("record 2, column event_date", errors.get(0).path());
        assertTrue(errors.get(0).message().contains("31 June 2021"), errors.get(0).message());
        assertEquals(4, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("outside"), errors.get(1).message());
        assertEquals(6, errors.get(2).line());
        assertTrue(errors.get(2).message().contains("never closed"), errors.get(2).message());
        Incident odd = byId(r, "IRQ4");
        assertEquals("2021-06-08", odd.when().literal());
        assertEquals(PlacePrecision.TOWN, odd.where().precision());
        assertNull(odd.outcome());
        assertEquals(3, warnings(r).size(), () -> report(r));
    }

    @Test
    void readsAnyTableThroughAColumnMapping() throws Exception {
        Imported guessed = resource("generic.csv");
        assertTrue(warnings(guessed).stream().anyMatch(p -> p.message().contains("no date column")),
                () -> report(guessed));

        CsvMapping mapping = CsvMapping.guess(List.of("Ref", "Headline", "Reported on", "Y", "X", "Town", "Kind", "Link"))
                .with(CsvMapping.Field.ID, "Ref")
                .with(CsvMapping.Field.WHEN, "Reported on")
                .with(CsvMapping.Field.CATEGORY, "Kind");
        Imported r = resource("generic.csv", ImportOptions.DEFAULTS.withCsvMapping(mapping));
        assertEquals(3, r.result().catalog().size(), () -> report(r));
        Incident a1 = byId(r, "a1");
        assertEquals("Checkpoint attack", a1.title());
        assertEquals("2021-06-06T22:15Z", a1.when().literal());
        assertEquals("Ramadi", a1.where().name());
        assertEquals(33.42, a1.where().lat());
        assertEquals("Attack", a1.category().label());
        assertEquals("https://example.org/a1", a1.sources().get(0).url());
        assertEquals(TimePrecision.MONTH, byId(r, "a2").when().precision());
        assertEquals("javascript:alert(1)", byId(r, "a2").sources().get(0).url(),
                "a javascript: link is kept as text (the details pane never opens it)");
        assertTrue(warnings(r).stream().anyMatch(p -> p.message().contains("javascript:")), () -> report(r));
        Incident a3 = byId(r, "a3");
        assertNull(a3.when());
        assertNull(a3.where());
    }

    @Test
    void aSpreadsheetsWindows1252FileIsReadWithAWarning() throws Exception {
        byte[] latin = "id,title,when,lat,lon\nq1,Caf\u00e9 near the r\u00e9sidence,2021-06-06,33.3,44.4\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Imported r = Formats.read("excel.csv", new java.io.ByteArrayInputStream(latin), ImportOptions.DEFAULTS,
                new org.incidentatlas.io.EventFileReader());
        assertEquals("Caf\u00e9 near the r\u00e9sidence", byId(r, "q1").title());
        assertTrue(warnings(r).get(0).message().contains("not UTF-8"), () -> report(r));
        assertTrue(Formats.isUtf8("caf\u00e9".getBytes(StandardCharsets.UTF_8)));
        byte[] cut = "\u00e9".getBytes(StandardCharsets.UTF_8);
        assertTrue(Formats.isUtf8(new byte[] {'a', cut[0]}), "a character cut at the end of the sample is fine");
    }

    @Test
    void anEmptyFileIsReportedNotThrown() throws Exception {
        Imported r = text("empty.csv", "\n\n");
        assertEquals(0, r.result().catalog().size());
        assertFalse(r.result().isValid());
    }
}
