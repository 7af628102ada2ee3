package org.incidentatlas.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Checks an events file before a single byte of it is parsed, so that the reader never blocks on a pipe or
 * device, never reads a directory, and never starts on a file too big for the memory it would need.
 *
 * <p>The memory estimate is deliberately simple: {@link #BYTES_OF_HEAP_PER_BYTE} bytes of heap per byte of
 * file (measured for the streaming reader), compared with {@link Runtime#maxMemory()}.
 */
public final class FilePreflight {
    /**
     * Heap needed per byte of input. A loaded catalog retains about 0.84 bytes of heap per byte of a generated file
     * (554 bytes per incident, 657 bytes of JSON each), and a load's live heap peaks near 1.1 (about 700 MB after a
     * collection for the 657 MB million, measured on 2026-11-29). A reload keeps the shown catalog until the new
     * one is ready, so the two add up to about 2; 3 leaves room for the rest of the app and for the collector.
     * (The whole-file tree reader of the first version needed 16–22.)
     */
    public static final long BYTES_OF_HEAP_PER_BYTE = 3;

    private FilePreflight() {
    }

    /** Checks {@code file} against the memory this JVM may use; see {@link #check(Path, long)}. */
    public static void check(Path file) throws EventFileException {
        check(file, Runtime.getRuntime().maxMemory());
    }

    /**
     * Refuses, with a message for people, a file that does not exist, is a directory, is not a regular file
     * (a named pipe, a device, a socket: reading those can block forever or never end), cannot be read, or is
     * larger than {@code maxMemory} can hold once read.
     *
     * @throws EventFileException naming the file and why it is refused
     */
    public static void check(Path file, long maxMemory) throws EventFileException {
        String name = file.toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class); // follows links, as reading does
        } catch (java.nio.file.NoSuchFileException e) {
            throw refuse(name, Files.isSymbolicLink(file) ? "no such file (the link points to nothing)" : "no such file");
        } catch (IOException e) {
            throw refuse(name, "cannot read the file: " + e.getMessage());
        }
        if (attrs.isDirectory()) {
            throw refuse(name, "this is a directory, not an events file; choose a .json file inside it");
        }
        if (!attrs.isRegularFile()) {
            throw refuse(name, "this is not a regular file (a pipe, device or socket); only ordinary files are read");
        }
        if (!Files.isReadable(file)) {
            throw refuse(name, "permission denied: the file cannot be read");
        }
        long size = attrs.size();
        if (size > maxMemory / BYTES_OF_HEAP_PER_BYTE) {
            throw refuse(name, String.format(Locale.ROOT, "the file is too big for the memory available: it is %s, "
                    + "reading it needs about %s, and at most %s may be used (start Java with a larger -Xmx)",
                    megabytes(size), megabytes(size > Long.MAX_VALUE / BYTES_OF_HEAP_PER_BYTE ? Long.MAX_VALUE
                            : size * BYTES_OF_HEAP_PER_BYTE), megabytes(maxMemory)));
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }

    private static EventFileException refuse(String name, String message) {
        return new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0, message), null);
    }
}
