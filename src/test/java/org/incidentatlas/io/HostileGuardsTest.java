package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge guards: the size check before reading, and the neutralising of control and bidi characters. */
class HostileGuardsTest {
    @Test
    void aFileBiggerThanTheMemoryItNeedsIsRefusedBeforeReadingWithTheSizesInTheMessage(@TempDir Path dir)
            throws Exception {
        Path f = Files.write(dir.resolve("events.json"), new byte[10_000]);
        long enough = 10_000 * FilePreflight.BYTES_OF_HEAP_PER_BYTE;
        assertDoesNotThrow(() -> FilePreflight.check(f, enough));
        EventFileException e = assertThrows(EventFileException.class, () -> FilePreflight.check(f, enough - 1));
        assertTrue(e.problem().message().startsWith("the file is too big for the memory available"),
                e.problem().message());
        assertTrue(e.problem().message().contains("-Xmx"), "says what to do");
        assertEquals("$", e.problem().path());
    }

    @Test
    void aTooBigFileIsRefusedByTheReaderBeforeAnyByteIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sparse.json");
        try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(Runtime.getRuntime().maxMemory()); // sparse: takes no disk space
        }
        EventFileException e = assertThrows(EventFileException.class, () -> new EventFileReader().read(f));
        assertTrue(e.problem().message().contains("too big for the memory"), e.problem().message());
    }

    @Test
    void cleanLeavesOrdinaryTextUntouchedIncludingArabicAndItsMarks() {
        String s = "قاعدة عين الأسد\u200F — Al-Asad, 33.78° N\ttab\nline 👩‍👩‍👧";
        assertSame(s, SafeText.clean(s));
    }

    @Test
    void cleanRemovesControlAndBidiOverrideCharactersAndRepairsLoneSurrogates() {
        assertEquals("Report gnp.exe on isolate", SafeText.clean("Report \u202Egnp.exe\u202C on \u2066isolate\u2069"));
        assertEquals("Alarm [31mred", SafeText.clean("Alarm\u0007 \u001b[31mred\u0000\u009b"));
        assertEquals("a\uFFFDb\uFFFD", SafeText.clean("a\uD800b\uDC00"));
        assertEquals("\uD83D\uDE00", SafeText.clean("\uD83D\uDE00"));
    }

    @Test
    void forTerminalEscapesWhatCouldDriveATerminal() {
        assertEquals("x\\u001b[2Jy\\u202ez\\u000a", SafeText.forTerminal("x\u001b[2Jy\u202Ez\n"));
    }
}
