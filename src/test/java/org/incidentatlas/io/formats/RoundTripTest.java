package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    @TempDir
    Path dir;

    private static IncidentCatalog seed() throws Exception {
        LoadResult r = new EventFileReader().read(Path.of("data", "events.json"));
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        return r.catalog();
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"NATIVE", "GEOJSON", "KML", "CSV"})
    void everyWrittenFormatReadsBackTheSameIncidents(Format format) throws Exception {
        IncidentCatalog original = seed();
        Path out = dir.resolve("export." + format.extensions().get(0));
        Formats.write(original, format, out);
        Imported back = Formats.read(out);
        assertEquals(format, back.format());
        assertTrue(back.result().problems().isEmpty(), () -> back.result().problems().toString());
        assertSame(original, back.result().catalog(), format != Format.CSV);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"GEOJSON", "KML", "CSV"})
    void nativeToAnotherFormatAndBackToNative(Format format) throws Exception {
        IncidentCatalog original = seed();
        Path other = dir.resolve("other." + format.extensions().get(0));
        Formats.write(original, format, other);
        Path again = dir.resolve("again.json");
        Formats.write(Formats.read(other).result().catalog(), Format.NATIVE, again);
        LoadResult r = new EventFileReader().read(again);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        assertSame(original, r.catalog(), format != Format.CSV);
    }

    /** Everything an incident says survives; the catalog's title too where the format has one. */
    private static void assertSame(IncidentCatalog expected, IncidentCatalog actual, boolean title) {
        if (title) {
            assertEquals(expected.title(), actual.title());
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Incident e = expected.get(i);
            Incident a = actual.get(i);
            assertEquals(e.id(), a.id());
            assertEquals(e.title(), a.title(), e.id());
            assertEquals(e.when(), a.when(), e.id()); // literal, instants, precision, qualifiers, offset
            assertEquals(e.where(), a.where(), e.id()); // id, name, point, admin1, country, precision, radius
            assertEquals(e.category(), a.category(), e.id());
            assertEquals(e.summary(), a.summary(), e.id());
            assertEquals(e.outcome(), a.outcome(), e.id());
            assertEquals(e.sources(), a.sources(), e.id());
            assertEquals(e.tags(), a.tags(), e.id());
            assertEquals(e.related(), a.related(), e.id());
        }
        assertEquals(expected.categories().stream().filter(c -> expected.countsByCategory().containsKey(c.id()))
                .toList().size(), actual.categories().stream().filter(c -> actual.countsByCategory()
                .containsKey(c.id())).toList().size());
    }

    @Test
    void writesAtomicallyAndNeverHalfAFile() throws Exception {
        Path out = dir.resolve("out.geojson");
        Files.writeString(out, "previous");
        Formats.write(seed(), Format.GEOJSON, out);
        assertNotEquals("previous", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
        assertThrows(IllegalArgumentException.class, () -> Formats.write(seed(), Format.KMZ, dir.resolve("x.kmz")));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"NATIVE", "GEOJSON", "KML", "CSV"})
    void awkwardTextSurvives(Format format) throws Exception {
        String title = "Attack <unconfirmed> at \"Gate 3\", A&B; 1 < 2";
        String summary = "Line one, with <b>angle brackets</b> & entities like &amp;.\nLine two; \"quoted\"";
        Incident odd = new Incident("odd-1", title, org.incidentatlas.model.Edtf.parse("2021-06-06T22:00+03:00"),
                new org.incidentatlas.model.GeoLocation("gate", "Gate \"3\"", 33.3, 44.4, null, null,
                        org.incidentatlas.model.PlacePrecision.SITE, null),
                new org.incidentatlas.model.Category("c", "C & D", "#123abc"), summary, null, List.of(), List.of(),
                List.of());
        Path out = dir.resolve("odd." + format.extensions().get(0));
        Formats.write(new IncidentCatalog("t", List.of(odd.category()), List.of(odd)), format, out);
        Incident back = Formats.read(out).result().catalog().get(0);
        assertEquals(title, back.title());
        assertEquals(summary, back.summary());
        assertEquals(odd.when(), back.when());
        assertEquals(odd.where(), back.where());
        assertEquals(odd.category(), back.category());
    }

    @Test
    void spreadsheetFormulasAreDefused() throws Exception {
        Incident evil = new Incident("x", "=HYPERLINK(\"http://evil\")", null, null,
                new org.incidentatlas.model.Category("c", "C", null), "-1 ok", null, List.of(), List.of(), List.of());
        Path out = dir.resolve("evil.csv");
        Formats.write(new IncidentCatalog("t", List.of(evil.category()), List.of(evil)), Format.CSV, out);
        assertTrue(Files.readString(out).contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), Files.readString(out));
        Incident back = Formats.read(out).result().catalog().get(0);
        assertEquals(evil.title(), back.title());
        assertEquals("-1 ok", back.summary());
    }
}
