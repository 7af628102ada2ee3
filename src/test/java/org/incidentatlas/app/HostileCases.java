package org.incidentatlas.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The hostile-input corpus: the committed files under {@code src/test/resources/hostile/} and the cases made at
 * test time (too big to commit, or not files at all), each with its expected outcome from {@code EXPECTED.tsv}.
 */
final class HostileCases {
    static final Path DIR = Path.of("src", "test", "resources", "hostile");
    static final String GENERATED = "generated:";
    /** Generated cases that are not a file of JSON: nothing to copy over a watched file. */
    static final Set<String> REWRITTEN_WHILE_READ = Set.of(GENERATED + "rewritten-while-read.json");

    /**
     * One row of EXPECTED.tsv.
     *
     * @param name     a file name under {@link #DIR}, or {@code generated:NAME}
     * @param accepted whether the file loads
     * @param exit     the exit code of {@code --validate}: 0 valid, 1 items rejected, 2 the file refused
     * @param place    where the message points: {@code line:col} (a position in the text), {@code file} (the file
     *                 as a whole: it cannot be opened or is refused before reading) or {@code -} (accepted)
     * @param fragment text the report must contain
     * @param why      what the case is and why this is the right outcome
     */
    record Case(String name, boolean accepted, int exit, String place, String fragment, String why) {
        boolean generated() {
            return name.startsWith(GENERATED);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCases() {
    }

    static List<Case> all() {
        try {
            List<Case> out = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IllegalStateException("EXPECTED.tsv: 6 tab-separated columns needed: " + line);
                }
                if (!f[1].equals("accepted") && !f[1].equals("rejected")) {
                    throw new IllegalStateException("EXPECTED.tsv: outcome must be accepted or rejected: " + line);
                }
                out.add(new Case(f[0], f[1].equals("accepted"), Integer.parseInt(f[2]), f[3], f[4], f[5]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path to read for {@code c}, making it in {@code tmp} when it is generated. */
    static Path materialise(Case c, Path tmp) throws IOException, InterruptedException {
        if (!c.generated()) {
            return DIR.resolve(c.name());
        }
        String name = c.name().substring(GENERATED.length());
        Path p = tmp.resolve(name);
        if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return p;
        }
        switch (name) {
            case "huge-string-100mb.json" -> write(p, w -> {
                w.write("{\"format\":\"incident-atlas/1\",\"title\":\"");
                char[] chunk = new char[1 << 16];
                java.util.Arrays.fill(chunk, 'a');
                for (int i = 0; i < 100 * 16; i++) {
                    w.write(chunk);
                }
                w.write("\",\"categories\":[],\"places\":[],\"events\":[]}");
            });
            case "long-title-900k.json" -> write(p, w -> {
                w.write(head());
                w.write(",{\"id\":\"long\",\"title\":\"" + "word ".repeat(180_000) + "\",\"category\":\"attack\"}]}");
            });
            case "million-incidents-half-broken.json" -> write(p, w -> {
                w.write(head());
                for (int i = 0; i < 1_000_000; i++) {
                    w.write(i % 2 == 0 ? ",\n{\"id\":\"e" + i + "\",\"title\":\"t\",\"when\":\"2021-06-06\",\"category\":\"attack\"}"
                            : ",\n{\"id\":\"e" + i + "\",\"title\":\"t\",\"when\":\"2021-13\",\"category\":\"attack\"}");
                }
                w.write("]}\n");
            });
            case "dangling-related-50k.json" -> write(p, w -> {
                w.write(head());
                for (int i = 0; i < 50_000; i++) {
                    w.write(",\n{\"id\":\"e" + i + "\",\"title\":\"t\",\"category\":\"attack\",\"related\":[\"gone-" + i + "\"]}");
                }
                w.write("]}\n");
            });
            case "nesting-10000.json" -> write(p, w -> {
                w.write("{\"format\":\"incident-atlas/1\",\"x\":");
                w.write("[".repeat(10_000));
                w.write("]".repeat(10_000));
                w.write("}");
            });
            case "nesting-10000-objects.json" -> write(p, w -> {
                w.write("{\"format\":\"incident-atlas/1\",\"x\":");
                w.write("{\"a\":".repeat(10_000));
                w.write("1");
                w.write("}".repeat(10_000));
                w.write("}");
            });
            case "rewritten-while-read.json" -> write(p, w -> {
                w.write(head());
                for (int i = 0; i < 2_000; i++) {
                    w.write(",\n{\"id\":\"e" + i + "\",\"title\":\"An incident with a title of some length\","
                            + "\"when\":\"2021-06-06\",\"where\":\"baghdad\",\"category\":\"attack\"}");
                }
                w.write("]}\n");
            });
            case "too-big-for-memory.json" -> {
                // sparse: as long as the whole heap, yet no disk space is used and nothing is ever read
                try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                    f.setLength(Runtime.getRuntime().maxMemory());
                }
            }
            case "directory.json" -> Files.createDirectories(p);
            case "symlink-to-directory.json" -> Files.createSymbolicLink(p, Files.createDirectories(tmp.resolve("a-dir")));
            case "dangling-symlink.json" -> Files.createSymbolicLink(p, tmp.resolve("nothing-here"));
            case "missing.json" -> {
                return p; // never created
            }
            case "named-pipe.json" -> {
                Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
                if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
                    throw new IOException("mkfifo failed");
                }
            }
            case "no-permission.json" -> {
                Files.copy(DIR.resolve("utf8-bom.json"), p);
                Files.setPosixFilePermissions(p, Set.of());
            }
            case "dev-zero" -> {
                return Path.of("/dev/zero"); // endless bytes: must be refused, not read
            }
            case "proc-self-mem" -> {
                return Path.of("/proc/self/mem"); // a regular file whose every read fails (EIO), even for root
            }
            default -> throw new IllegalArgumentException("EXPECTED.tsv names an unknown generated case " + name);
        }
        return p;
    }

    /** A short valid file that a rewritten file becomes. */
    static byte[] shortReplacement() {
        return (head() + "]}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a valid file with one category, one place and one event; close with {@code "]}"}. */
    static String head() {
        return "{\"format\":\"incident-atlas/1\",\"title\":\"Generated\","
                + "\"categories\":[{\"id\":\"attack\",\"label\":\"Attack\"}],"
                + "\"places\":[{\"id\":\"baghdad\",\"name\":\"Baghdad\",\"lat\":33.3152,\"lon\":44.3661}],"
                + "\"events\":[{\"id\":\"ok-1\",\"title\":\"A good incident\",\"when\":\"2021-06-06\","
                + "\"where\":\"baghdad\",\"category\":\"attack\"}";
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path p, Body body) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            body.write(w);
        }
    }

    /**
     * A stream over {@code file} that, after handing out its first {@code firstChunk} bytes, rewrites the file in
     * place (same inode, truncated) with {@code replacement}: what a reader sees when an editor or a sync tool
     * saves the file while it is being read.
     */
    static InputStream rewrittenWhileRead(Path file, int firstChunk, byte[] replacement) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new java.io.FilterInputStream(in) {
            private long handed;
            private boolean rewritten;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (handed >= firstChunk && !rewritten) {
                    rewritten = true;
                    Files.write(file, replacement); // TRUNCATE_EXISTING: the open stream now reads the new bytes
                }
                int n = super.read(b, off, rewritten ? len : (int) Math.min(len, firstChunk - handed));
                if (n > 0) {
                    handed += n;
                }
                return n;
            }
        };
    }
}
