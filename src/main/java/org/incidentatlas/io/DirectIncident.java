package org.incidentatlas.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.EdtfException;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.IncidentDraft;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.TimeExtent;

/**
 * Reads one incident straight from the parser's tokens into checked values, without a {@link Node} tree: the fast
 * path of a big file, where nearly every incident is well formed.
 *
 * <p>It accepts only what the {@link Node}-based checks would accept without a word: a known field of the right
 * type whose text needs no cleaning, shortening or warning. Anything else (a wrong type, an unknown or repeated
 * field, a text with control characters, a date that does not parse, a non-web link…) makes {@link #read} return
 * {@code false} after skipping to the incident's end, and the caller reads that incident's bytes again as a
 * {@code Node} so that the one set of checks words every problem. So the two paths cannot disagree about what a
 * file means; {@code DirectIncidentTest} holds them to that. Not thread-safe: one per reading thread.
 */
final class DirectIncident {
    /** What the checks need from the rest of the file: its categories, places and a date parser (with a cache). */
    interface Lookups {
        Category category(String id);

        GeoLocation place(String id);

        TimeExtent date(String text);
    }

    /** Longest text kept without a warning; longer ones take the checked path, which shortens them. */
    static final int MAX_SHOWN_TEXT = 20_000;

    private final Lookups lookups;
    private JsonParser p;
    /** Open objects and arrays below (and including) the incident's own. */
    private int depth;

    /** The incident's values, valid after {@link #read} returned true. */
    final IncidentDraft draft = new IncidentDraft();
    /** Its id as a {@code String}, made only when asked (a hash matched a stored id's). */
    final java.util.function.Supplier<String> idText = () -> draft.string(draft.id);
    /** Where the {@code related} array starts (line, column as {@link Node} counts them), when it is not empty. */
    int relatedLine;
    int relatedColumn;

    // where the incident is, valid after any read()
    /** Byte offset of the incident's opening brace in the parser's input, and one past its closing brace. */
    long start;
    long end;
    int startLine;
    int startColumn;

    /** Category ids seen, by their text, so that most incidents find theirs without making a {@code String}. */
    private String[] knownCategoryIds = new String[0];
    private Category[] knownCategories = new Category[0];

    /** The bytes the parser last read, when it reads through a {@link RecentBytes}; else {@code null}. */
    private final RecentBytes raw;
    /** How many texts were kept from those bytes. */
    long textsInPlace;

    DirectIncident(RecentBytes raw, Lookups lookups) {
        this.raw = raw;
        this.lookups = lookups;
    }

    /** Thrown inside {@link #read} when the incident needs the checked path. Carries no stack. */
    private static final class Bail extends Exception {
        private static final long serialVersionUID = 1L;
        static final Bail INSTANCE = new Bail();

        private Bail() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the incident whose opening brace the parser has just returned (other values are no incident: the
     * caller checks them as {@code Node}s). Returns {@code true} with its values set, or {@code false} when it must
     * be checked as a {@code Node}; either way the parser is left on the incident's closing brace and
     * {@link #start}/{@link #end} say where its bytes are.
     */
    boolean read(JsonParser parser) throws IOException {
        this.p = parser;
        start = tokenByteOffset(parser);
        startLine = Node.tokenLine(parser);
        startColumn = Node.tokenColumn(parser);
        depth = 1;
        boolean ok;
        try {
            incident();
            ok = true;
        } catch (Bail b) {
            while (depth > 0) {
                next();
            }
            ok = false;
        }
        end = tokenByteOffset(parser) + 1;
        return ok;
    }

    /**
     * The byte offset of the parser's current token, when it is a brace or bracket: what
     * {@code currentTokenLocation().getByteOffset()} says, without making a location object. (Jackson's byte
     * parser records the offset just past such a one-byte token.)
     */
    static long tokenByteOffset(JsonParser parser) {
        return ((ParserBase) parser).getTokenCharacterOffset() - 1;
    }

    private JsonToken next() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of the file inside \"events\"");
        }
        if (t.isStructStart()) {
            depth++;
        } else if (t.isStructEnd()) {
            depth--;
        }
        return t;
    }

    private static final int ID = 1;
    private static final int TITLE = 1 << 1;
    private static final int CATEGORY = 1 << 2;
    private static final int WHEN = 1 << 3;
    private static final int WHERE = 1 << 4;
    private static final int SUMMARY = 1 << 5;
    private static final int OUTCOME = 1 << 6;
    private static final int SOURCES = 1 << 7;
    private static final int TAGS = 1 << 8;
    private static final int RELATED = 1 << 9;

    private void incident() throws IOException, Bail {
        IncidentDraft d = draft;
        d.clear();
        int seen = 0;
        while (next() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = next();
            int bit;
            switch (name) {
                case "id" -> {
                    bit = ID;
                    d.id = required(v, false);
                    d.idHash = hash(d.id);
                }
                case "title" -> {
                    bit = TITLE;
                    d.title = required(v, true);
                }
                case "category" -> {
                    bit = CATEGORY;
                    d.category = category(required(v, true));
                }
                case "when" -> {
                    bit = WHEN;
                    when(optional(v));
                }
                case "where" -> {
                    bit = WHERE;
                    where(v);
                }
                case "summary" -> {
                    bit = SUMMARY;
                    d.summary = optional(v);
                }
                case "outcome" -> {
                    bit = OUTCOME;
                    outcome(v);
                }
                case "sources" -> {
                    bit = SOURCES;
                    sources(v);
                }
                case "tags" -> {
                    bit = TAGS;
                    if (v != JsonToken.VALUE_NULL) {
                        requireArray(v);
                        JsonToken e;
                        while ((e = next()) != JsonToken.END_ARRAY) {
                            d.addTag(required(e, false));
                        }
                    }
                }
                case "related" -> {
                    bit = RELATED;
                    relatedLine = Node.tokenLine(p);
                    relatedColumn = Node.tokenColumn(p);
                    if (v != JsonToken.VALUE_NULL) {
                        requireArray(v);
                        List<String> related = null;
                        JsonToken e;
                        while ((e = next()) != JsonToken.END_ARRAY) {
                            String r = d.string(required(e, false));
                            if (related == null) {
                                related = new ArrayList<>(4);
                            }
                            related.add(r);
                        }
                        d.related = related == null ? List.of() : related;
                    }
                }
                default -> throw Bail.INSTANCE; // unknown fields are rare: the checked path ignores them
            }
            seen = once(seen, bit); // a repeated field is an error the checked path words
        }
        if ((seen & (ID | TITLE | CATEGORY)) != (ID | TITLE | CATEGORY)) {
            throw Bail.INSTANCE;
        }
    }

    /** {@code seen} with {@code bit} added; bails when it was there already (a field written twice). */
    private static int once(int seen, int bit) throws Bail {
        if ((seen & bit) != 0) {
            throw Bail.INSTANCE;
        }
        return seen | bit;
    }

    private static void requireArray(JsonToken v) throws Bail {
        if (v != JsonToken.START_ARRAY) {
            throw Bail.INSTANCE;
        }
    }

    /** The category of that id, looked up by its chars among those seen, else through the lookups. */
    private Category category(long ref) throws Bail {
        String[] ids = knownCategoryIds;
        for (int i = 0; i < ids.length; i++) {
            if (draft.textEquals(ref, ids[i])) {
                return knownCategories[i];
            }
        }
        String id = draft.string(ref);
        Category c = lookups.category(id);
        if (c == null) {
            throw Bail.INSTANCE;
        }
        if (ids.length < 64) { // categories never change once read: what was found stays right
            knownCategoryIds = java.util.Arrays.copyOf(ids, ids.length + 1);
            knownCategoryIds[ids.length] = id;
            knownCategories = java.util.Arrays.copyOf(knownCategories, ids.length + 1);
            knownCategories[ids.length] = c;
        }
        return c;
    }

    private void when(long ref) throws Bail {
        if (ref == IncidentDraft.NONE) {
            return;
        }
        IncidentDraft d = draft;
        d.whenText = ref;
        if ((ref & 1) == 0) { // the common forms, resolved with no object made
            keptText.ref = ref;
            if (Edtf.quick(keptText, d.when)) {
                return;
            }
        }
        TimeExtent t = knownDate(ref);
        if (t == null) {
            try {
                t = lookups.date(d.string(ref));
            } catch (EdtfException e) {
                throw Bail.INSTANCE;
            }
            rememberDate(ref, t);
        }
        d.when.set(t);
    }

    /** Other short dates seen ("2014/..", "../2017"), by their text: most repeat. An open-addressing table. */
    private final String[] dateTexts = new String[4096];
    private final TimeExtent[] dates = new TimeExtent[4096];
    private int dateCount;

    /** The longest other date kept: a date with a time of day rarely repeats. */
    private static final int SHORT_DATE = 12;

    private TimeExtent knownDate(long ref) {
        if (IncidentDraft.length(ref) > SHORT_DATE || (ref & 1) != 0) {
            return null;
        }
        int mask = dateTexts.length - 1;
        for (int s = spread(hash(ref)) & mask; dateTexts[s] != null; s = (s + 1) & mask) {
            if (draft.textEquals(ref, dateTexts[s])) {
                return dates[s];
            }
        }
        return null;
    }

    private void rememberDate(long ref, TimeExtent t) {
        if (IncidentDraft.length(ref) > SHORT_DATE || (ref & 1) != 0 || 2 * (dateCount + 1) > dateTexts.length) {
            return;
        }
        int mask = dateTexts.length - 1;
        int s = spread(hash(ref)) & mask;
        while (dateTexts[s] != null) {
            s = (s + 1) & mask;
        }
        dateTexts[s] = draft.string(ref);
        dates[s] = t;
        dateCount++;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    /** A kept text of one byte a char, as a {@code CharSequence}; reused. */
    private final class KeptText implements CharSequence {
        long ref;

        @Override
        public int length() {
            return IncidentDraft.length(ref);
        }

        @Override
        public char charAt(int i) {
            return (char) draft.narrowChar(ref, i);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return toString().subSequence(from, to);
        }

        @Override
        public String toString() {
            return draft.string(ref);
        }
    }

    private final KeptText keptText = new KeptText();

    /**
     * Keeps the current string token stripped (as {@link String#strip}), or bails when the checked path would say
     * something about it: a char {@link SafeText#clean} removes or replaces, or (when {@code limited}) more than
     * {@link #MAX_SHOWN_TEXT} chars. Returns {@link IncidentDraft#NONE} when nothing is left after stripping.
     */
    private long keep(boolean limited) throws IOException, Bail {
        if (raw != null) { // most texts are plain ASCII: kept from the bytes, and the parser skips them undecoded
            long ref = plainInPlace();
            if (ref != IncidentDraft.NOT_PLAIN) {
                textsInPlace++;
                return stripped(ref, limited);
            }
        }
        char[] c = p.getTextCharacters();
        int from = p.getTextOffset();
        int to = from + p.getTextLength();
        int a = from;
        while (a < to && isSpace(c[a])) {
            a++;
        }
        int b = to;
        while (b > a && isSpace(c[b - 1])) {
            b--;
        }
        if (limited && b - a > MAX_SHOWN_TEXT) {
            throw Bail.INSTANCE;
        }
        if (a == b) {
            return IncidentDraft.NONE;
        }
        long ref = draft.plain(c, a, b);
        return ref != IncidentDraft.NOT_PLAIN ? ref : draft.text(c, a, b, checkedWide(c, a, b));
    }

    /** The current string token kept from the parser's bytes when it is plain, else {@link IncidentDraft#NOT_PLAIN}. */
    private long plainInPlace() {
        return raw.keepPlain(((ParserBase) p).getTokenCharacterOffset(), draft);
    }

    /**
     * A kept plain text without the spaces at its ends (the only whitespace a plain text can hold), as
     * {@link #keep} strips a decoded one: {@link IncidentDraft#NONE} when nothing is left.
     */
    private long stripped(long ref, boolean limited) throws Bail {
        IncidentDraft d = draft;
        int n = IncidentDraft.length(ref);
        int a = 0;
        while (a < n && d.narrowChar(ref, a) == ' ') {
            a++;
        }
        int b = n;
        while (b > a && d.narrowChar(ref, b - 1) == ' ') {
            b--;
        }
        if (limited && b - a > MAX_SHOWN_TEXT) {
            throw Bail.INSTANCE;
        }
        if (a == b) {
            return IncidentDraft.NONE;
        }
        return a == 0 && b == n ? ref : IncidentDraft.slice(ref, a, b);
    }

    /** Whether {@code c[a, b)} has a char above 255; bails on any char {@link SafeText#clean} would touch. */
    private static boolean checkedWide(char[] c, int a, int b) throws Bail {
        boolean wide = false;
        for (int i = a; i < b; i++) {
            char ch = c[i];
            if ((char) (ch - 0x20) >= 0x5f) { // not printable ASCII: look closer
                if (ch > 0xFF) {
                    wide = true;
                    if (Character.isSurrogate(ch) || SafeText.removed(ch)) {
                        if (!(Character.isHighSurrogate(ch) && i + 1 < b && Character.isLowSurrogate(c[i + 1]))) {
                            throw Bail.INSTANCE;
                        }
                        i++; // the pair's low half
                    }
                } else if (SafeText.removed(ch)) {
                    throw Bail.INSTANCE;
                }
            }
        }
        return wide;
    }

    /** {@link String#hashCode} of a kept text. */
    private int hash(long ref) {
        IncidentDraft d = draft;
        int n = IncidentDraft.length(ref);
        int h = 0;
        if ((ref & 1) == 0) {
            for (int i = 0; i < n; i++) {
                h = 31 * h + d.narrowChar(ref, i);
            }
            return h;
        }
        String s = d.string(ref);
        return s.hashCode();
    }

    /**
     * Whitespace that {@link String#strip} removes and {@link SafeText#clean} keeps; any other whitespace at an
     * end is a character clean removes, which the fast path leaves to the checked one.
     */
    private static boolean isSpace(char ch) throws Bail {
        if (ch > ' ' && ch <= 0xFF) {
            return false;
        }
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            return true;
        }
        if (ch < ' ') {
            throw Bail.INSTANCE; // a control character: cleaned, with a warning
        }
        return Character.isWhitespace(ch) && !SafeText.removed(ch);
    }

    /** A required text: a string, not blank, needing no cleaning; stripped. */
    private long required(JsonToken v, boolean limited) throws IOException, Bail {
        if (v != JsonToken.VALUE_STRING) {
            throw Bail.INSTANCE;
        }
        long ref = keep(limited);
        if (ref == IncidentDraft.NONE) {
            throw Bail.INSTANCE;
        }
        return ref;
    }

    /** An optional text: null, or a string needing no cleaning or shortening; stripped, and NONE when empty. */
    private long optional(JsonToken v) throws IOException, Bail {
        if (v == JsonToken.VALUE_NULL) {
            return IncidentDraft.NONE;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw Bail.INSTANCE;
        }
        return keep(true);
    }

    private static final int NAME = 1;
    private static final int LAT = 1 << 1;
    private static final int LON = 1 << 2;
    private static final int PRECISION = 1 << 3;
    private static final int UNCERTAINTY = 1 << 4;
    private static final int ADMIN1 = 1 << 5;
    private static final int COUNTRY = 1 << 6;
    private static final int PLACE_ID = 1 << 7;
    private static final PlacePrecision[] PRECISIONS = PlacePrecision.values();

    private void where(JsonToken v) throws IOException, Bail {
        IncidentDraft d = draft;
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v == JsonToken.VALUE_STRING) {
            GeoLocation g = namedPlace();
            if (g == null) {
                throw Bail.INSTANCE;
            }
            d.place = g;
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw Bail.INSTANCE;
        }
        d.inline = true;
        d.precision = PlacePrecision.SITE;
        d.uncertaintyKm = Double.NaN;
        int seen = 0;
        while (next() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken fv = next();
            int bit;
            switch (field) {
                case "name" -> {
                    bit = NAME;
                    d.placeName = required(fv, true);
                }
                case "lat" -> {
                    bit = LAT;
                    d.lat = number(fv, -90, 90);
                }
                case "lon" -> {
                    bit = LON;
                    d.lon = number(fv, -180, 180);
                }
                case "precision" -> {
                    bit = PRECISION;
                    long text = optional(fv);
                    if (text != IncidentDraft.NONE) {
                        d.precision = precision(text);
                    }
                }
                case "uncertaintyKm" -> {
                    bit = UNCERTAINTY;
                    d.uncertaintyKm = fv == JsonToken.VALUE_NULL ? Double.NaN : number(fv, 0, 40_075);
                }
                case "admin1" -> {
                    bit = ADMIN1;
                    d.admin1 = optional(fv);
                }
                case "country" -> {
                    bit = COUNTRY;
                    d.country = optional(fv);
                }
                case "id" -> { // an inline place's id is not read; the checked path ignores it too
                    bit = PLACE_ID;
                    if (fv.isStructStart()) {
                        throw Bail.INSTANCE;
                    }
                }
                default -> throw Bail.INSTANCE;
            }
            seen = once(seen, bit);
        }
        if ((seen & (NAME | LAT | LON)) != (NAME | LAT | LON)) {
            throw Bail.INSTANCE;
        }
    }

    /** Place ids seen, by their text exactly as written, so that most incidents find theirs without a String. */
    private final String[] placeIds = new String[2048];
    private final int[] placeHashes = new int[2048];
    private final GeoLocation[] knownPlaces = new GeoLocation[2048];
    private int placeCount;

    /** The place the current string token names, by its exact text (not stripped); null when there is none. */
    private GeoLocation namedPlace() throws IOException {
        long ref = raw == null ? IncidentDraft.NOT_PLAIN : plainInPlace();
        if (ref == IncidentDraft.NOT_PLAIN) {
            return lookups.place(p.getText());
        }
        int h = hash(ref);
        int mask = placeIds.length - 1;
        int slot = spread(h) & mask;
        for (; placeIds[slot] != null; slot = (slot + 1) & mask) {
            if (placeHashes[slot] == h && draft.textEquals(ref, placeIds[slot])) {
                return knownPlaces[slot];
            }
        }
        String id = draft.string(ref);
        GeoLocation g = lookups.place(id);
        if (g != null && 2 * (placeCount + 1) <= placeIds.length) { // places never change once read
            placeIds[slot] = id;
            placeHashes[slot] = h;
            knownPlaces[slot] = g;
            placeCount++;
        }
        return g;
    }

    /** A precision written exactly as its key (most files); anything else goes through the checked path. */
    private PlacePrecision precision(long text) throws Bail {
        for (PlacePrecision pp : PRECISIONS) {
            if (draft.textEquals(text, pp.key())) {
                return pp;
            }
        }
        throw Bail.INSTANCE;
    }

    private double number(JsonToken v, double min, double max) throws IOException, Bail {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw Bail.INSTANCE;
        }
        double x = p.getValueAsDouble();
        if (!Double.isFinite(x) || x < min || x > max) {
            throw Bail.INSTANCE;
        }
        return x;
    }

    private static final int KILLED = 1;
    private static final int INJURED = 1 << 1;
    private static final int DAMAGE = 1 << 2;

    private void outcome(JsonToken v) throws IOException, Bail {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        if (v != JsonToken.START_OBJECT) {
            throw Bail.INSTANCE;
        }
        IncidentDraft d = draft;
        d.hasOutcome = true;
        int seen = 0;
        while (next() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken fv = next();
            int bit;
            switch (field) {
                case "killed" -> {
                    bit = KILLED;
                    d.killed = count(fv);
                }
                case "injured" -> {
                    bit = INJURED;
                    d.injured = count(fv);
                }
                case "damage" -> {
                    bit = DAMAGE;
                    d.damage = optional(fv);
                }
                default -> throw Bail.INSTANCE;
            }
            seen = once(seen, bit);
        }
    }

    /** A count of people: -1 for null. */
    private int count(JsonToken v) throws IOException, Bail {
        if (v == JsonToken.VALUE_NULL) {
            return -1;
        }
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw Bail.INSTANCE;
        }
        // the digits as written: up to 9 of them always fit an int; a sign or more digits take the checked path
        char[] c = p.getTextCharacters();
        int from = p.getTextOffset();
        int len = p.getTextLength();
        if (len > 9) {
            throw Bail.INSTANCE;
        }
        int n = 0;
        for (int i = from; i < from + len; i++) {
            int digit = c[i] - '0';
            if (digit < 0 || digit > 9) {
                throw Bail.INSTANCE;
            }
            n = n * 10 + digit;
        }
        return n;
    }

    private static final String[] SOURCE_FIELDS = {"outlet", "speaker", "quote", "published", "url", "note"};

    private void sources(JsonToken v) throws IOException, Bail {
        if (v == JsonToken.VALUE_NULL) {
            return;
        }
        requireArray(v);
        IncidentDraft d = draft;
        JsonToken e;
        while ((e = next()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.START_OBJECT) {
                throw Bail.INSTANCE;
            }
            int at = d.addSource();
            int seen = 0;
            while (next() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken fv = next();
                int k = 0;
                while (k < 6 && SOURCE_FIELDS[k] != field) { // Jackson interns names, as Java does literals
                    k++;
                }
                if (k == 6) {
                    k = 0;
                    while (k < 6 && !SOURCE_FIELDS[k].equals(field)) {
                        k++;
                    }
                }
                if (k == 6) {
                    throw Bail.INSTANCE; // unknown
                }
                seen = once(seen, 1 << k);
                long text = optional(fv);
                if (k == 4 && text != IncidentDraft.NONE && !isWebLink(text)) {
                    throw Bail.INSTANCE; // the checked path warns that it is never opened
                }
                d.sources[at + k] = text;
            }
        }
    }

    /** As the checked path tells a link that opens: lower-cased with {@link Locale#ROOT}, then compared. */
    private boolean isWebLink(long ref) {
        if ((ref & 1) != 0) { // chars above 255: do exactly what the checked path does
            String lower = draft.string(ref).toLowerCase(Locale.ROOT);
            return lower.startsWith("https://") || lower.startsWith("http://");
        }
        // one byte a char: only A-Z lower-case to ASCII letters
        return startsLower(ref, "https://") || startsLower(ref, "http://");
    }

    private boolean startsLower(long ref, String prefix) {
        int n = prefix.length();
        if (IncidentDraft.length(ref) < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int ch = draft.narrowChar(ref, i);
            if (ch >= 'A' && ch <= 'Z') {
                ch += 'a' - 'A';
            }
            if (ch != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
