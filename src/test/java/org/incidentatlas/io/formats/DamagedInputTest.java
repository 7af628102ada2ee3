package org.incidentatlas.io.formats;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged copies of every sample file — cut short at many points, or with bytes overwritten — either load
 * (with problems) or fail as a whole with an {@link EventFileException}: never another exception.
 */
class DamagedInputTest {
    @ParameterizedTest
    @ValueSource(strings = {"acled-iraq.csv", "acled-iraq-old.csv", "acled-broken.csv", "generic.csv", "folders.kml",
            "usgs.geojson", "candidates.geojson", "timeline.json"})
    void damagedFilesLoadOrFailCleanly(String name) throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/formats/" + name)) {
            bytes = in.readAllBytes();
        }
        for (int cut = 0; cut < bytes.length; cut += 1 + bytes.length / 97) {
            readOrFail(name, Arrays.copyOf(bytes, cut));
        }
        byte[] noise = {'"', '{', '}', '<', '>', ',', '\n', '[', ']', ':', '0', '-', '/', '&', 'x'};
        for (int i = 0; i < bytes.length; i += 1 + bytes.length / 53) {
            byte[] copy = bytes.clone();
            copy[i] = noise[i % noise.length];
            readOrFail(name, copy);
        }
    }

    private static void readOrFail(String name, byte[] content) {
        try {
            Imported r = Formats.read(name, new ByteArrayInputStream(content), ImportOptions.DEFAULTS,
                    new EventFileReader());
            assertNotNull(r.result().catalog());
        } catch (EventFileException expected) {
            assertNotNull(expected.problem());
        } catch (RuntimeException e) {
            throw new AssertionError(name + " damaged to " + content.length + " bytes:\n"
                    + new String(content, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }
}
