package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.Formats;
import org.incidentatlas.io.formats.Imported;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final Path SEED = Path.of("data", "events.json");
    private static final Path RESOURCES = Path.of("src", "test", "resources", "formats");
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        outBytes.reset();
        errBytes.reset();
    }

    private Cli.Outcome run(String... args) {
        return Cli.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatesSeveralFilesOfAnyFormatAndReturnsTheWorstCode() {
        assertEquals(0, run("validate", SEED.toString(), RESOURCES.resolve("acled-iraq.csv").toString()).exitCode(),
                this::out);
        assertTrue(out().contains("acled-iraq.csv: 3 incidents loaded (3 dated, 0 undated), 0 rejected, 0 errors, "
                + "0 warnings (read as CSV)"), out());
        clear();
        assertEquals(1, run("validate", SEED.toString(), RESOURCES.resolve("acled-broken.csv").toString()).exitCode());
        assertTrue(out().contains("acled-broken.csv:3:1 record 2, column event_date: error:"), out());
        assertTrue(out().contains("invalid"), out());
        clear();
        assertEquals(2, run("validate", SEED.toString(), dir.resolve("missing.json").toString()).exitCode());
        assertTrue(out().contains("missing.json: cannot be read"), out());
        clear();
        assertEquals(1, run("validate", RESOURCES.resolve("timeline.json").toString()).exitCode());
        assertTrue(out().contains(", 2 eras (read as TimelineJS JSON)"), out());
    }

    @Test
    void convertsByExtensionOrByTo() throws Exception {
        Path geo = dir.resolve("seed.geojson");
        assertEquals(0, run("convert", SEED.toString(), geo.toString()).exitCode(), this::out);
        assertTrue(out().contains("wrote " + geo + ": 7 incidents (GeoJSON)"), out());
        assertEquals(Format.GEOJSON, Formats.read(geo).format());

        Path kml = dir.resolve("seed.txt");
        assertEquals(0, run("convert", "--to", "kml", geo.toString(), kml.toString()).exitCode(), this::out);
        Imported back = Formats.read(kml);
        assertEquals(Format.KML, back.format());
        assertEquals(7, back.result().catalog().size());

        Path fromBroken = dir.resolve("broken.json");
        assertEquals(1, run("convert", RESOURCES.resolve("acled-broken.csv").toString(), fromBroken.toString())
                .exitCode(), "written, but records were skipped");
        assertEquals(2, Formats.read(fromBroken).result().catalog().size());
    }

    @Test
    void convertRefusesToWriteItsInputAndExplainsBadOutputs() throws Exception {
        Path copy = dir.resolve("events.json");
        Files.copy(SEED, copy);
        String before = Files.readString(copy);
        assertEquals(3, run("convert", copy.toString(), copy.toString()).exitCode());
        assertTrue(out().contains("never writes to its input"), out());
        assertEquals(before, Files.readString(copy));

        assertEquals(64, run("convert", SEED.toString(), dir.resolve("out.png").toString()).exitCode());
        assertTrue(err().contains("cannot tell the output format from out.png"), err());
        clear();
        assertEquals(64, run("convert", SEED.toString(), dir.resolve("x.kmz").toString()).exitCode());
        assertTrue(err().contains("cannot be written"), err());
        clear();
        assertEquals(64, run("convert", SEED.toString(), dir.resolve("x").toString(), "--to", "shapefile").exitCode());
        assertTrue(err().contains("unknown format \"shapefile\""), err());
        clear();
        assertEquals(2, run("convert", dir.resolve("nothing.csv").toString(), dir.resolve("y.json").toString())
                .exitCode());
    }

    @Test
    void importChoicesReachTheImporters() throws Exception {
        Path out = dir.resolve("generic.json");
        assertEquals(0, run("convert", RESOURCES.resolve("generic.csv").toString(), out.toString(),
                "--csv-column", "ID=Ref", "--csv-column", "WHEN=Reported on", "--csv-column", "category=Kind")
                .exitCode(), this::out);
        Imported r = Formats.read(out);
        assertEquals("2021-06-06T22:15Z", r.result().catalog().get(r.result().catalog().indexOf("a1")).when()
                .literal());

        Path renamed = dir.resolve("acled.dat");
        Files.copy(RESOURCES.resolve("acled-iraq.csv"), renamed);
        assertEquals(2, run("validate", "--from", "kml", renamed.toString()).exitCode(), "forced, and it is not KML");
        clear();
        assertEquals(0, run("validate", "--from", "csv", renamed.toString()).exitCode(), this::out);
        assertEquals(64, run("validate", "--from", "shp", renamed.toString()).exitCode());
        assertTrue(err().contains("unknown format \"shp\""), err());

        Path dates = dir.resolve("dates.geojson");
        assertEquals(0, run("convert", RESOURCES.resolve("candidates.geojson").toString(), dates.toString(),
                "--time-property", "date").exitCode(), this::out);
        assertTrue(Formats.read(dates).result().catalog().incidents().stream()
                .anyMatch(i -> i.when() != null && i.when().literal().equals("2021-06")));
    }

    @Test
    void screenshotAndFramesBecomeWindowOptions() {
        Cli.Outcome shot = run("screenshot", "o.png", "--select", "id1", "--map", "33.3,44.4,9", "x.json");
        assertEquals(0, shot.exitCode(), this::err);
        assertArrayEquals(new String[] {"--screenshot", "o.png", "--select", "id1", "--map", "33.3,44.4,9", "x.json"},
                shot.launch());
        CommandLine cl = CommandLine.parse(shot.launch());
        assertEquals(CommandLine.Mode.SCREENSHOT, cl.mode());

        Cli.Outcome frames = run("frames", "out", "--count", "3", "--cumulative", "--window", "2014/2021-07-01");
        assertEquals(64, frames.exitCode(), "--window takes dates, not EDTF years");
        frames = run("frames", "out", "--count", "3", "--cumulative", "--window", "2014-01-01/2021-07-01");
        assertEquals(0, frames.exitCode(), this::err);
        CommandLine f = CommandLine.parse(frames.launch());
        assertEquals(CommandLine.Mode.FRAMES, f.mode());
        assertEquals(Path.of("out"), f.frames());
        assertEquals(3, f.frameCount());
        assertTrue(f.cumulative());

        clear();
        Cli.Outcome bad = run("screenshot", "o.png", "--map", "33,44");
        assertEquals(64, bad.exitCode());
        assertNull(bad.launch());
        assertTrue(err().contains("--map takes LAT,LON,ZOOM"), err());
    }

    @Test
    void helpForEveryCommand() {
        for (String c : new String[] {"validate", "convert", "screenshot", "frames"}) {
            clear();
            assertEquals(0, run(c, "--help").exitCode());
            assertTrue(out().startsWith("Usage: incident-atlas " + c), out());
        }
        clear();
        assertEquals(0, run("help", "convert").exitCode());
        assertTrue(out().contains("--to=FORMAT"), out());
    }

    @Test
    void framesStepThroughTheSpan() {
        Instant from = Instant.parse("2021-06-01T00:00:00Z");
        Instant to = Instant.parse("2021-06-05T00:00:00Z");
        assertArrayEquals(new Instant[] {from, Instant.parse("2021-06-02T00:00:00Z")},
                FrameSequence.windowOf(from, to, 1, 4, false));
        assertArrayEquals(new Instant[] {Instant.parse("2021-06-04T00:00:00Z"), to},
                FrameSequence.windowOf(from, to, 4, 4, false));
        assertArrayEquals(new Instant[] {from, Instant.parse("2021-06-03T00:00:00Z")},
                FrameSequence.windowOf(from, to, 2, 4, true));
    }
}
