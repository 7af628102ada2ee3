package org.incidentatlas.io.formats;

import static org.incidentatlas.io.formats.FormatsTestSupport.byId;
import static org.incidentatlas.io.formats.FormatsTestSupport.byTitle;
import static org.incidentatlas.io.formats.FormatsTestSupport.errors;
import static org.incidentatlas.io.formats.FormatsTestSupport.report;
import static org.incidentatlas.io.formats.FormatsTestSupport.resource;
import static org.incidentatlas.io.formats.FormatsTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.TimePrecision;
import org.junit.jupiter.api.Test;

class KmlImportTest {
    @Test
    void readsPlacemarksWithTimesInheritedFromFolders() throws Exception {
        Imported r = resource("folders.kml");
        assertEquals(Format.KML, r.format());
        assertEquals("Anbar and Baghdad placemarks", r.result().catalog().title());

        Incident ramadi = byId(r, "ramadi-2004");
        assertEquals("2004-01", ramadi.when().literal(), "inherited from the folder, month precision kept");
        assertEquals(TimePrecision.MONTH, ramadi.when().precision());
        assertEquals("Reported clashes & link.", ramadi.summary(), "markup stripped, script dropped");
        assertEquals(33.42, ramadi.where().lat());
        assertEquals(43.30, ramadi.where().lon());
        assertEquals(PlacePrecision.SITE, ramadi.where().precision());
        assertEquals(List.of("Anbar 2004"), ramadi.tags());
        assertEquals(CatalogBuilder.UNCATEGORISED, ramadi.category().label());

        Incident fallujah = byTitle(r, "Fallujah events");
        assertEquals("2004-04/2004-05", fallujah.when().literal(), "the innermost folder's TimeSpan wins");
        assertEquals("rocket", fallujah.category().label());
        assertEquals("#d9480f", fallujah.category().color(), "KML aabbggrr becomes #rrggbb");
        assertEquals(List.of("Anbar 2004", "Fallujah"), fallujah.tags());

        Incident own = byTitle(r, "Own time wins");
        assertEquals("2004-04-09", own.when().literal());
        assertEquals("drone", own.category().label());
        assertEquals("#0072b2", own.category().color(), "a StyleMap's normal style");
        assertEquals("reporter: Field team\nconfidence: low", own.summary());

        Incident asad = byTitle(r, "Al-Asad drones");
        assertEquals(TimePrecision.SECOND, asad.when().precision());
        assertEquals(ZoneOffset.ofHours(3), asad.when().offset());
        assertEquals(own.category(), asad.category());

        Incident unlocated = byTitle(r, "Unlocated note");
        assertEquals("2014/..", unlocated.when().literal());
        assertTrue(unlocated.when().openEnd());
        assertNull(unlocated.where());

        assertEquals(2, r.result().rejected());
        List<Problem> errors = errors(r);
        assertEquals(2, errors.size(), () -> report(r));
        assertTrue(errors.get(0).path().startsWith("Placemark[6] \"Bad coordinates\""), errors.get(0).path());
        assertEquals(50, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("not numbers"));
        assertTrue(errors.get(1).message().contains("last Tuesday"));
    }

    @Test
    void neverResolvesExternalEntities() {
        // The DTD is not read, so its entity is undeclared: the file is refused, and nothing outside it is read.
        EventFileException e = assertThrows(EventFileException.class, () -> resource("xxe.kml"));
        assertTrue(e.problem().message().contains("\"secret\" was referenced, but not declared"),
                e.problem().message());
        assertEquals(5, e.problem().line());
    }

    @Test
    void readsTheKmlInsideAKmz() throws Exception {
        byte[] kml;
        try (InputStream in = getClass().getResourceAsStream("/formats/folders.kml")) {
            kml = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("files/icon.png"));
            zip.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("doc.kml"));
            zip.write(kml);
            zip.closeEntry();
        }
        Imported r = Formats.read("placemarks.kmz", new ByteArrayInputStream(bytes.toByteArray()),
                ImportOptions.DEFAULTS, new EventFileReader());
        assertEquals(Format.KMZ, r.format());
        assertEquals(5, r.result().catalog().size());
        assertEquals("2004-01", byId(r, "ramadi-2004").when().literal());

        EventFileException none = assertThrows(EventFileException.class, () -> Formats.read("empty.kmz",
                new ByteArrayInputStream(emptyZip()), ImportOptions.DEFAULTS, new EventFileReader()));
        assertTrue(none.problem().message().contains("no .kml"), none.problem().message());
    }

    private static byte[] emptyZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("nothing".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aFolderWithAnUnreadableTimeIsReported() throws Exception {
        Imported r = text("f.kml", "<kml><Document><Folder><name>F</name>\n<TimeStamp><when>soon</when></TimeStamp>"
                + "<Placemark><name>P</name><Point><coordinates>44,33</coordinates></Point></Placemark>"
                + "</Folder></Document></kml>");
        assertEquals(1, r.result().catalog().size());
        assertNull(r.result().catalog().get(0).when());
        Problem w = r.result().problems().get(0);
        assertEquals(Problem.Severity.WARNING, w.severity());
        assertEquals("Folder \"F\"", w.path());
        assertEquals(2, w.line());
    }

    @Test
    void brokenXmlFailsWithItsPosition() {
        EventFileException e = assertThrows(EventFileException.class,
                () -> text("broken.kml", "<kml>\n<Document><Placemark><name>x</Placemark></Document></kml>"));
        assertEquals(2, e.problem().line());
        assertTrue(e.problem().message().startsWith("not well-formed XML"), e.problem().message());
        EventFileException notKml = assertThrows(EventFileException.class,
                () -> text("page.kml", "<html><body/></html>"));
        assertTrue(notKml.problem().message().contains("<html>"), notKml.problem().message());
    }
}
