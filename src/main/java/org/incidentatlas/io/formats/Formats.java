package org.incidentatlas.io.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.IncidentCatalog;

/**
 * The one entry point for reading and writing every supported format. Reading picks the importer by content
 * (the first bytes: zip magic, an XML root, a JSON object's keys, a CSV header), using the file name's
 * extension only to break ties; the native format goes to {@link EventFileReader}. Stateless and thread-safe:
 * call from any background thread. Never writes to a file it reads.
 */
public final class Formats {
    /** How much of the start of a file is looked at to recognise it. */
    static final int SNIFF_BYTES = 64 * 1024;
    private static final java.util.regex.Pattern GEOJSON_TYPE =
            java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"(FeatureCollection|Feature)\"");
    private static final java.util.regex.Pattern TIMELINE_ERAS = java.util.regex.Pattern.compile("\"eras\"\\s*:");

    private Formats() {
    }

    /**
     * Reads {@code file} in whatever supported format it is.
     *
     * @throws EventFileException when it cannot be read, is in no supported format, or is broken as a whole
     */
    public static Imported read(Path file) throws EventFileException {
        return read(file, ImportOptions.DEFAULTS);
    }

    /** As {@link #read(Path)}, with choices the importers would otherwise guess. */
    public static Imported read(Path file, ImportOptions options) throws EventFileException {
        return read(file, options, new EventFileReader(), null, null);
    }

    /**
     * As {@link #read(Path, ImportOptions)}, for the app's file loading: {@code progress} (when not null) hears how
     * many bytes have been read, from the reading threads, and the read stops with an {@link EventFileException}
     * caused by {@link org.incidentatlas.io.ProgressInputStream.Cancelled} once {@code cancelled} (when not null)
     * says so. An events file is read by {@code nativeReader} as a file, which lets it use two threads.
     */
    public static Imported read(Path file, ImportOptions options, EventFileReader nativeReader,
                                java.util.function.LongConsumer progress,
                                java.util.function.BooleanSupplier cancelled) throws EventFileException {
        String name = file.toString();
        org.incidentatlas.io.FilePreflight.check(file); // no pipes, directories or files too big, before reading
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_BYTES);
            }
            Format format = options.format() != null ? options.format() : sniff(name, head);
            if (format == Format.NATIVE) {
                return new Imported(nativeReader.read(file, progress, cancelled), Format.NATIVE, java.util.List.of());
            }
            try (InputStream in = new org.incidentatlas.io.ProgressInputStream(
                    new BufferedInputStream(Files.newInputStream(file)), progress == null ? n -> { } : progress,
                    cancelled == null ? () -> false : cancelled)) {
                return read(name, in, options, nativeReader);
            }
        } catch (NoSuchFileException e) {
            throw new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0, "no such file"), e);
        } catch (EventFileException e) {
            throw e;
        } catch (IOException e) {
            throw new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
    }

    /**
     * Reads a document of any supported format from {@code in} for the app's file loading: the drop-in for
     * {@link EventFileReader#read(String, InputStream)}.
     *
     * @param sourceName   the file name (its extension breaks ties) used in messages
     * @param nativeReader reads the native format
     */
    public static LoadResult read(String sourceName, InputStream in, EventFileReader nativeReader)
            throws EventFileException {
        return read(sourceName, in, ImportOptions.DEFAULTS, nativeReader).result();
    }

    /**
     * Reads a document of any supported format from {@code in}.
     *
     * @throws EventFileException when it is in no supported format or broken as a whole; an {@link IOException}
     *                            of the stream (such as a cancelled read) is its cause
     */
    public static Imported read(String sourceName, InputStream in, ImportOptions options,
                                EventFileReader nativeReader) throws EventFileException {
        BufferedInputStream buf = new BufferedInputStream(in, SNIFF_BYTES + 8);
        byte[] head;
        try {
            buf.mark(SNIFF_BYTES + 8);
            head = buf.readNBytes(SNIFF_BYTES);
            buf.reset();
        } catch (IOException e) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
        Format format = options.format() != null ? options.format() : sniff(sourceName, head);
        if (format == null) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$", 1, 1,
                    "not a format Incident Atlas reads: expected an events file (JSON), GeoJSON, KML/KMZ, "
                            + "TimelineJS JSON or CSV with a header row"), null);
        }
        return switch (format) {
            case NATIVE -> new Imported(nativeReader.read(sourceName, buf), Format.NATIVE, java.util.List.of());
            case GEOJSON -> new GeoJsonImporter(sourceName, options).read(buf);
            case TIMELINEJS -> new TimelineJsImporter(sourceName).read(buf);
            case KML -> new KmlImporter(sourceName).read(buf);
            case KMZ -> new KmlImporter(sourceName).readKmz(buf);
            case CSV -> readCsv(sourceName, buf, head, options);
        };
    }

    private static Imported readCsv(String sourceName, InputStream in, byte[] head, ImportOptions options)
            throws EventFileException {
        java.nio.charset.Charset charset = isUtf8(head) ? StandardCharsets.UTF_8
                : java.nio.charset.Charset.forName("windows-1252");
        String start = new String(head, charset);
        int nl = start.indexOf('\n');
        char delimiter = sourceName.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t'
                : Csv.guessDelimiter(nl < 0 ? start : start.substring(0, nl));
        try {
            Reader reader = new InputStreamReader(in, charset);
            return new CsvImporter(sourceName, options).read(reader, delimiter,
                    charset == StandardCharsets.UTF_8 ? null : "the file is not UTF-8; it was read as Windows-1252 "
                            + "(as spreadsheet programs often save CSV). Save it as UTF-8 if characters look wrong");
        } catch (IOException e) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
    }

    /** Whether {@code head} (the start of a file, perhaps cut inside a character) is valid UTF-8. */
    static boolean isUtf8(byte[] head) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        var out = java.nio.CharBuffer.allocate(head.length + 1);
        return !decoder.decode(java.nio.ByteBuffer.wrap(head), out, false).isError();
    }

    /**
     * The format of a document that starts with {@code head}, or {@code null} when it is in none.
     *
     * @param sourceName a file name; its extension decides only where the content does not
     */
    public static Format sniff(String sourceName, byte[] head) {
        return sniffContent(sourceName, head);
    }

    /** Printable text: no control characters other than tab and carriage return, no replacement characters. */
    private static boolean isText(String line) {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if ((c < 0x20 && c != '\t' && c != '\r') || c == '\uFFFD') {
                return false;
            }
        }
        return true;
    }

    private static Format sniffContent(String sourceName, byte[] head) {
        Format byName = Format.byExtension(sourceName);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.KMZ;
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return Format.NATIVE; // UTF-16 with a byte-order mark: JSON, which the events reader decodes
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i == text.length()) {
            return byName == Format.KMZ ? Format.KML : byName == null ? Format.NATIVE : byName;
        }
        char first = text.charAt(i);
        if (first == '<') {
            return Format.KML;
        }
        if (first == '{' || first == '[') {
            if (text.contains("\"incident-atlas/")) {
                return Format.NATIVE;
            }
            if (GEOJSON_TYPE.matcher(text).find()) {
                return Format.GEOJSON;
            }
            if (text.contains("\"start_date\"") || TIMELINE_ERAS.matcher(text).find()) {
                return Format.TIMELINEJS;
            }
            return byName == Format.GEOJSON ? Format.GEOJSON : Format.NATIVE;
        }
        int nl = text.indexOf('\n');
        String firstLine = nl < 0 ? text : text.substring(0, nl);
        boolean delimited = firstLine.indexOf(',') >= 0 || firstLine.indexOf(';') >= 0 || firstLine.indexOf('\t') >= 0;
        if (byName == Format.CSV || (delimited && byName == null && isText(firstLine))) {
            return Format.CSV;
        }
        if (byName == Format.NATIVE || byName == Format.GEOJSON || byName == Format.TIMELINEJS) {
            // a .json file that starts like no known format: the events reader says precisely what is wrong
            // (a bare string, a comment, binary bytes) with line and column
            return Format.NATIVE;
        }
        return null;
    }

    /**
     * Writes {@code catalog} to {@code out} in {@code format}: to a temporary file beside it, then moved into
     * place (atomically where the file system can), so a failed export never leaves half a file.
     *
     * @throws IllegalArgumentException when {@code format} cannot be written
     */
    public static void write(IncidentCatalog catalog, Format format, Path out) throws IOException {
        if (!format.writable()) {
            throw new IllegalArgumentException(format.label() + " cannot be written; write one of native, geojson, "
                    + "kml or csv");
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                switch (format) {
                    case NATIVE -> NativeWriter.write(catalog, os);
                    case GEOJSON -> GeoJsonWriter.write(catalog, os);
                    case KML -> KmlWriter.write(catalog, os);
                    case CSV -> CsvWriter.write(catalog, os);
                    default -> throw new IllegalStateException(format.name());
                }
            }
            try {
                Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The property names of the first {@code maxFeatures} features of a GeoJSON file, sorted: the choices for
     * its time property in the import options. Empty when the file cannot be read as GeoJSON.
     */
    public static java.util.List<String> geoJsonPropertyNames(Path file, int maxFeatures) {
        return GeoJsonImporter.propertyNames(file, maxFeatures);
    }
}
