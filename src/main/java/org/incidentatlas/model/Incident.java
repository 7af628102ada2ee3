package org.incidentatlas.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One incident: what happened, when, where, how sure, and says who. Immutable, compared by value.
 *
 * <p>Storage is compact because a catalog may hold a million of these (decision 8): apart from its shared
 * category, an incident is a range of bytes holding its time, place, outcome and texts, decoded when asked for.
 * Made with the constructor, it owns its array; handed out by an {@link IncidentStore} or a catalog, it is a
 * view of the store's chunk. The accessors return equal but new values on each call, and a catalog returns a
 * new view on each {@code get}: compare incidents with {@code equals}, and in loops over every incident read the
 * catalog's arrays instead of decoding.
 */
public final class Incident {
    private static final int DATED = 1;
    private static final int LOCATED = 2;
    private static final int OUTCOME = 4;
    /** Byte offsets in the packed form: the flags, then the fixed-width time block, then the place block. */
    private static final int TIME_AT = 1;
    private static final int TIME_BYTES = 8 + 4 + 8 + 4 + 1 + 1;
    private static final TimePrecision[] TIME_PRECISIONS = TimePrecision.values();
    private static final PlacePrecision[] PLACE_PRECISIONS = PlacePrecision.values();

    private final Category category;
    /**
     * Everything else, packed (see {@link Packed}): a flags byte (dated, located, outcome); when dated, the time's
     * fixed-width fields (earliest and latest as epoch second and nano, precision, qualifier bits, offset); when
     * located, the place's (latitude, longitude, precision, uncertainty); then the id, the date's literal, the
     * place's texts, the outcome, the title, summary, sources, tags and related ids.
     */
    private final byte[] buf;
    /** Where this incident's bytes start in {@link #buf}, and how many there are. */
    private final int off;
    private final int len;

    /**
     * @param id       unique id within its file
     * @param title    short title
     * @param when     when it happened, or {@code null} when undated
     * @param where    where it happened, or {@code null} when unlocated
     * @param category what kind of incident it is
     * @param summary  free text, or {@code null}
     * @param outcome  reported outcome, or {@code null}
     * @param sources  attributions, never {@code null}
     * @param tags     free tags, never {@code null}
     * @param related  ids of related incidents, never {@code null}
     * @throws NullPointerException when a required value, a list or an element of a list is {@code null}
     */
    public Incident(String id, String title, TimeExtent when, GeoLocation where, Category category,
                    String summary, Outcome outcome, List<Source> sources, List<String> tags,
                    List<String> related) {
        this.category = Objects.requireNonNull(category, "category");
        Packed.Writer w = Packed.Writer.get();
        pack(w, id, title, when, where, summary, outcome, sources, tags, related);
        this.buf = w.toArray();
        this.off = 0;
        this.len = buf.length;
    }

    /** A view of an incident packed at {@code buf[off, off + len)} by {@link IncidentStore}; shares the array. */
    Incident(Category category, byte[] buf, int off, int len) {
        this.category = category;
        this.buf = buf;
        this.off = off;
        this.len = len;
    }

    /** Packs an incident's values (all but its category) into {@code w}, checking what must not be null. */
    static void pack(Packed.Writer w, String id, String title, TimeExtent when, GeoLocation where,
                     String summary, Outcome outcome, List<Source> sources, List<String> tags,
                     List<String> related) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(related, "related");
        w.u8((when != null ? DATED : 0) | (where != null ? LOCATED : 0) | (outcome != null ? OUTCOME : 0));
        if (when != null) {
            w.i64(when.earliest().getEpochSecond());
            w.i32(when.earliest().getNano());
            w.i64(when.latest().getEpochSecond());
            w.i32(when.latest().getNano());
            w.u8(when.precision().ordinal());
            w.u8(TimeFields.flagsOf(when));
            if (when.offset() != null) {
                w.i32(when.offset().getTotalSeconds());
            }
        }
        if (where != null) {
            w.i64(Double.doubleToLongBits(where.lat()));
            w.i64(Double.doubleToLongBits(where.lon()));
            w.u8(where.precision().ordinal());
            w.u8(where.uncertaintyKm() != null ? 1 : 0);
            if (where.uncertaintyKm() != null) {
                w.i64(Double.doubleToLongBits(where.uncertaintyKm()));
            }
        }
        w.text(id);
        if (when != null) {
            w.text(when.literal());
        }
        if (where != null) {
            w.text(where.id());
            w.text(where.name());
            w.text(where.admin1());
            w.text(where.country());
        }
        if (outcome != null) {
            w.count(outcome.killed() == null ? 0 : 1 + outcome.killed());
            w.count(outcome.injured() == null ? 0 : 1 + outcome.injured());
            w.text(outcome.damage());
        }
        w.text(title);
        w.text(summary);
        w.count(sources.size());
        for (Source s : sources) {
            Objects.requireNonNull(s, "sources element");
            w.text(s.outlet());
            w.text(s.speaker());
            w.text(s.quote());
            w.text(s.published());
            w.text(s.url());
            w.text(s.note());
        }
        w.count(tags.size());
        for (String t : tags) {
            w.text(Objects.requireNonNull(t, "tags element"));
        }
        w.count(related.size());
        for (String r : related) {
            w.text(Objects.requireNonNull(r, "related element"));
        }
    }

    /** How many bytes the packed form takes. */
    int packedLength() {
        return len;
    }

    /** Copies the packed form to {@code dst} at {@code at}. */
    void copyPacked(byte[] dst, int at) {
        System.arraycopy(buf, off, dst, at, len);
    }

    /** Unique id within its file. */
    public String id() {
        return texts().text();
    }

    /** Short title. */
    public String title() {
        return atTitle().text();
    }

    /** When it happened, or {@code null} when undated. */
    public TimeExtent when() {
        if (!isDated()) {
            return null;
        }
        Packed.Reader r = new Packed.Reader(buf, off + TIME_AT);
        Instant earliest = Instant.ofEpochSecond(r.i64(), r.i32());
        Instant latest = Instant.ofEpochSecond(r.i64(), r.i32());
        TimePrecision precision = TIME_PRECISIONS[r.u8()];
        int f = r.u8();
        ZoneOffset offset = (f & TimeFields.OFFSET) != 0 ? ZoneOffset.ofTotalSeconds(r.i32()) : null;
        Packed.Reader t = texts();
        t.skipText();
        return TimeFields.extent(t.text(), earliest, latest, precision, f, offset);
    }

    /** Where it happened, or {@code null} when unlocated. */
    public GeoLocation where() {
        if (!isLocated()) {
            return null;
        }
        Packed.Reader r = new Packed.Reader(buf, off + placeAt());
        double lat = Double.longBitsToDouble(r.i64());
        double lon = Double.longBitsToDouble(r.i64());
        PlacePrecision precision = PLACE_PRECISIONS[r.u8()];
        Double uncertainty = r.u8() != 0 ? Double.longBitsToDouble(r.i64()) : null;
        Packed.Reader t = texts();
        t.skipTexts(isDated() ? 2 : 1);
        return new GeoLocation(t.text(), t.text(), lat, lon, t.text(), t.text(), precision, uncertainty);
    }

    /** What kind of incident it is. */
    public Category category() {
        return category;
    }

    /** Free text, or {@code null}. */
    public String summary() {
        Packed.Reader r = atTitle();
        r.skipText();
        return r.text();
    }

    /** Reported outcome, or {@code null}. */
    public Outcome outcome() {
        if ((buf[off] & OUTCOME) == 0) {
            return null;
        }
        Packed.Reader r = texts();
        r.skipTexts(1 + (isDated() ? 1 : 0) + (isLocated() ? 4 : 0));
        int killed = r.count();
        int injured = r.count();
        return new Outcome(killed == 0 ? null : killed - 1, injured == 0 ? null : injured - 1, r.text());
    }

    /** Attributions, never {@code null}; unmodifiable. */
    public List<Source> sources() {
        Packed.Reader r = atTitle();
        r.skipTexts(2);
        int n = r.count();
        Source[] list = new Source[n];
        for (int i = 0; i < n; i++) {
            list[i] = new Source(r.text(), r.text(), r.text(), r.text(), r.text(), r.text());
        }
        return List.of(list);
    }

    /** Free tags, never {@code null}; unmodifiable. */
    public List<String> tags() {
        Packed.Reader r = afterSources();
        return r.texts(r.count());
    }

    /** Ids of related incidents, never {@code null}; unmodifiable. */
    public List<String> related() {
        Packed.Reader r = afterSources();
        r.skipTexts(r.count());
        return r.texts(r.count());
    }

    public boolean isDated() {
        return (buf[off] & DATED) != 0;
    }

    public boolean isLocated() {
        return (buf[off] & LOCATED) != 0;
    }

    /** Earliest instant in epoch milliseconds, without building the {@link TimeExtent}; dated incidents only. */
    long earliestMillis() {
        Packed.Reader r = new Packed.Reader(buf, off + TIME_AT);
        return Math.addExact(Math.multiplyExact(r.i64(), 1000L), r.i32() / 1_000_000);
    }

    /** Latest instant in epoch milliseconds; dated incidents only. */
    long latestMillis() {
        Packed.Reader r = new Packed.Reader(buf, off + TIME_AT + 12);
        return Math.addExact(Math.multiplyExact(r.i64(), 1000L), r.i32() / 1_000_000);
    }

    /**
     * Whether each of {@code lowerWords} appears in one of the texts a search looks at: the title, summary, place
     * name and area, tags, category label, and each source's outlet, speaker, quote and note, compared lower-cased
     * ({@link java.util.Locale#ROOT}). The words must be lower-cased that way already and contain no whitespace.
     * Reads the packed texts in place: Latin-1 texts are compared byte by byte, without making strings.
     */
    public boolean mentionsAll(String[] lowerWords) {
        int n = lowerWords.length;
        if (n == 0) {
            return true;
        }
        boolean[] found = new boolean[n];
        int missing = n;
        missing = Packed.Reader.match(category.label(), lowerWords, found, missing);
        Packed.Reader r = texts();
        r.skipTexts(isDated() ? 2 : 1); // id, date as written
        if (isLocated()) {
            r.skipText(); // place id
            missing = r.matchText(lowerWords, found, missing); // name
            missing = r.matchText(lowerWords, found, missing); // area
            r.skipText(); // country
        }
        if ((buf[off] & OUTCOME) != 0) {
            r.count();
            r.count();
            r.skipText();
        }
        missing = r.matchText(lowerWords, found, missing); // title
        missing = r.matchText(lowerWords, found, missing); // summary
        for (int s = r.count(); s > 0 && missing > 0; s--) {
            missing = r.matchText(lowerWords, found, missing); // outlet
            missing = r.matchText(lowerWords, found, missing); // speaker
            missing = r.matchText(lowerWords, found, missing); // quote
            r.skipTexts(2); // published, url
            missing = r.matchText(lowerWords, found, missing); // note
        }
        if (missing > 0) {
            int tags = r.count();
            for (int t = 0; t < tags; t++) {
                missing = r.matchText(lowerWords, found, missing);
            }
        }
        return missing == 0;
    }

    /** Latitude, or NaN when unlocated, without decoding the place. */
    public double lat() {
        return isLocated() ? Double.longBitsToDouble(new Packed.Reader(buf, off + placeAt()).i64()) : Double.NaN;
    }

    /** Longitude, or NaN when unlocated, without decoding the place. */
    public double lon() {
        return isLocated() ? Double.longBitsToDouble(new Packed.Reader(buf, off + placeAt() + 8).i64()) : Double.NaN;
    }

    /** The place's first-level area, or {@code null} when unlocated or not given, without decoding the rest. */
    public String admin1() {
        if (!isLocated()) {
            return null;
        }
        Packed.Reader t = texts();
        t.skipTexts(isDated() ? 4 : 3);
        return t.text();
    }

    private int placeAt() {
        if (!isDated()) {
            return TIME_AT;
        }
        return TIME_AT + TIME_BYTES + ((buf[off + TIME_AT + TIME_BYTES - 1] & TimeFields.OFFSET) != 0 ? 4 : 0);
    }

    /** A reader at the id, past the fixed-width blocks. */
    private Packed.Reader texts() {
        int at = placeAt();
        if (isLocated()) {
            at += 8 + 8 + 1 + 1 + (buf[off + at + 17] != 0 ? 8 : 0);
        }
        return new Packed.Reader(buf, off + at);
    }

    private Packed.Reader atTitle() {
        Packed.Reader r = texts();
        r.skipTexts(1 + (isDated() ? 1 : 0) + (isLocated() ? 4 : 0));
        if ((buf[off] & OUTCOME) != 0) {
            r.count();
            r.count();
            r.skipText();
        }
        return r;
    }

    private Packed.Reader afterSources() {
        Packed.Reader r = atTitle();
        r.skipTexts(2);
        r.skipTexts(r.count() * 6);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        // packing is deterministic: equal values make equal bytes
        return o == this || o instanceof Incident other && category.equals(other.category)
                && Arrays.equals(buf, off, off + len, other.buf, other.off, other.off + other.len);
    }

    @Override
    public int hashCode() {
        int h = category.hashCode();
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "Incident[id=" + id() + ", title=" + title() + ", when=" + when() + ", where=" + where()
                + ", category=" + category + ", summary=" + summary() + ", outcome=" + outcome() + ", sources="
                + sources() + ", tags=" + tags() + ", related=" + related() + "]";
    }

    /** The bytes {@link #pack(IncidentDraft, byte[], int)} writes for {@code d}. */
    static int packedSize(IncidentDraft d) {
        TimeFields when = d.when;
        int n = 1;
        if (when.dated) {
            n += TIME_BYTES + ((when.flags & TimeFields.OFFSET) != 0 ? 4 : 0) + textSize(d, d.whenText);
        }
        if (d.place != null) {
            GeoLocation g = d.place;
            n += 8 + 8 + 2 + (g.uncertaintyKm() != null ? 8 : 0) + textSize(g.id()) + textSize(g.name())
                    + textSize(g.admin1()) + textSize(g.country());
        } else if (d.inline) {
            n += 8 + 8 + 2 + (Double.isNaN(d.uncertaintyKm) ? 0 : 8) + 1 + textSize(d, d.placeName)
                    + textSize(d, d.admin1) + textSize(d, d.country);
        }
        if (d.hasOutcome) {
            n += varintSize(d.killed + 1) + varintSize(d.injured + 1) + textSize(d, d.damage);
        }
        n += textSize(d, d.id) + textSize(d, d.title) + textSize(d, d.summary);
        n += varintSize(d.sourceCount);
        for (int i = 0; i < 6 * d.sourceCount; i++) {
            n += textSize(d, d.sources[i]);
        }
        n += varintSize(d.tagCount);
        for (int i = 0; i < d.tagCount; i++) {
            n += textSize(d, d.tags[i]);
        }
        List<String> related = d.related;
        n += varintSize(related.size());
        for (int i = 0; i < related.size(); i++) { // no iterator: one a pack, a million a load
            n += textSize(related.get(i));
        }
        return n;
    }

    /** Packs {@code d} (all but its category) at {@code b[at]}, exactly as {@link #pack} packs the same values. */
    static void pack(IncidentDraft d, byte[] b, int at) {
        Objects.requireNonNull(d.category, "category");
        if (d.id == IncidentDraft.NONE || d.title == IncidentDraft.NONE) {
            throw new NullPointerException("id and title");
        }
        TimeFields when = d.when;
        boolean located = d.place != null || d.inline;
        int p = at;
        b[p++] = (byte) ((when.dated ? DATED : 0) | (located ? LOCATED : 0) | (d.hasOutcome ? OUTCOME : 0));
        if (when.dated) {
            p = i64(b, p, when.earliestSecond);
            p = i32(b, p, when.earliestNano);
            p = i64(b, p, when.latestSecond);
            p = i32(b, p, when.latestNano);
            b[p++] = (byte) when.precision.ordinal();
            b[p++] = (byte) when.flags;
            if ((when.flags & TimeFields.OFFSET) != 0) {
                p = i32(b, p, when.offsetSeconds);
            }
        }
        if (d.place != null) {
            GeoLocation g = d.place;
            p = i64(b, p, Double.doubleToLongBits(g.lat()));
            p = i64(b, p, Double.doubleToLongBits(g.lon()));
            b[p++] = (byte) g.precision().ordinal();
            b[p++] = (byte) (g.uncertaintyKm() != null ? 1 : 0);
            if (g.uncertaintyKm() != null) {
                p = i64(b, p, Double.doubleToLongBits(g.uncertaintyKm()));
            }
        } else if (d.inline) {
            boolean unc = !Double.isNaN(d.uncertaintyKm);
            p = i64(b, p, Double.doubleToLongBits(d.lat));
            p = i64(b, p, Double.doubleToLongBits(d.lon));
            b[p++] = (byte) d.precision.ordinal();
            b[p++] = (byte) (unc ? 1 : 0);
            if (unc) {
                p = i64(b, p, Double.doubleToLongBits(d.uncertaintyKm));
            }
        }
        p = text(b, p, d, d.id);
        if (when.dated) {
            p = text(b, p, d, d.whenText);
        }
        if (d.place != null) {
            GeoLocation g = d.place;
            p = text(b, p, g.id());
            p = text(b, p, g.name());
            p = text(b, p, g.admin1());
            p = text(b, p, g.country());
        } else if (d.inline) {
            b[p++] = 0; // an inline place has no id
            p = text(b, p, d, d.placeName);
            p = text(b, p, d, d.admin1);
            p = text(b, p, d, d.country);
        }
        if (d.hasOutcome) {
            p = varint(b, p, d.killed + 1);
            p = varint(b, p, d.injured + 1);
            p = text(b, p, d, d.damage);
        }
        p = text(b, p, d, d.title);
        p = text(b, p, d, d.summary);
        p = varint(b, p, d.sourceCount);
        for (int i = 0; i < 6 * d.sourceCount; i++) {
            p = text(b, p, d, d.sources[i]);
        }
        p = varint(b, p, d.tagCount);
        for (int i = 0; i < d.tagCount; i++) {
            p = text(b, p, d, d.tags[i]);
        }
        List<String> related = d.related;
        p = varint(b, p, related.size());
        for (int i = 0; i < related.size(); i++) {
            p = text(b, p, Objects.requireNonNull(related.get(i), "related element"));
        }
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    private static int varint(byte[] b, int p, int v) {
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    private static int i32(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        return p + 4;
    }

    private static int i64(byte[] b, int p, long v) {
        p = i32(b, p, (int) (v >>> 32));
        return i32(b, p, (int) v);
    }

    private static int textSize(IncidentDraft d, long ref) {
        if (ref == IncidentDraft.NONE) {
            return 1;
        }
        int header = 1 + (int) ref;
        int n = IncidentDraft.length(ref);
        return varintSize(header) + ((ref & 1) != 0 ? 2 * n : n);
    }

    private static int text(byte[] b, int p, IncidentDraft d, long ref) {
        if (ref == IncidentDraft.NONE) {
            b[p] = 0;
            return p + 1;
        }
        p = varint(b, p, 1 + (int) ref);
        int bytes = (ref & 1) != 0 ? 2 * IncidentDraft.length(ref) : IncidentDraft.length(ref);
        System.arraycopy(d.arena, (int) (ref >>> 32), b, p, bytes);
        return p + bytes;
    }

    private static boolean wide(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static int textSize(String s) {
        if (s == null) {
            return 1;
        }
        int n = s.length();
        boolean wide = wide(s);
        return varintSize(1 + (n << 1 | (wide ? 1 : 0))) + (wide ? 2 * n : n);
    }

    private static int text(byte[] b, int p, String s) {
        if (s == null) {
            b[p] = 0;
            return p + 1;
        }
        int n = s.length();
        boolean wide = wide(s);
        p = varint(b, p, 1 + (n << 1 | (wide ? 1 : 0)));
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (wide) {
                b[p++] = (byte) (c >>> 8);
            }
            b[p++] = (byte) c;
        }
        return p;
    }

    /**
     * Values packed into bytes, losslessly for any Java string (lone surrogates included). Fixed-width numbers are
     * big-endian. A count is a variable-length unsigned int (7 bits a byte). A text is such a header, 0 for
     * {@code null}, else {@code 1 + (length << 1 | wide)}, then its {@code length} chars: one byte each when every
     * char is below 256, else two bytes each.
     */
    static final class Packed {
        private Packed() {
        }

        static final class Writer {
            private static final ThreadLocal<Writer> OF_THREAD = ThreadLocal.withInitial(Writer::new);
            private byte[] buf = new byte[512];
            private int size;

            /** This thread's writer, emptied: one buffer per thread, so that packing allocates only its result. */
            static Writer get() {
                Writer w = OF_THREAD.get();
                w.size = 0;
                return w;
            }

            void u8(int v) {
                ensure(1);
                buf[size++] = (byte) v;
            }

            void i32(int v) {
                ensure(4);
                for (int shift = 24; shift >= 0; shift -= 8) {
                    buf[size++] = (byte) (v >>> shift);
                }
            }

            void i64(long v) {
                ensure(8);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    buf[size++] = (byte) (v >>> shift);
                }
            }

            void count(int n) {
                varint(n);
            }

            void text(String s) {
                if (s == null) {
                    varint(0);
                    return;
                }
                int len = s.length();
                // Most texts are Latin-1; for those the JDK's encoder is a plain array copy. A char it cannot
                // encode comes out as '?', which the check below tells from a real '?'.
                byte[] latin = s.getBytes(StandardCharsets.ISO_8859_1);
                if (encodedExactly(latin, s)) {
                    varint(1 + (len << 1));
                    ensure(len);
                    System.arraycopy(latin, 0, buf, size, len);
                    size += len;
                    return;
                }
                varint(1 + (len << 1 | 1));
                ensure(2 * len);
                byte[] b = buf;
                int p = size;
                for (int i = 0; i < len; i++) {
                    char c = s.charAt(i);
                    b[p++] = (byte) (c >>> 8);
                    b[p++] = (byte) c;
                }
                size = p;
            }

            private static boolean encodedExactly(byte[] latin, String s) {
                for (int i = 0; i < latin.length; i++) {
                    if (latin[i] == '?' && s.charAt(i) != '?') {
                        return false;
                    }
                }
                return true;
            }

            int size() {
                return size;
            }

            void copyTo(byte[] dst, int at) {
                System.arraycopy(buf, 0, dst, at, size);
            }

            byte[] toArray() {
                byte[] out = Arrays.copyOf(buf, size);
                if (buf.length > 1 << 16) { // a rare huge text: do not keep its buffer for the thread's life
                    buf = new byte[512];
                }
                return out;
            }

            private void varint(int v) {
                ensure(5);
                while ((v & ~0x7F) != 0) {
                    buf[size++] = (byte) (v & 0x7F | 0x80);
                    v >>>= 7;
                }
                buf[size++] = (byte) v;
            }

            private void ensure(int more) {
                if (size + more > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
                }
            }
        }

        static final class Reader {
            private final byte[] buf;
            private int pos;

            Reader(byte[] buf, int pos) {
                this.buf = buf;
                this.pos = pos;
            }

            int u8() {
                return buf[pos++] & 0xFF;
            }

            int i32() {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    v = v << 8 | buf[pos++] & 0xFF;
                }
                return v;
            }

            long i64() {
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v = v << 8 | buf[pos++] & 0xFF;
                }
                return v;
            }

            int count() {
                return varint();
            }

            String text() {
                int h = varint();
                if (h == 0) {
                    return null;
                }
                int len = (h - 1) >>> 1;
                if (((h - 1) & 1) == 0) {
                    String s = new String(buf, pos, len, StandardCharsets.ISO_8859_1);
                    pos += len;
                    return s;
                }
                return wide(len);
            }

            /** The {@code len} two-byte chars here, moving past them. */
            private String wide(int len) {
                char[] cs = new char[len];
                for (int i = 0; i < len; i++) {
                    cs[i] = (char) ((buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF);
                    pos += 2;
                }
                return new String(cs);
            }

            /**
             * Marks in {@code found} the words the text here contains (compared lower-cased), and moves past it.
             * Returns how many words are still missing.
             */
            int matchText(String[] words, boolean[] found, int missing) {
                if (missing == 0) {
                    skipText();
                    return 0;
                }
                int h = varint();
                if (h == 0) {
                    return missing;
                }
                int len = (h - 1) >>> 1;
                if (((h - 1) & 1) != 0) { // wide: decode, as the general case
                    return match(wide(len), words, found, missing);
                }
                for (int w = 0; w < words.length; w++) {
                    if (!found[w] && latin1Contains(buf, pos, len, words[w])) {
                        found[w] = true;
                        missing--;
                    }
                }
                pos += len;
                return missing;
            }

            static int match(String text, String[] words, boolean[] found, int missing) {
                if (text == null || missing == 0) {
                    return missing;
                }
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                for (int w = 0; w < words.length; w++) {
                    if (!found[w] && lower.contains(words[w])) {
                        found[w] = true;
                        missing--;
                    }
                }
                return missing;
            }

            /**
             * Whether the Latin-1 text {@code b[from, from + len)}, lower-cased, contains {@code word}. Lower-casing
             * keeps Latin-1 text within Latin-1, so a word with any other char cannot be in it.
             */
            private static boolean latin1Contains(byte[] b, int from, int len, String word) {
                int m = word.length();
                if (m == 0) {
                    return true;
                }
                for (int j = 0; j < m; j++) {
                    if (word.charAt(j) > 0xFF) {
                        return false;
                    }
                }
                // the one or two bytes whose lower case is the word's first char: a plain scan for them
                char first = word.charAt(0);
                byte f1 = (byte) first;
                boolean hasUpper = (first >= 'a' && first <= 'z') || (first >= 0xE0 && first <= 0xFE && first != 0xF7);
                byte f2 = hasUpper ? (byte) (first - 32) : f1;
                for (int i = from, last = from + len - m; i <= last; i++) {
                    byte x = b[i];
                    if (x != f1 && x != f2) {
                        continue;
                    }
                    int j = 1;
                    while (j < m && lower(b[i + j]) == word.charAt(j)) {
                        j++;
                    }
                    if (j == m) {
                        return true;
                    }
                }
                return false;
            }

            /** {@code Character.toLowerCase} of each Latin-1 char: A–Z and À–Þ (but ×) move up by 32. */
            private static final char[] LOWER = new char[256];

            static {
                for (int c = 0; c < 256; c++) {
                    LOWER[c] = (char) ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c);
                }
            }

            private static char lower(byte x) {
                return LOWER[x & 0xFF];
            }

            void skipText() {
                int h = varint();
                if (h != 0) {
                    int len = (h - 1) >>> 1;
                    pos += ((h - 1) & 1) == 0 ? len : 2 * len;
                }
            }

            void skipTexts(int n) {
                for (int i = 0; i < n; i++) {
                    skipText();
                }
            }

            List<String> texts(int n) {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = text();
                }
                return List.of(out);
            }

            private int varint() {
                int v = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = buf[pos++];
                    v |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        return v;
                    }
                }
            }
        }
    }
}
