package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @Test
    void parsesTheModes() {
        CommandLine none = CommandLine.parse(new String[0]);
        assertEquals(CommandLine.Mode.WINDOW, none.mode());
        assertEquals(Path.of("data", "events.json"), none.fileOrDefault());
        assertEquals(Path.of("x.json"), CommandLine.parse(new String[] {"x.json"}).file());
        CommandLine v = CommandLine.parse(new String[] {"--validate", "x.json"});
        assertEquals(CommandLine.Mode.VALIDATE, v.mode());
        CommandLine s = CommandLine.parse(new String[] {"--screenshot", "o.png", "--select", "id1", "x.json"});
        assertEquals(CommandLine.Mode.SCREENSHOT, s.mode());
        assertEquals(Path.of("o.png"), s.screenshot());
        assertEquals("id1", s.select());
        assertEquals(Path.of("x.json"), s.file());
        assertNull(CommandLine.parse(new String[] {"--screenshot", "o.png"}).file());
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--validate"}));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--frobnicate"}));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"a.json", "b.json"}));
        assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--validate", "a.json", "--screenshot", "o.png"}));
    }

    @Test
    void validateExitCodes(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertEquals(0, ValidateCommand.run(Path.of("data", "events.json"), out));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("7 incidents loaded"), buf::toString);

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"incident-atlas/1\",\"categories\":[{\"id\":\"c\",\"label\":\"C\"}],\n"
                + "\"events\":[{\"id\":\"a\",\"title\":\"A\",\"category\":\"c\",\"when\":\"2021-13\"}]}");
        buf.reset();
        assertEquals(1, ValidateCommand.run(bad, out));
        String report = buf.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("bad.json:2:61 $.events[0].when: error:"), report);

        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "hello");
        buf.reset();
        assertEquals(2, ValidateCommand.run(notJson, out));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("1:1"), buf::toString);
        assertEquals(2, ValidateCommand.run(dir.resolve("missing.json"), out));
    }
    @Test
    void parsesAView() {
        CommandLine v = CommandLine.parse(new String[] {"--screenshot", "o.png", "--map", "33.3,44.4,9"});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {33.3, 44.4, 9}, v.view());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--map", "33,44"}));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--map", "33,44,30"}));
        assertEquals(Path.of("v.json"), CommandLine.parse(new String[] {"--view", "v.json"}).viewFile());
    }

    @Test
    void parsesAWindow() {
        CommandLine w = CommandLine.parse(new String[] {"--window", "2021-06-05/2021-06-06T12:00Z"});
        assertEquals(java.time.Instant.parse("2021-06-05T00:00:00Z"), w.window()[0]);
        assertEquals(java.time.Instant.parse("2021-06-06T12:00:00Z"), w.window()[1]);
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--window", "2021/2020"}));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--window", "x/y"}));
    }
}
