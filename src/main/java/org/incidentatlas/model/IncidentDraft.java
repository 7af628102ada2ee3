package org.incidentatlas.model;

import java.util.Arrays;
import java.util.List;

/**
 * One incident's checked values as a fast reader collects them, before {@link IncidentStore#add(IncidentDraft)}
 * packs them: texts stay in one reused byte array (one byte a char when every char is below 256, else two), so
 * reading an incident makes no {@code String}, no {@link Source} and no list. Reused for every incident of a
 * reading thread; not thread-safe.
 */
public final class IncidentDraft {
    /** A text that is absent. */
    public static final long NONE = -1;

    byte[] arena = new byte[2048];
    private int used;

    /** Required: the id, title and category. The id's {@link String#hashCode}, which the reader computes. */
    public long id;
    public int idHash;
    public long title;
    public Category category;
    public long summary;
    /** The date ({@link TimeFields#dated} false if undated), and the text it was written as. */
    public final TimeFields when = new TimeFields();
    public long whenText;
    /** A place from the file's table, or else an inline place when {@link #inline}, or neither. */
    public GeoLocation place;
    public boolean inline;
    public double lat;
    public double lon;
    public PlacePrecision precision;
    /** NaN when not given. */
    public double uncertaintyKm;
    public long placeName;
    public long admin1;
    public long country;
    public boolean hasOutcome;
    /** -1 when not given. */
    public int killed;
    public int injured;
    public long damage;
    /** Six texts a source: outlet, speaker, quote, published, url, note. */
    public int sourceCount;
    public long[] sources = new long[6 * 4];
    public int tagCount;
    public long[] tags = new long[8];
    public List<String> related;

    /** An empty draft. */
    public IncidentDraft() {
        clear();
    }

    /** Forgets the last incident's values and texts. */
    public void clear() {
        used = 0;
        id = NONE;
        title = NONE;
        category = null;
        summary = NONE;
        when.clear();
        whenText = NONE;
        place = null;
        inline = false;
        placeName = NONE;
        admin1 = NONE;
        country = NONE;
        hasOutcome = false;
        killed = -1;
        injured = -1;
        damage = NONE;
        sourceCount = 0;
        tagCount = 0;
        related = List.of();
    }

    /**
     * Keeps {@code c[from, to)} and returns its reference: one byte a char, or two (big-endian) when {@code wide}
     * (some char is 256 or above).
     */
    public long text(char[] c, int from, int to, boolean wide) {
        int n = to - from;
        int bytes = wide ? 2 * n : n;
        if (used + bytes > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + bytes));
        }
        byte[] a = arena;
        int p = used;
        if (wide) {
            for (int i = from; i < to; i++) {
                char ch = c[i];
                a[p++] = (byte) (ch >>> 8);
                a[p++] = (byte) ch;
            }
        } else {
            for (int i = from; i < to; i++) {
                a[p++] = (byte) c[i];
            }
        }
        long ref = (long) used << 32 | (long) n << 1 | (wide ? 1 : 0);
        used = p;
        return ref;
    }

    /** What {@link #plain} returns when a char is not printable ASCII. */
    public static final long NOT_PLAIN = -2;

    /**
     * Keeps {@code c[from, to)} when every char is printable ASCII (U+0020 to U+007E, nearly all text in a file)
     * and returns its reference; else keeps nothing and returns {@link #NOT_PLAIN}. One pass that checks and
     * copies.
     */
    public long plain(char[] c, int from, int to) {
        int n = to - from;
        if (used + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
        }
        byte[] a = arena;
        int p = used;
        for (int i = from; i < to; i++) {
            char ch = c[i];
            if ((char) (ch - 0x20) >= 0x5f) {
                return NOT_PLAIN;
            }
            a[p++] = (byte) ch;
        }
        long ref = (long) used << 32 | (long) n << 1;
        used = p;
        return ref;
    }

    /**
     * Keeps the bytes of a JSON string in place, from {@code b[from]} (just after its opening quote) up to its
     * closing quote, when every byte before that is printable ASCII other than a backslash (no escape, no
     * multi-byte char); else, or when no quote comes before {@code limit}, keeps nothing and returns
     * {@link #NOT_PLAIN}. (Eight bytes at a time through a {@code VarHandle} was slower here: most texts are short.)
     */
    public long plainString(byte[] b, int from, int limit) {
        int i = from;
        while (true) {
            if (i >= limit) {
                return NOT_PLAIN;
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (((c - 0x20) & 0xff) >= 0x5f || c == '\\') { // below space, DEL or above: not plain
                return NOT_PLAIN;
            }
            i++;
        }
        int n = i - from;
        if (used + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
        }
        System.arraycopy(b, from, arena, used, n);
        long ref = (long) used << 32 | (long) n << 1;
        used += n;
        return ref;
    }

    /** The part {@code [from, to)} of a kept text of one byte a char. */
    public static long slice(long ref, int from, int to) {
        return (ref >>> 32) + from << 32 | (long) (to - from) << 1;
    }

    /** Room for one more source's six texts, all {@link #NONE}; returns the index of its first. */
    public int addSource() {
        int at = 6 * sourceCount;
        if (at + 6 > sources.length) {
            sources = Arrays.copyOf(sources, sources.length * 2);
        }
        Arrays.fill(sources, at, at + 6, NONE);
        sourceCount++;
        return at;
    }

    /** Adds a tag's text. */
    public void addTag(long text) {
        if (tagCount == tags.length) {
            tags = Arrays.copyOf(tags, tagCount * 2);
        }
        tags[tagCount++] = text;
    }

    /** The length in chars of a kept text. */
    public static int length(long ref) {
        return (int) ref >>> 1;
    }

    /** The {@code i}-th char of a kept text of one byte a char. */
    public int narrowChar(long ref, int i) {
        return arena[(int) (ref >>> 32) + i] & 0xff;
    }

    /** The kept text as a {@code String} (for the few places that need one). */
    public String string(long ref) {
        if (ref == NONE) {
            return null;
        }
        int at = (int) (ref >>> 32);
        int n = length(ref);
        if ((ref & 1) == 0) {
            return new String(arena, at, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ((arena[at + 2 * i] & 0xff) << 8 | arena[at + 2 * i + 1] & 0xff);
        }
        return new String(c);
    }

    /** Whether the kept text equals {@code s}. */
    public boolean textEquals(long ref, String s) {
        int n = length(ref);
        if (s.length() != n) {
            return false;
        }
        int at = (int) (ref >>> 32);
        boolean wide = (ref & 1) != 0;
        for (int i = 0; i < n; i++) {
            char ch = wide ? (char) ((arena[at + 2 * i] & 0xff) << 8 | arena[at + 2 * i + 1] & 0xff)
                    : (char) (arena[at + i] & 0xff);
            if (ch != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
