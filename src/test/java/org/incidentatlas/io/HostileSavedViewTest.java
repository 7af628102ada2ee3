package org.incidentatlas.io;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved view may come from someone else (`--view FILE`, File ▸ Open View…): it is untrusted input too. */
class HostileSavedViewTest {
    @TempDir
    Path dir;

    private IOException refused(Path p) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IOException.class,
                () -> SavedView.read(p)));
    }

    @Test
    void aPipeADirectoryAndAHugeFileAreRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("view.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        assertTrue(refused(fifo).getMessage().contains("not a regular file"));
        assertTrue(refused(Files.createDirectory(dir.resolve("d.json"))).getMessage().contains("directory"));
        Path huge = dir.resolve("huge.json");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L << 20);
        }
        assertTrue(refused(huge).getMessage().contains("not a view file"));
    }

    @Test
    void brokenOrDeepOrForeignJsonIsRefusedWithAMessage() throws Exception {
        for (String text : new String[] {"", "{", "[".repeat(100_000), "{\"format\":\"incident-atlas/1\"}",
                "{\"format\":\"incident-atlas-view/1\",\"window\":{\"start\":\"yesterday\",\"end\":\"now\"}}"}) {
            Path p = Files.writeString(dir.resolve("v.json"), text);
            IOException e = refused(p);
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        }
    }

    @Test
    void aMapPositionOutsideTheWorldIsDropped() throws Exception {
        for (String map : new String[] {"{\"lat\":1000,\"lon\":0,\"zoom\":5}", "{\"lat\":0,\"lon\":0,\"zoom\":1e308}",
                "{\"lat\":\"33\",\"lon\":44,\"zoom\":5}", "{\"lat\":0,\"lon\":-999,\"zoom\":5}"}) {
            Path p = Files.writeString(dir.resolve("v.json"), "{\"format\":\"incident-atlas-view/1\",\"map\":" + map + "}");
            SavedView v = SavedView.read(p);
            assertNull(v.mapLat(), map);
            assertNull(v.mapZoom(), map);
        }
    }
}
