package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.ProgressInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cancelling a load (File ▸ Open's Cancel) stops every importer, and the app can tell it from a broken file. */
class CancelTest {
    @ParameterizedTest
    @EnumSource(Format.class)
    void cancellingStopsTheReadAndSaysSo(Format format) throws Exception {
        byte[] content = big(format);
        AtomicLong read = new AtomicLong();
        ProgressInputStream in = new ProgressInputStream(new ByteArrayInputStream(content), read::set,
                () -> read.get() > 0); // cancel once the first 64 KiB have been reported
        EventFileException e = assertThrows(EventFileException.class,
                () -> Formats.read("big", in, ImportOptions.DEFAULTS, new EventFileReader()));
        assertInstanceOf(ProgressInputStream.Cancelled.class, e.getCause(), e::getMessage);
    }

    /** A file of about 400 KB in {@code format}. */
    private static byte[] big(Format format) throws Exception {
        StringBuilder sb = new StringBuilder();
        int n = 3000;
        switch (format) {
            case NATIVE -> {
                sb.append("{\"format\":\"incident-atlas/1\",\"categories\":[{\"id\":\"c\",\"label\":\"C\"}],\"events\":[");
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"id\":\"e").append(i)
                            .append("\",\"title\":\"An incident with a long enough title to fill the file quickly\","
                                    + "\"category\":\"c\",\"when\":\"2021-06-06\"}");
                }
                sb.append("]}");
            }
            case GEOJSON -> {
                sb.append("{\"type\":\"FeatureCollection\",\"features\":[");
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                            + "\"coordinates\":[44.1,33.2]},\"properties\":{\"time\":1622997900000,\"title\":\"x"
                            + i + " with some padding to make the file larger than sixty-four KiB\"}}");
                }
                sb.append("]}");
            }
            case TIMELINEJS -> {
                sb.append("{\"events\":[");
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"start_date\":{\"year\":2021},\"text\":{\"headline\":"
                            + "\"x with some padding to make the file larger than sixty-four KiB\"}}");
                }
                sb.append("]}");
            }
            case KML, KMZ -> {
                sb.append("<kml><Document>");
                for (int i = 0; i < n; i++) {
                    sb.append("<Placemark><name>x with some padding to make it larger</name><Point><coordinates>"
                            + "44.1,33.2</coordinates></Point></Placemark>\n");
                }
                sb.append("</Document></kml>");
            }
            case CSV -> {
                sb.append("id,title,when,lat,lon\n");
                for (int i = 0; i < n; i++) {
                    sb.append("r").append(i).append(",A title with some padding to grow the file,2021-06-06,33.2,44.1\n");
                }
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (format != Format.KMZ) {
            return bytes;
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.setLevel(0); // no compression, so the zip itself is large enough to be cancelled mid-way
            zip.putNextEntry(new ZipEntry("doc.kml"));
            zip.write(bytes);
            zip.closeEntry();
        }
        return zipped.toByteArray();
    }
}
