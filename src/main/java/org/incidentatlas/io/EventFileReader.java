package org.incidentatlas.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.EdtfException;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.IncidentStore;
import org.incidentatlas.model.Narrative;
import org.incidentatlas.model.NarrativeStep;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.Source;
import org.incidentatlas.model.TimeExtent;

/**
 * Reads an Incident Atlas events file (format {@code incident-atlas/1}, see {@code docs/event-format.md}).
 *
 * <p>A bad category, place, incident or narrative is skipped and reported as a {@link Problem} with its JSON
 * path and line:column; the rest loads. A narrative step that names no loaded incident is dropped with a
 * warning. A file that cannot be read or is not JSON throws {@link EventFileException}.
 * Never writes to the file. Stateless and thread-safe: call from any background thread.
 */
public final class EventFileReader {
    /** The format identifier this reader understands. */
    public static final String FORMAT = "incident-atlas/1";

    private final JsonFactory factory;
    /** Read and check incidents in two threads (multi-core machines); tests compare both ways. */
    final boolean twoThreads;
    /** Files from this size on are read by two threads, each from one half (tests lower it). */
    long splitFrom = 1 << 20;
    /** How many reads joined a second reader's half (tests check that a split happened). */
    final java.util.concurrent.atomic.AtomicInteger splitsJoined = new java.util.concurrent.atomic.AtomicInteger();
    /** How many texts were kept from the file's bytes without being decoded (tests check that it happens). */
    final java.util.concurrent.atomic.AtomicLong textsInPlace = new java.util.concurrent.atomic.AtomicLong();

    public EventFileReader() {
        this(Runtime.getRuntime().availableProcessors() >= 2);
    }

    EventFileReader(boolean twoThreads) {
        this.twoThreads = twoThreads;
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1_000_000)
                        .maxNumberLength(64)
                        .build())
                // Jackson's port of Lemire's parser: coordinates were ~4 % of a load through Double.parseDouble
                .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
        // Duplicate names are detected by Node, more cheaply than the parser's own detector.
    }

    /**
     * Reads {@code file}.
     *
     * @throws EventFileException when the file is missing, unreadable, not JSON, or not an events file
     */
    public LoadResult read(Path file) throws EventFileException {
        return read(file, null, null);
    }

    /**
     * Reads {@code file}, telling {@code progress} (when not null, from the reading threads) how many of its bytes
     * have been read so far, and stopping with an {@link EventFileException} caused by
     * {@link ProgressInputStream.Cancelled} once {@code cancelled} (when not null) says so.
     *
     * <p>Reading a file rather than a stream lets the reader go back to an incident's bytes, so incidents are
     * read straight from the parser's tokens (see {@link DirectIncident}), and a big file is read by two threads,
     * each from one half (see {@link Split}).
     *
     * @throws EventFileException when the file is missing, unreadable, not JSON, or not an events file
     */
    public LoadResult read(Path file, java.util.function.LongConsumer progress,
                           java.util.function.BooleanSupplier cancelled) throws EventFileException {
        String name = file.toString();
        FilePreflight.check(file); // no pipes, directories or files too big to hold, before any byte is read
        try (FileBytes bytes = new FileBytes(file)) {
            ReadProgress counted = new ReadProgress(progress, cancelled);
            return read(name, new RecentBytes(counted.part().wrap(bytes.from(0))),
                    new Direct(bytes, factory, counted, splitFrom, splitsJoined, textsInPlace));
        } catch (NoSuchFileException e) {
            throw new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "no such file"), e);
        } catch (EventFileException e) {
            throw e;
        } catch (IOException e) {
            throw new EventFileException(name, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
    }

    /**
     * Reads an events document from {@code in} (UTF-8). {@code sourceName} names it in messages.
     *
     * @throws EventFileException when it is not JSON or not an events file
     */
    public LoadResult read(String sourceName, InputStream in) throws EventFileException {
        return read(sourceName, in, null);
    }

    private LoadResult read(String sourceName, InputStream in, Direct given) throws EventFileException {
        try (JsonParser parser = factory.createParser(in)) {
            // reading directly counts in bytes: files in UTF-16 or UTF-32 (read through a Reader) are read as a stream
            Direct direct = parser instanceof com.fasterxml.jackson.core.json.UTF8StreamJsonParser ? given : null;
            try {
                return new Validation(sourceName, parser, twoThreads, direct, 0).run();
            } catch (JsonProcessingException e) {
                // a StreamReadConstraints violation carries no location: take the parser's
                throw e.getLocation() != null ? e : new JsonProcessingException(e.getOriginalMessage(),
                        parser.currentLocation(), e) {
                    private static final long serialVersionUID = 1L;
                };
            }
        } catch (EventFileException e) {
            throw e;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$",
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$", 0, 0,
                    "cannot read the file: " + e.getMessage()), e);
        }
    }

    /**
     * One pass over one document. The top-level sections other than {@code events} are small and are read whole;
     * {@code events} is streamed: each incident is read into a {@link Node}, validated and dropped. An incident
     * that names a category or place whose section comes later in the file waits (as its Node) until the end.
     */
    private static final class Validation {
        private static final LocatedPath EVENTS = LocatedPath.ROOT.child("events");
        private final String sourceName;
        private final JsonParser parser;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Category> categories = new LinkedHashMap<>();
        private final Map<String, GeoLocation> places = new HashMap<>();
        private final Map<String, Node> sections = new HashMap<>();
        private final IncidentStore incidents = new IncidentStore();
        private final IdIndex ids = new IdIndex(incidents);
        /** Ids of skipped incidents and their paths, so that a narrative step can say its incident was skipped. */
        private final Map<String, String> skippedIds = new HashMap<>();
        /** Incidents with related ids: where their {@code related} array is, checked once all ids are known. */
        private final List<RelatedCheck> relatedChecks = new ArrayList<>();
        /** Incidents (with their index in {@code events}) that name a category or place not read yet. */
        private final List<Object[]> waiting = new ArrayList<>();
        /** Parsed dates by their text, for the short forms that repeat (days, months, years): stored once. */
        private final Map<String, TimeExtent> dates = new HashMap<>();
        /** The same for plain dates, by {@link #plainDateKey}. */
        private final PlainDates plainDates = new PlainDates();
        private final boolean twoThreads;
        private boolean categoriesDone;
        private boolean placesDone;
        private int rejected;
        /** The top-level field names read so far. */
        private final Set<String> rootNames = new HashSet<>();
        /**
         * The file being read, when the reader can go back to its bytes (else {@code null}): then incidents are
         * read {@link DirectIncident directly}, and one that needs the checked path is read again from its bytes.
         */
        private final Direct direct;
        /** The file offset of the parser's first byte (a split reader's parser starts mid-file, after a prefix). */
        private final long base;
        /** Set when a second reader read the rest of the document from {@code events}' middle on. */
        private boolean restReadBySplit;
        /** Where this reader's first incident starts, in its own parser's lines and columns (for a split). */
        private int firstLine;
        private int firstColumn;
        /** Set by the first reader when it no longer wants this (second) reader's work. */
        private volatile boolean abandoned;

        Validation(String sourceName, JsonParser parser, boolean twoThreads) {
            this(sourceName, parser, twoThreads, null, 0);
        }

        Validation(String sourceName, JsonParser parser, boolean twoThreads, Direct direct, long base) {
            this.sourceName = sourceName;
            this.parser = parser;
            this.twoThreads = twoThreads;
            this.direct = direct;
            this.base = base;
        }

        LoadResult run() throws IOException, EventFileException {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "the file is empty: expected a JSON object");
            }
            if (t != JsonToken.START_OBJECT) {
                Node root = Node.read(parser, t);
                requireEnd();
                throw fatal(LocatedPath.ROOT, root,
                        "expected a JSON object with \"format\", \"categories\", \"places\" and "
                        + "\"events\", found " + Node.kind(root));
            }
            Node root = Node.at(parser.currentTokenLocation().getLineNr(),
                    parser.currentTokenLocation().getColumnNr());
            readFields();
            if (!restReadBySplit) {
                requireEnd();
            }
            if (!sections.containsKey("format")) {
                warn(LocatedPath.ROOT, root, "no \"format\" field; reading as " + FORMAT);
            }
            String title = optText(sectionsNode(root), LocatedPath.ROOT, "title");
            readCategoriesAndPlaces();
            Node events = sections.get("events");
            if (events != null && !events.isArray()) {
                arrayOrEmpty(sectionsNode(root), LocatedPath.ROOT, "events"); // says so
            }
            for (Object[] w : waiting) {
                accept((Node) w[0], (Integer) w[1]);
            }
            waiting.clear();
            checkRelated();
            List<Narrative> narratives = readNarratives(arrayOrEmpty(sectionsNode(root), LocatedPath.ROOT,
                    "narratives"));
            IncidentCatalog catalog = new IncidentCatalog(title, List.copyOf(categories.values()), incidents,
                    narratives);
            problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return new LoadResult(sourceName, catalog, problems, rejected);
        }

        /** Reads the top-level fields up to the document's closing brace (or until a split reader read the rest). */
        private void readFields() throws IOException, EventFileException {
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!rootNames.add(name)) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, "Duplicate field '" + name + "'");
                }
                JsonToken v = parser.nextToken();
                if (name.equals("events") && v == JsonToken.START_ARRAY) {
                    readCategoriesAndPlaces();
                    streamEvents();
                    sections.put(name, Node.emptyArray());
                    if (restReadBySplit) {
                        return;
                    }
                } else {
                    Node value = Node.read(parser, v);
                    sections.put(name, value);
                    if (name.equals("format")) {
                        checkFormat(value);
                    }
                }
            }
        }

        private void requireEnd() throws IOException {
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "unexpected content after the end of the top-level value (" + extra.asString() + ")");
            }
        }

        private Node sectionsRoot;

        /** The top-level fields read whole, as one object node located at the document's start. */
        private Node sectionsNode(Node root) {
            if (sectionsRoot == null) {
                sectionsRoot = Node.objectOf(root, sections);
            }
            return sectionsRoot;
        }

        private void checkFormat(Node format) throws EventFileException {
            if (!format.isTextual() || !FORMAT.equals(format.asText())) {
                throw fatal(LocatedPath.ROOT.child("format"), format, "unsupported format " + format
                        + "; expected \"" + FORMAT + "\"");
            }
        }

        private void readCategoriesAndPlaces() {
            if (!categoriesDone && sections.containsKey("categories")) {
                categoriesDone = true;
                readCategories(arrayOrEmpty(sections, "categories"));
            }
            if (!placesDone && sections.containsKey("places")) {
                placesDone = true;
                readPlaces(arrayOrEmpty(sections, "places"));
            }
        }

        /**
         * Streams {@code $.events}. On a machine with more than one core, reading (JSON to {@link Node}) and
         * checking (Node to an incident packed into the {@link IncidentStore}) run in two threads joined by a small
         * queue of batches, which keeps incidents in file order; the reading thread is the caller's, so JSON errors
         * and Cancel surface as before.
         */
        private void streamEvents() throws IOException {
            if (direct != null) {
                streamDirect();
                return;
            }
            if (!twoThreads) {
                int i = 0;
                JsonToken t;
                while ((t = nextElement()) != JsonToken.END_ARRAY) {
                    check(Node.read(parser, t), i++);
                }
                return;
            }
            java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
            java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread checker = new Thread(() -> {
                try {
                    for (Batch b = queue.take(); b != Batch.END; b = queue.take()) {
                        if (failure.get() == null) {
                            try {
                                for (int k = 0; k < b.count; k++) {
                                    check(b.nodes[k], b.first + k);
                                }
                            } catch (RuntimeException | Error e) {
                                failure.set(e); // keep draining so that the reader never blocks
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "incident-atlas-check-events");
            checker.setDaemon(true);
            checker.start();
            boolean finished = false;
            try {
                int i = 0;
                Batch batch = new Batch(0);
                JsonToken t;
                while ((t = nextElement()) != JsonToken.END_ARRAY) {
                    batch.nodes[batch.count++] = Node.read(parser, t);
                    i++;
                    if (batch.count == Batch.SIZE) {
                        queue.put(batch);
                        batch = new Batch(i);
                        incidents.prepareChunk(); // this thread has time to spare; the checking thread has not
                    }
                }
                queue.put(batch);
                queue.put(Batch.END);
                checker.join();
                finished = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("reading interrupted");
            } finally {
                if (!finished) {
                    checker.interrupt();
                }
            }
            Throwable f = failure.get();
            if (f instanceof RuntimeException r) {
                throw r;
            } else if (f instanceof Error err) {
                throw err;
            }
        }

        /**
         * Streams {@code $.events} through {@link DirectIncident}, in this thread; an incident that needs the checked
         * path is read again from its bytes as a {@code Node}. In a big file on a multi-core machine, a second
         * reader starts at an incident near the file's middle and reads the rest of the document in another thread
         * (see {@link Split}); when this thread gets there it takes that reader's work in, or, if the guess was not
         * an incident's start or anything else went wrong there, carries on by itself.
         */
        private void streamDirect() throws IOException {
            // the stream remembers the bytes last read, so plain strings are kept from them rather than decoded
            RecentBytes raw = parser.getInputSource() instanceof RecentBytes r ? r : null;
            DirectIncident d = new DirectIncident(raw, new DirectIncident.Lookups() {
                @Override
                public Category category(String id) {
                    return categories.get(id);
                }

                @Override
                public GeoLocation place(String id) {
                    return places.get(id);
                }

                @Override
                public TimeExtent date(String text) {
                    return Validation.this.date(text);
                }
            });
            Split split = twoThreads && categoriesDone && placesDone ? Split.start(this) : null;
            try {
                int i = 0;
                long lastEnd = -1;
                JsonToken t;
                while ((t = nextElement()) != JsonToken.END_ARRAY) {
                    if (abandoned) {
                        throw new Abandoned();
                    }
                    if (i == 0) {
                        firstLine = Node.tokenLine(parser);
                        firstColumn = Node.tokenColumn(parser);
                    }
                    if (split != null && base + tokenOffset() > split.comma) {
                        // the first incident after the guessed comma: is it the second reader's first one?
                        boolean there = i > 0 && lastEnd <= split.comma;
                        Split s = split;
                        split = null;
                        if (there && s.takeOver(this, i, Node.tokenLine(parser), Node.tokenColumn(parser))) {
                            restReadBySplit = true;
                            return;
                        }
                        s.abandon();
                    }
                    if (t != JsonToken.START_OBJECT) {
                        check(Node.read(parser, t), i); // not an incident: the checks say what it is
                    } else if (d.read(parser) && !ids.contains(d.draft.idHash, d.idText)) {
                        ids.add(d.draft.idHash, incidents.size());
                        incidents.add(d.draft);
                        if (!d.draft.related.isEmpty()) {
                            relatedChecks.add(new RelatedCheck(d.draft.related, i, d.relatedLine, d.relatedColumn));
                        }
                    } else {
                        check(readAgain(d), i);
                    }
                    lastEnd = t == JsonToken.START_OBJECT ? base + d.end : Long.MAX_VALUE; // unknown: no split there
                    i++;
                }
            } finally {
                direct.textsInPlace.addAndGet(d.textsInPlace);
                if (split != null) {
                    split.abandon();
                }
            }
        }

        /** The byte offset of the current token, a brace or bracket. */
        private long tokenOffset() {
            return DirectIncident.tokenByteOffset(parser);
        }

        /** The incident {@code d} just passed over, read again from the file as a {@code Node} located in it. */
        private Node readAgain(DirectIncident d) throws IOException {
            byte[] bytes = direct.file.read(base + d.start, Math.toIntExact(d.end - d.start));
            try (JsonParser sub = direct.factory.createParser(bytes)) {
                JsonToken t = sub.nextToken();
                int rootColumn = Node.tokenColumn(sub);
                try {
                    return Node.read(sub, t).relocated(d.startLine, d.startColumn);
                } catch (JsonProcessingException e) {
                    // the bytes were read as JSON once already: a repeated field name; say where it is in the file
                    var loc = e.getLocation();
                    int line = loc == null ? 0 : loc.getLineNr() - 1 + d.startLine;
                    int column = loc == null ? 0 : loc.getLineNr() == 1
                            ? loc.getColumnNr() - rootColumn + d.startColumn : loc.getColumnNr();
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, e.getOriginalMessage(),
                            new com.fasterxml.jackson.core.JsonLocation(null, -1, line, column));
                }
            }
        }

        /**
         * The second reader's part, when it started at {@code $.events[firstElement]}: (line, column) is where
         * this reader found that incident. False, with nothing changed, when the two parts do not join as one
         * document would read: an id or a top-level field in both, or anything that second reader could not place.
         */
        private boolean join(Validation w, int firstElement, int line, int column) {
            if (!w.waiting.isEmpty()) {
                return false;
            }
            Set<String> later = new HashSet<>(w.sections.keySet());
            later.remove("events");
            for (String name : later) {
                if (rootNames.contains(name)) {
                    return false;
                }
            }
            int offset = incidents.size();
            if (!ids.absorb(w.ids, offset)) {
                return false;
            }
            incidents.append(w.incidents);
            rejected += w.rejected;
            int fl = w.firstLine;
            int fc = w.firstColumn;
            for (Problem q : w.problems) {
                problems.add(moved(q, firstElement, fl, fc, line, column));
            }
            for (RelatedCheck c : w.relatedChecks) {
                relatedChecks.add(new RelatedCheck(c.related(), c.element() + firstElement,
                        c.line() - fl + line, c.line() == fl ? c.column() - fc + column : c.column()));
            }
            w.skippedIds.forEach(skippedIds::putIfAbsent);
            for (String name : later) {
                rootNames.add(name);
                sections.put(name, w.sections.get(name).relocated(fl, fc, line, column));
            }
            return true;
        }

        /** {@code q} as the first reader would have said it: the incident's index and the place in the file. */
        private static Problem moved(Problem q, int firstElement, int fromLine, int fromColumn, int line,
                                     int column) {
            String path = q.path();
            String prefix = "$.events[";
            if (path.startsWith(prefix)) {
                int close = path.indexOf(']', prefix.length());
                int k = Integer.parseInt(path.substring(prefix.length(), close));
                path = prefix + (k + firstElement) + path.substring(close);
            }
            if (q.line() <= 0) {
                return new Problem(q.severity(), path, q.line(), q.column(), q.message());
            }
            int c = q.line() == fromLine ? q.column() - fromColumn + column : q.column();
            return new Problem(q.severity(), path, q.line() - fromLine + line, c, q.message());
        }

        /** The second reader's run: the rest of {@code events} and of the document, after its prefix. */
        private void readRest() throws IOException, EventFileException {
            parser.nextToken(); // the prefix: {"events":[
            parser.nextToken();
            parser.nextToken();
            rootNames.add("events");
            categoriesDone = true;
            placesDone = true;
            streamEvents();
            sections.put("events", Node.emptyArray());
            readFields();
            requireEnd();
        }

        private JsonToken nextElement() throws IOException {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "unexpected end of the file inside \"events\"");
            }
            return t;
        }

        private void check(Node e, int i) {
            if (mustWait(e)) {
                waiting.add(new Object[] {e, i});
            } else {
                accept(e, i);
            }
        }

        /** True when the incident names a category or place whose section has not been read yet. */
        private boolean mustWait(Node e) {
            if (!e.isObject()) {
                return false;
            }
            Node c = e.get("category");
            if (!categoriesDone && c != null && c.isTextual() && !categories.containsKey(c.asText().strip())) {
                return true;
            }
            Node w = e.get("where");
            return !placesDone && w != null && w.isTextual() && !places.containsKey(w.asText());
        }

        private void accept(Node e, int element) {
            LocatedPath path = EVENTS.child(element);
            try {
                Parsed inc = event(e, path);
                if (ids.contains(inc.id)) {
                    throw new Invalid(path.child("id"), e.get("id"),
                            "duplicate incident id \"" + inc.id + "\"");
                }
                ids.add(inc.id, incidents.size());
                incidents.add(inc.id, inc.title, inc.when, inc.where, inc.category, inc.summary, inc.outcome,
                        inc.sources, inc.tags, inc.related);
                if (!inc.related.isEmpty()) {
                    Node at = e.get("related");
                    relatedChecks.add(new RelatedCheck(inc.related, element, at.line, at.column));
                }
            } catch (Invalid ex) {
                rejected++;
                Node id = e.isObject() ? e.get("id") : null;
                if (id != null && id.isTextual()) {
                    skippedIds.putIfAbsent(SafeText.clean(id.asText()).strip(), path.toString());
                }
                add(Problem.Severity.ERROR, ex.path, ex.at, ex.getMessage() + "; incident skipped", ex.columnOffset);
            }
        }

        private void readCategories(Node arr) {
            for (int i = 0; i < arr.size(); i++) {
                LocatedPath path = LocatedPath.ROOT.child("categories").child(i);
                Node c = arr.get(i);
                try {
                    requireObject(c, path);
                    String id = reqText(c, path, "id");
                    String label = reqText(c, path, "label");
                    String color = optText(c, path, "color");
                    if (color != null && !isHexColour(color)) {
                        warn(path.child("color"), c.get("color"), "colour \"" + color
                                + "\" is not #rrggbb; a default colour is used");
                        color = null;
                    }
                    if (categories.containsKey(id)) {
                        throw new Invalid(path.child("id"), c.get("id"),
                                "duplicate category id \"" + id + "\"");
                    }
                    categories.put(id, new Category(id, label, color));
                } catch (Invalid e) {
                    error(e.path, e.at, e.getMessage() + "; category skipped");
                }
            }
        }

        private static boolean isHexColour(String s) {
            if (s.length() != 7 || s.charAt(0) != '#') {
                return false;
            }
            for (int i = 1; i < 7; i++) {
                if (Character.digit(s.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void readPlaces(Node arr) {
            for (int i = 0; i < arr.size(); i++) {
                LocatedPath path = LocatedPath.ROOT.child("places").child(i);
                try {
                    Node p = arr.get(i);
                    requireObject(p, path);
                    String id = reqText(p, path, "id");
                    if (places.containsKey(id)) {
                        throw new Invalid(path.child("id"), p.get("id"),
                                "duplicate place id \"" + id + "\"");
                    }
                    places.put(id, place(p, path, id));
                } catch (Invalid e) {
                    error(e.path, e.at, e.getMessage() + "; place skipped (incidents that use it will be skipped too)");
                }
            }
        }

        private GeoLocation place(Node p, LocatedPath path, String id) throws Invalid {
            String name = reqText(p, path, "name");
            double lat = number(p, path, "lat", -90, 90);
            double lon = number(p, path, "lon", -180, 180);
            String precisionText = optText(p, path, "precision");
            PlacePrecision precision = PlacePrecision.SITE;
            if (precisionText != null) {
                try {
                    precision = PlacePrecision.parse(precisionText);
                } catch (IllegalArgumentException e) {
                    throw new Invalid(path.child("precision"), p.get("precision"), e.getMessage());
                }
            }
            Double uncertainty = null;
            if (p.hasNonNull("uncertaintyKm")) {
                uncertainty = number(p, path, "uncertaintyKm", 0, 40_075);
            }
            return new GeoLocation(id, name, lat, lon, optText(p, path, "admin1"), optText(p, path, "country"),
                    precision, uncertainty);
        }

        /** An incident's checked values, before they are packed into the store. */
        private record Parsed(String id, String title, TimeExtent when, GeoLocation where, Category category,
                              String summary, Outcome outcome, List<Source> sources, List<String> tags,
                              List<String> related) {
        }

        private Parsed event(Node e, LocatedPath path) throws Invalid {
            requireObject(e, path);
            String id = reqText(e, path, "id");
            String title = reqText(e, path, "title");
            String catId = reqText(e, path, "category");
            Category category = categories.get(catId);
            if (category == null) {
                throw new Invalid(path.child("category"), e.get("category"), "unknown category \""
                        + catId + "\"; expected one of " + categories.keySet());
            }
            TimeExtent when = null;
            String whenText = optText(e, path, "when");
            if (whenText != null) {
                try {
                    when = date(whenText);
                } catch (EdtfException ex) {
                    // point at the offending character inside the string (after its opening quote)
                    throw new Invalid(path.child("when"), e.get("when"), ex.getMessage(),
                            1 + Math.max(0, ex.position()));
                }
            }
            GeoLocation where = null;
            Node w = e.get("where");
            LocatedPath wherePath = path.child("where");
            if (w != null && !w.isNull()) {
                if (w.isTextual()) {
                    where = places.get(w.asText());
                    if (where == null) {
                        throw new Invalid(wherePath, w, "unknown place \"" + w.asText()
                                + "\"; expected a place id from $.places or an inline place object");
                    }
                } else if (w.isObject()) {
                    where = place(w, wherePath, null);
                } else {
                    throw new Invalid(wherePath, w, "expected a place id (string) or a place object, found "
                            + Node.kind(w));
                }
            }
            Outcome outcome = null;
            Node o = e.get("outcome");
            if (o != null && !o.isNull()) {
                LocatedPath op = path.child("outcome");
                requireObject(o, op);
                outcome = new Outcome(count(o, op, "killed"), count(o, op, "injured"), optText(o, op, "damage"));
            }
            List<Source> sources = new ArrayList<>();
            Node srcs = arrayOrEmpty(e, path, "sources");
            for (int i = 0; i < srcs.size(); i++) {
                LocatedPath sp = path.child("sources").child(i);
                Node s = srcs.get(i);
                requireObject(s, sp);
                String url = optText(s, sp, "url");
                String lower = url == null ? "" : url.toLowerCase(java.util.Locale.ROOT);
                if (url != null && !(lower.startsWith("https://") || lower.startsWith("http://"))) {
                    warn(sp.child("url"), s.get("url"), "only http and https links open; \"" + url
                            + "\" is shown as text and never opened");
                }
                sources.add(new Source(optText(s, sp, "outlet"), optText(s, sp, "speaker"), optText(s, sp, "quote"),
                        optText(s, sp, "published"), url, optText(s, sp, "note")));
            }
            return new Parsed(id, title, when, where, category, optText(e, path, "summary"), outcome, sources,
                    texts(e, path, "tags"), texts(e, path, "related"));
        }

        /**
         * The parsed date, parsed once for all the incidents that write the same short date: a million incidents
         * over eight years have a few thousand distinct days. A text that does not parse throws and is not kept.
         */
        private TimeExtent date(String text) {
            int key = plainDateKey(text);
            if (key > 0) {
                return plainDates.get(key, text);
            }
            // times of day rarely repeat: not worth a table entry
            return text.length() > 12 ? Edtf.parse(text) : dates.computeIfAbsent(text, Edtf::parse);
        }

        private void checkRelated() {
            for (RelatedCheck c : relatedChecks) {
                for (String r : c.related()) {
                    if (!ids.contains(r)) {
                        warn(EVENTS.child(c.element()).child("related"), Node.at(c.line(), c.column()),
                                "related incident \"" + r + "\" is not in the file");
                    }
                }
            }
            relatedChecks.clear();
        }

        /**
         * Reads {@code $.narratives}. A bad narrative is skipped with an error (it does not count in
         * {@code rejected}, which counts incidents); a bad step is dropped with a warning.
         */
        private List<Narrative> readNarratives(Node arr) {
            List<Narrative> out = new ArrayList<>();
            Set<String> narrativeIds = new HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                LocatedPath path = LocatedPath.ROOT.child("narratives").child(i);
                try {
                    Narrative n = narrative(arr.get(i), path);
                    if (!narrativeIds.add(n.id())) {
                        throw new Invalid(path.child("id"), arr.get(i).get("id"),
                                "duplicate narrative id \"" + n.id() + "\"");
                    }
                    out.add(n);
                } catch (Invalid e) {
                    error(e.path, e.at, e.getMessage() + "; narrative skipped");
                }
            }
            return out;
        }

        private Narrative narrative(Node n, LocatedPath path) throws Invalid {
            requireObject(n, path);
            String id = reqText(n, path, "id");
            String title = reqText(n, path, "title");
            Node arr = n.get("steps");
            LocatedPath stepsPath = path.child("steps");
            if (arr == null || arr.isNull()) {
                throw new Invalid(path, n, "missing required field \"steps\"");
            }
            if (!arr.isArray()) {
                throw new Invalid(stepsPath, arr, "\"steps\" must be an array of steps, found " + Node.kind(arr));
            }
            String description = optText(n, path, "description");
            List<NarrativeStep> steps = new ArrayList<>();
            for (int j = 0; j < arr.size(); j++) {
                NarrativeStep step = step(arr.get(j), stepsPath.child(j));
                if (step != null) {
                    steps.add(step);
                }
            }
            if (steps.isEmpty()) {
                warn(stepsPath, arr, "narrative \"" + id + "\" has no usable steps; it will not be shown");
            }
            return new Narrative(id, title, description, steps);
        }

        /** One step, or {@code null} (with a warning) when it is dropped. */
        private NarrativeStep step(Node s, LocatedPath path) {
            if (s == null || !s.isObject()) {
                warn(path, s, "expected a step object such as {\"event\": \"<incident id>\"}, found " + Node.kind(s)
                        + "; step dropped");
                return null;
            }
            Node e = s.get("event");
            LocatedPath eventPath = path.child("event");
            if (e == null || e.isNull()) {
                warn(path, s, "missing required field \"event\"; step dropped");
                return null;
            }
            if (!e.isTextual() || e.asText().isBlank()) {
                warn(eventPath, e, "\"event\" must be an incident id (a non-empty string), found " + Node.kind(e)
                        + "; step dropped");
                return null;
            }
            String incidentId = e.asText().strip();
            if (!ids.contains(incidentId)) {
                boolean skipped = skippedIds.containsKey(incidentId);
                warn(eventPath, e, "incident \"" + incidentId + "\" " + (skipped ? "was skipped (see its error)"
                        : "is not in the file") + "; step dropped");
                return null;
            }
            return new NarrativeStep(incidentId, optText(s, path, "note"));
        }

        // ---- field helpers -------------------------------------------------------------------------------

        private Node arrayOrEmpty(Map<String, Node> top, String field) {
            Node a = top.get(field);
            if (a == null || a.isNull()) {
                return Node.emptyArray();
            }
            if (!a.isArray()) {
                error(LocatedPath.ROOT.child(field), a, "expected an array, found " + Node.kind(a) + "; ignored");
                return Node.emptyArray();
            }
            return a;
        }

        private Node arrayOrEmpty(Node obj, LocatedPath path, String field) {
            Node a = obj.get(field);
            if (a == null || a.isNull()) {
                return Node.emptyArray();
            }
            if (!a.isArray()) {
                error(path.child(field), a, "expected an array, found " + Node.kind(a) + "; ignored");
                return Node.emptyArray();
            }
            return a;
        }

        private static void requireObject(Node n, LocatedPath path) throws Invalid {
            if (n == null || !n.isObject()) {
                throw new Invalid(path, n, "expected an object, found " + Node.kind(n));
            }
        }

        private String reqText(Node obj, LocatedPath path, String field) throws Invalid {
            Node v = obj.get(field);
            if (v == null || v.isNull()) {
                throw new Invalid(path, obj, "missing required field \"" + field + "\"");
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new Invalid(path.child(field), v, "\"" + field
                        + "\" must be a non-empty string, found " + Node.kind(v));
            }
            String text = safe(v.asText(), path, field, v).strip();
            return field.equals("id") ? text : shortened(text, path, field, v);
        }

        /** Longest text shown (titles, names, summaries, quotes): a 900,000-character title froze the window 4 s. */
        private static final int MAX_SHOWN_TEXT = 20_000;

        /** {@code s}, cut to {@link #MAX_SHOWN_TEXT} characters with a warning at the field when longer. */
        private String shortened(String s, LocatedPath path, String field, Node at) {
            if (s.length() <= MAX_SHOWN_TEXT) {
                return s;
            }
            int cut = Character.isHighSurrogate(s.charAt(MAX_SHOWN_TEXT - 1)) ? MAX_SHOWN_TEXT - 1 : MAX_SHOWN_TEXT;
            warn(path.child(field), at, "text shortened to " + cut + " characters (it has " + s.length()
                    + ")");
            return s.substring(0, cut) + "…";
        }

        /** {@link SafeText#clean}, with a warning at the field when something was removed or replaced. */
        private String safe(String s, LocatedPath path, Object field, Node at) {
            String cleaned = SafeText.clean(s);
            if (cleaned != s) {
                warn(field instanceof Integer i ? path.child(i) : path.child((String) field),
                        at, "control, bidirectional-override or broken surrogate characters removed or replaced; "
                        + "the text is shown without them");
            }
            return cleaned;
        }

        private String optText(Node obj, LocatedPath path, String field) {
            Node v = obj.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                warn(path.child(field), v, "\"" + field + "\" should be a string, found " + Node.kind(v)
                        + "; ignored");
                return null;
            }
            String s = safe(v.asText(), path, field, v).strip();
            return s.isEmpty() ? null : shortened(s, path, field, v);
        }

        private List<String> texts(Node obj, LocatedPath path, String field) {
            Node a = arrayOrEmpty(obj, path, field);
            if (a.size() == 0) {
                return List.of();
            }
            List<String> out = new ArrayList<>(a.size());
            LocatedPath arrayPath = path.child(field);
            for (int i = 0; i < a.size(); i++) {
                Node v = a.get(i);
                if (v.isTextual() && !v.asText().isBlank()) {
                    out.add(safe(v.asText(), arrayPath, out.size(), v).strip());
                } else {
                    warn(arrayPath.child(out.size()), v,
                            "expected a non-empty string, found " + Node.kind(v) + "; ignored");
                }
            }
            return out;
        }

        private static double number(Node obj, LocatedPath path, String field, double min, double max) throws Invalid {
            Node v = obj.get(field);
            if (v == null || v.isNull()) {
                throw new Invalid(path, obj, "missing required field \"" + field + "\"");
            }
            if (!v.isNumber()) {
                throw new Invalid(path.child(field), v, "\"" + field + "\" must be a number in ["
                        + fmt(min) + ", " + fmt(max) + "], found " + Node.kind(v));
            }
            double d = v.asDouble();
            if (!Double.isFinite(d) || d < min || d > max) {
                throw new Invalid(path.child(field), v, "\"" + field + "\" must be a finite number in ["
                        + fmt(min) + ", " + fmt(max) + "], found " + v);
            }
            return d;
        }

        private Integer count(Node obj, LocatedPath path, String field) throws Invalid {
            Node v = obj.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
                throw new Invalid(path.child(field), v, "\"" + field
                        + "\" must be a whole number >= 0 or null, found " + v);
            }
            return v.asInt();
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        private EventFileException fatal(LocatedPath path, Node at, String message) {
            return new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, path.toString(), line(at),
                    column(at), message), null);
        }

        private void error(LocatedPath path, Node at, String message) {
            add(Problem.Severity.ERROR, path, at, message, 0);
        }

        private void warn(LocatedPath path, Node at, String message) {
            add(Problem.Severity.WARNING, path, at, message, 0);
        }

        private void add(Problem.Severity severity, LocatedPath path, Node at, String message, int columnOffset) {
            int line = line(at);
            problems.add(new Problem(severity, path.toString(), line, column(at) + (line > 0 ? columnOffset : 0),
                    message));
        }

        private static int line(Node at) {
            return at == null ? 0 : Math.max(0, at.line);
        }

        private static int column(Node at) {
            return at == null ? 0 : Math.max(0, at.column);
        }
    }

    /**
     * {@code yyyymmdd} (month and day 0 when not written) for a plain {@code yyyy}, {@code yyyy-mm} or
     * {@code yyyy-mm-dd} of digits, else 0. Most dates are one of these; looking them up by this number
     * instead of by string saves the string's hash and the chase through a hash map's nodes.
     */
    static int plainDateKey(CharSequence t) {
        int n = t.length();
        if (n != 4 && n != 7 && n != 10) {
            return 0;
        }
        int y = digits(t, 0, 4);
        int m = n >= 7 && t.charAt(4) == '-' ? digits(t, 5, 7) : n == 4 ? 0 : -1;
        int d = n == 10 && t.charAt(7) == '-' ? digits(t, 8, 10) : n < 10 ? 0 : -1;
        // month and day 00 are not written dates ("2021-00" must not find "2021"): no key, so they are parsed
        return y < 0 || m < 0 || d < 0 || (n >= 7 && m == 0) || (n == 10 && d == 0) ? 0 : (y * 100 + m) * 100 + d;
    }

    private static int digits(CharSequence t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Parsed plain dates by their {@code yyyymmdd} key: an open-addressing table of ints beside the extents. A date
     * that does not parse (2021-02-30) throws from {@link Edtf#parse} every time and is never kept.
     */
    private static final class PlainDates {
        private int[] keys = new int[4096];
        private TimeExtent[] values = new TimeExtent[4096];
        private int size;

        TimeExtent get(int key, String text) {
            int slot = slotOf(key);
            if (keys[slot] == key) {
                return values[slot];
            }
            TimeExtent parsed = Edtf.parse(text);
            keys[slot] = key;
            values[slot] = parsed;
            if (++size * 2 > keys.length) {
                grow();
            }
            return parsed;
        }

        /** Where {@code key} is, or the empty slot where it would go. */
        private int slotOf(int key) {
            int mask = keys.length - 1;
            int slot = slot(key) & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private static int slot(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private void grow() {
            int[] oldKeys = keys;
            TimeExtent[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new TimeExtent[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = slot(oldKeys[i]) & mask;
                    while (keys[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }

    /** What reading incidents directly needs: the file's bytes, a parser factory, and how to wrap a stream. */
    private record Direct(FileBytes file, JsonFactory factory,
                          ReadProgress progress, long splitFrom,
                          java.util.concurrent.atomic.AtomicInteger joined,
                          java.util.concurrent.atomic.AtomicLong textsInPlace) {
    }

    /** Stops a second reader whose work is no longer wanted. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    /**
     * A second reader of a big file: it starts at a guessed incident near the middle (a comma, then an object whose
     * first field is {@code "id"}) and reads the rest of the document on its own thread while the first reader
     * reads up to there. The guess is only used if the first reader, reading normally, finds an incident boundary
     * exactly at that comma; otherwise the second reader's work is dropped. So a guess can cost time but never
     * change what is read.
     */
    private static final class Split {
        /** Enough bytes after the middle to find an incident's start in any sensible file. */
        private static final int LOOK = 4 << 20;
        private static final byte[] PREFIX = "{\"events\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        final long comma;
        private final Validation second;
        private final Thread thread;
        private volatile Throwable failure;

        /** The second reader's bytes in the progress, taken out if its work is not used. */
        private final ReadProgress.Part part;

        private Split(long comma, Validation second, ReadProgress.Part part) {
            this.comma = comma;
            this.second = second;
            this.part = part;
            this.thread = new Thread(this::run, "incident-atlas-read-second-half");
            thread.setDaemon(true);
        }

        /** Starts a second reader for {@code first}'s file, or returns {@code null} when the file is small. */
        static Split start(Validation first) throws IOException {
            Direct d = first.direct;
            long size = d.file.size();
            long from = Math.max(first.base + first.tokenOffset(), size / 2);
            if (size < d.splitFrom || from >= size) {
                return null;
            }
            byte[] look = d.file.read(from, (int) Math.min(LOOK, size - from));
            int at = incidentComma(look);
            if (at < 0) {
                return null;
            }
            long comma = from + at;
            ReadProgress.Part part = d.progress.part();
            InputStream rest = new RecentBytes(part.wrap(new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(PREFIX), d.file.from(comma + 1))));
            JsonParser parser = d.factory.createParser(rest);
            Validation second = new Validation(first.sourceName, parser, false, d, comma + 1 - PREFIX.length);
            second.categories.putAll(first.categories);
            second.places.putAll(first.places);
            Split s = new Split(comma, second, part);
            s.thread.start();
            return s;
        }

        /** The index in {@code b} of a comma followed by an object whose first field is "id", or -1. */
        static int incidentComma(byte[] b) {
            for (int i = 0; i < b.length; i++) {
                if (b[i] == ',') {
                    int j = skipSpace(b, i + 1);
                    if (j < b.length && b[j] == '{') {
                        j = skipSpace(b, j + 1);
                        if (j + 4 <= b.length && b[j] == '"' && b[j + 1] == 'i' && b[j + 2] == 'd' && b[j + 3] == '"') {
                            return i;
                        }
                    }
                }
            }
            return -1;
        }

        private static int skipSpace(byte[] b, int i) {
            while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
            return i;
        }

        private void run() {
            try (JsonParser p = second.parser) {
                second.readRest();
            } catch (Throwable t) { // any failure means "not used": the first reader reads on by itself
                failure = t;
            }
        }

        /** Waits for the second reader and joins its work into {@code first}; false when it cannot be used. */
        boolean takeOver(Validation first, int firstElement, int line, int column) throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                abandon();
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("reading interrupted");
            }
            boolean joined = failure == null && first.join(second, firstElement, line, column);
            if (joined) {
                first.direct.joined.incrementAndGet();
            }
            return joined;
        }

        /** Drops the second reader's work: it stops at its next incident, and its bytes leave the progress. */
        void abandon() {
            second.abandoned = true;
            part.withdraw();
        }
    }

    /** An incident's related ids, checked once all ids are known; where its {@code related} array is. */
    private record RelatedCheck(List<String> related, int element, int line, int column) {
    }

    /** Incidents read and waiting to be checked, in file order from {@code first}. */
    private static final class Batch {
        static final int SIZE = 512;
        static final Batch END = new Batch(-1);
        final int first;
        final Node[] nodes;
        int count;

        Batch(int first) {
            this.first = first;
            this.nodes = first < 0 ? new Node[0] : new Node[SIZE];
        }
    }

    /** A validation failure of one item, carrying the JSON path of the offending value and where it is. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final LocatedPath path;
        final transient Node at;
        final int columnOffset;

        Invalid(LocatedPath path, Node at, String message) {
            this(path, at, message, 0);
        }

        /** @param columnOffset how far into the value the problem lies, in characters */
        Invalid(LocatedPath path, Node at, String message, int columnOffset) {
            super(message, null, false, false);
            this.path = path;
            this.at = at;
            this.columnOffset = columnOffset;
        }
    }
}
