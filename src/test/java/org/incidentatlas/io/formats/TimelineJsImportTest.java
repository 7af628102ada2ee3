package org.incidentatlas.io.formats;

import static org.incidentatlas.io.formats.FormatsTestSupport.byId;
import static org.incidentatlas.io.formats.FormatsTestSupport.errors;
import static org.incidentatlas.io.formats.FormatsTestSupport.report;
import static org.incidentatlas.io.formats.FormatsTestSupport.resource;
import static org.incidentatlas.io.formats.FormatsTestSupport.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.TimePrecision;
import org.junit.jupiter.api.Test;

class TimelineJsImportTest {
    @Test
    void readsEventsGroupsMediaAndEras() throws Exception {
        Imported r = resource("timeline.json");
        assertEquals(Format.TIMELINEJS, r.format());
        assertEquals("Attacks near coalition sites, June 2021", r.result().catalog().title());

        Incident drones = byId(r, "al-asad-drones");
        assertEquals("Drones shot down near Al-Asad", drones.title());
        assertEquals("2021-06-06T22:15Z", drones.when().literal());
        assertEquals(TimePrecision.MINUTE, drones.when().precision());
        assertEquals("Two drones were intercepted.\nNo casualties & no damage.", drones.summary());
        assertEquals("Drone incident", drones.category().label());
        assertEquals("https://example.org/al-asad", drones.sources().get(0).url());
        assertEquals("Al Arabiya", drones.sources().get(0).outlet());
        assertEquals("Statement", drones.sources().get(0).note());
        assertNull(drones.where(), "TimelineJS has no places: unlocated, still on the timeline");

        assertEquals("2021-06", byId(r, "event-2").when().literal());
        Incident isis = byId(r, "event-3");
        assertEquals("2014/2017", isis.when().literal());
        assertEquals("javascript:alert(1)", isis.sources().get(0).url(), "kept as text, never opened");
        assertTrue(warnings(r).stream().anyMatch(p -> p.message().contains("javascript:")), () -> report(r));
        assertEquals("2020-01-03T01:00:05Z", byId(r, "event-4").when().literal(), "milliseconds dropped");
        assertEquals(CatalogBuilder.UNCATEGORISED, byId(r, "event-4").category().label());

        assertEquals(3, r.result().rejected());
        List<Problem> errors = errors(r);
        assertEquals(4, errors.size(), () -> report(r));
        assertEquals("$.events[4].start_date", errors.get(0).path());
        assertEquals("$.events[5].start_date.month", errors.get(1).path());
        assertEquals("$.events[6].start_date.day", errors.get(2).path());
        assertTrue(errors.get(2).message().contains("2021-02 has no day 30"), errors.get(2).message());
        assertEquals(29, errors.get(1).line(), "located at the slide: " + errors.get(1));
        assertEquals("$.eras[2].start_date", errors.get(3).path());

        assertEquals(2, r.eras().size());
        assertEquals("ISIS control of parts of Anbar", r.eras().get(0).label());
        assertEquals("2014/2017", r.eras().get(0).span().literal());
        assertEquals("After the April statement", r.eras().get(1).label());
        assertEquals("2021-04/2021-06", r.eras().get(1).span().literal());
        assertEquals(r.eras(), r.result().catalog().eras(), "the catalog carries them to the timeline");
    }
}
