package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedViewTest {
    @Test
    void roundTripsAndWritesAtomically(@TempDir Path dir) throws IOException {
        SavedView v = new SavedView(dir.resolve("events.json"), Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-02-01T00:00:00Z"), "SLIDING", "2020-01-al-asad-missiles", List.of("statement"),
                List.of("Baghdad"), "missile", true, 33.7, 42.4, 9.0);
        Path target = dir.resolve("view.json");
        v.write(target);
        assertEquals(v.toString(), SavedView.read(target).toString());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(".view")).count() + 1,
                    "no temporary file left behind");
        }
    }

    @Test
    void refusesWhatIsNotAView(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"format\": \"incident-atlas/1\"}");
        IOException e = assertThrows(IOException.class, () -> SavedView.read(f));
        assertTrue(e.getMessage().contains("not a view file"), e.getMessage());
        Files.writeString(f, "{\n \"format\": ");
        IOException e2 = assertThrows(IOException.class, () -> SavedView.read(f));
        assertTrue(e2.getMessage().contains(":2:"), e2.getMessage());
    }
}
