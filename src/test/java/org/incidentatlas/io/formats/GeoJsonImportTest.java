package org.incidentatlas.io.formats;

import static org.incidentatlas.io.formats.FormatsTestSupport.byId;
import static org.incidentatlas.io.formats.FormatsTestSupport.byTitle;
import static org.incidentatlas.io.formats.FormatsTestSupport.errors;
import static org.incidentatlas.io.formats.FormatsTestSupport.report;
import static org.incidentatlas.io.formats.FormatsTestSupport.resource;
import static org.incidentatlas.io.formats.FormatsTestSupport.text;
import static org.incidentatlas.io.formats.FormatsTestSupport.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.TimePrecision;
import org.junit.jupiter.api.Test;

class GeoJsonImportTest {
    @Test
    void readsAUsgsStyleFeedWithEpochMilliseconds() throws Exception {
        Imported r = resource("usgs.geojson");
        assertEquals(Format.GEOJSON, r.format());
        assertEquals("USGS-style feed (test)", r.result().catalog().title());
        Incident q = byId(r, "us0001");
        assertEquals("M 4.6 - 35 km NE of Hit, Iraq", q.title());
        assertEquals("2021-06-06T16:45:00Z", q.when().literal());
        assertEquals(TimePrecision.SECOND, q.when().precision());
        assertEquals(33.85, q.where().lat());
        assertEquals(42.95, q.where().lon());
        assertEquals("35 km NE of Hit, Iraq", q.where().name());
        assertEquals(PlacePrecision.SITE, q.where().precision());
        assertEquals("earthquake", q.category().label());
        assertEquals("https://earthquake.usgs.gov/earthquakes/eventpage/test0001", q.sources().get(0).url());
        assertTrue(q.summary().contains("mag: 4.6"), q.summary());
        assertTrue(q.summary().contains("magType: mb"), q.summary());

        Incident area = byId(r, "us0002");
        assertEquals(33.3, area.where().lat(), 1e-9);
        assertEquals(44.3, area.where().lon(), 1e-9);
        assertEquals(PlacePrecision.DISTRICT, area.where().precision());
        assertTrue(area.where().uncertaintyKm() > 30 && area.where().uncertaintyKm() < 60);
        assertEquals("quarry blast", area.category().label());

        Incident seconds = byId(r, "us0003");
        assertEquals("2021-06-06T17:20:00Z", seconds.when().literal(), "epoch seconds");
        assertNull(seconds.where(), "null geometry: unlocated");

        assertEquals(2, r.result().rejected());
        List<Problem> errors = errors(r);
        assertEquals("$.features[3].geometry.coordinates", errors.get(0).path());
        assertEquals(6, errors.get(0).line());
        assertEquals("$.features[4].properties.time", errors.get(1).path());
        assertTrue(errors.get(1).message().contains("yesterday"));
        assertEquals("us0001-2", byTitle(r, "Duplicate id").id());
        assertTrue(warnings(r).stream().anyMatch(p -> p.message().contains("\"us0001-2\"")), () -> report(r));
    }

    @Test
    void saysWhichTimePropertyItUsedAndLetsYouChooseAnother() throws Exception {
        Imported r = resource("candidates.geojson");
        Problem w = warnings(r).stream().filter(p -> p.message().startsWith("time taken from")).findFirst()
                .orElseThrow(() -> new AssertionError(report(r)));
        assertTrue(w.message().contains("\"timestamp\" (usable in 3 of 3 features)"), w.message());
        assertTrue(w.message().contains("\"date\""), w.message());
        assertEquals("2021-06-08T10:00:00Z", byTitle(r, "A").when().literal());
        assertEquals("2021-06-09T10:00:00Z", byTitle(r, "B").when().literal(), "milliseconds dropped");

        Imported byDate = resource("candidates.geojson", ImportOptions.DEFAULTS.withTimeProperty("date", null));
        assertEquals("2021-06-06", byTitle(byDate, "A").when().literal());
        assertEquals("2021-06", byTitle(byDate, "B").when().literal());
        assertNull(byTitle(byDate, "C").when());

        Imported missing = resource("candidates.geojson", ImportOptions.DEFAULTS.withTimeProperty("updated", null));
        assertTrue(warnings(missing).stream().anyMatch(p -> p.message().contains("\"updated\" that was chosen")),
                () -> report(missing));

        Imported spans = resource("candidates.geojson", ImportOptions.DEFAULTS.withTimeProperty("start", "end"));
        assertEquals("2021-06-01/2021-06-03", byTitle(spans, "C").when().literal());
        assertEquals("Attack", byTitle(spans, "A").category().label());
        assertEquals(CatalogBuilder.UNCATEGORISED, byTitle(spans, "C").category().label());
    }

    @Test
    void aSingleFeatureIsACollectionOfOne() throws Exception {
        Imported r = text("one.geojson", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[43.0,33.0],[44.0,34.0]]},\"properties\":{\"name\":\"Road\",\"date\":\"2021\"}}");
        Incident road = byTitle(r, "Road");
        assertEquals(33.5, road.where().lat());
        assertEquals("2021", road.when().literal());
        assertEquals("feature-1", road.id());
    }

    @Test
    void refusesWhatIsNotGeoJson() {
        EventFileException e = assertThrows(EventFileException.class,
                () -> text("x.geojson", "{\"type\":\"Topology\",\"objects\":{}}"));
        assertTrue(e.problem().message().contains("FeatureCollection"), e.problem().message());
        EventFileException broken = assertThrows(EventFileException.class,
                () -> text("x.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[{]}"));
        assertEquals(2, broken.problem().line());
    }
}
