package org.incidentatlas.model;

import java.util.Arrays;
import java.util.List;

/**
 * Incidents in the order they were added, kept packed in a few large byte arrays: what a reader fills while it
 * streams a big file, and what a {@link IncidentCatalog} keeps.
 *
 * <p>Why: a loaded incident used to be about eighteen small objects, then two; either way the young garbage
 * collections copied every one of them (often twice) while a million-incident file loaded. Here an incident's
 * bytes are copied into chunks (doubling from 8 KB to 4 MB; the JVM allocates arrays that large outside the young
 * generation and never copies them), and {@link #get} hands out a light {@link Incident} view over them. Not thread-safe while being filled; safe to
 * read from any thread once handed to a catalog.
 */
public final class IncidentStore {
    /** Just under 4 MB, so that a chunk with its array header fills whole heap regions of 1, 2 or 4 MB. */
    static final int CHUNK = (4 << 20) - 64;

    private byte[][] chunks = new byte[4][];
    private int chunkCount;
    /** Bytes used in the last chunk. */
    private int used;
    /** Per incident: chunk index in the high 32 bits, offset in the low 32. */
    private long[] at = new long[256];
    private int[] length = new int[256];
    private Category[] category = new Category[256];
    private int size;
    /**
     * Per incident, what a catalog's indexes read (see {@link Keys}), kept as incidents are added from their values
     * so that the catalog need not decode them all again; {@code null} once an incident came in another way.
     */
    private Keys keys = new Keys(256);
    /** A full-size chunk made ahead of time by another thread ({@link #prepareChunk}), or {@code null}. */
    private final java.util.concurrent.atomic.AtomicReference<byte[]> spare =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Set once chunks have reached full size: from then on a spare chunk is worth making. */
    private volatile boolean fullSizeChunks;

    /** Adds a copy of {@code incident}. */
    public void add(Incident incident) {
        keys = null;
        int n = incident.packedLength();
        int at = reserve(n);
        incident.copyPacked(chunks[chunkCount - 1], at);
        record(at, n, incident.category());
    }

    /**
     * Adds the incident these values make, as {@link Incident#Incident the constructor} takes them, without
     * making the {@code Incident} first: what a reader of big files calls.
     *
     * @throws NullPointerException when a required value, a list or an element of a list is {@code null}
     */
    public void add(String id, String title, TimeExtent when, GeoLocation where, Category category,
                    String summary, Outcome outcome, List<Source> sources, List<String> tags, List<String> related) {
        java.util.Objects.requireNonNull(category, "category");
        Incident.Packed.Writer w = Incident.Packed.Writer.get();
        Incident.pack(w, id, title, when, where, summary, outcome, sources, tags, related);
        int n = w.size();
        int at = reserve(n);
        w.copyTo(chunks[chunkCount - 1], at);
        record(at, n, category);
        if (keys != null) {
            keys.set(size - 1, id, when, where);
        }
    }

    /** Adds the incident {@code d} holds, packed straight into the store: what a fast reader calls. */
    public void add(IncidentDraft d) {
        java.util.Objects.requireNonNull(d.category, "category");
        int n = Incident.packedSize(d);
        int at = reserve(n);
        Incident.pack(d, chunks[chunkCount - 1], at);
        record(at, n, d.category);
        if (keys != null) {
            keys.set(size - 1, d);
        }
    }

    /**
     * Appends {@code other}'s incidents after this store's, sharing its chunks (nothing is copied but this store's
     * last chunk, trimmed to what it holds). {@code other} must not be used afterwards. For a file read in two parts.
     */
    public void append(IncidentStore other) {
        if (other.size == 0) {
            return;
        }
        if (chunkCount > 0 && used < chunks[chunkCount - 1].length) {
            chunks[chunkCount - 1] = Arrays.copyOf(chunks[chunkCount - 1], used);
        }
        int firstChunk = chunkCount;
        if (chunkCount + other.chunkCount > chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount + other.chunkCount);
        }
        System.arraycopy(other.chunks, 0, chunks, chunkCount, other.chunkCount);
        chunkCount += other.chunkCount;
        used = other.used;
        fullSizeChunks = fullSizeChunks || other.fullSizeChunks;
        int n = size + other.size;
        if (n > at.length) {
            at = Arrays.copyOf(at, n);
            length = Arrays.copyOf(length, n);
            category = Arrays.copyOf(category, n);
        }
        for (int k = 0; k < other.size; k++) {
            long a = other.at[k];
            at[size + k] = (long) ((int) (a >>> 32) + firstChunk) << 32 | (a & 0xFFFF_FFFFL);
        }
        System.arraycopy(other.length, 0, length, size, other.size);
        System.arraycopy(other.category, 0, category, size, other.size);
        if (keys != null && other.keys != null) {
            keys.grow(Math.max(keys.earliest.length, n));
            keys.copy(other.keys, other.size, size);
        } else {
            keys = null;
        }
        size = n;
    }

    /** Where {@code n} more bytes go in the last chunk, which this makes room for. */
    private int reserve(int n) {
        byte[] chunk = chunkCount == 0 ? null : chunks[chunkCount - 1];
        if (chunk == null || used + n > chunk.length) {
            // small stores stay small: chunks double from 8 KB up to the full size
            int next = chunk == null ? 8192 : Math.min(CHUNK, chunk.length * 2);
            byte[] ready = next == CHUNK && n <= CHUNK ? spare.getAndSet(null) : null;
            chunk = ready != null ? ready : new byte[Math.max(next, n)];
            if (next == CHUNK && !fullSizeChunks) {
                fullSizeChunks = true;
            }
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            chunks[chunkCount++] = chunk;
            used = 0;
        }
        int start = used;
        used += n;
        return start;
    }

    private void record(int offset, int n, Category c) {
        if (size == at.length) {
            int cap = size + (size >> 1);
            at = Arrays.copyOf(at, cap);
            length = Arrays.copyOf(length, cap);
            category = Arrays.copyOf(category, cap);
            if (keys != null) {
                keys.grow(cap);
            }
        }
        at[size] = (long) (chunkCount - 1) << 32 | offset;
        length[size] = n;
        category[size] = c;
        size++;
    }

    /**
     * Makes the next full-size chunk now, on the calling thread, when the store has grown to full-size chunks and
     * none is waiting: zeroing 4 MB (and the kernel's first touch of its pages) then costs the caller, not the
     * thread that fills the store. The one call that may come from another thread while the store is being filled;
     * a reader's parsing thread calls it between batches.
     */
    public void prepareChunk() {
        if (fullSizeChunks && spare.get() == null) {
            spare.compareAndSet(null, new byte[CHUNK]);
        }
    }

    /** True when a chunk made by {@link #prepareChunk} waits to be used (tests). */
    boolean hasSpareChunk() {
        return spare.get() != null;
    }

    /** How many incidents were added. */
    public int size() {
        return size;
    }

    /** The {@code i}-th incident added: a new view of the stored bytes, equal to what was added. */
    public Incident get(int i) {
        java.util.Objects.checkIndex(i, size);
        return view(i);
    }

    Category category(int i) {
        return category[i];
    }

    /** The indexes' values of every incident, when all came in from their values; else {@code null}. */
    Keys keys() {
        return keys;
    }

    /**
     * What a catalog's indexes read of each incident, in arrays: its earliest and latest instants in epoch
     * milliseconds ({@link Long#MAX_VALUE} when undated), latitude and longitude (NaN when unlocated), its id's
     * hash and its first-level area. Each as {@link Incident}'s accessors give it from the packed bytes.
     */
    static final class Keys {
        long[] earliest;
        long[] latest;
        double[] lat;
        double[] lon;
        int[] idHash;
        String[] area;

        Keys(int capacity) {
            earliest = new long[capacity];
            latest = new long[capacity];
            lat = new double[capacity];
            lon = new double[capacity];
            idHash = new int[capacity];
            area = new String[capacity];
        }

        void set(int i, String id, TimeExtent when, GeoLocation where) {
            earliest[i] = when == null ? Long.MAX_VALUE : millis(when.earliest());
            latest[i] = when == null ? Long.MAX_VALUE : millis(when.latest());
            lat[i] = where == null ? Double.NaN : where.lat();
            lon[i] = where == null ? Double.NaN : where.lon();
            idHash[i] = id.hashCode();
            area[i] = where == null ? null : where.admin1();
        }

        private static long millis(java.time.Instant t) {
            return TimeFields.millis(t.getEpochSecond(), t.getNano());
        }

        void set(int i, IncidentDraft d) {
            TimeFields when = d.when;
            earliest[i] = when.dated ? when.earliestMillis() : Long.MAX_VALUE;
            latest[i] = when.dated ? when.latestMillis() : Long.MAX_VALUE;
            boolean located = d.place != null || d.inline;
            lat[i] = d.place != null ? d.place.lat() : d.inline ? d.lat : Double.NaN;
            lon[i] = d.place != null ? d.place.lon() : d.inline ? d.lon : Double.NaN;
            idHash[i] = d.idHash;
            area[i] = !located ? null : d.place != null ? d.place.admin1() : areaName(d);
        }

        /**
         * Area names repeat: one {@code String} for each distinct one, looked up by a hash of its bytes in an
         * open-addressing table (no boxed key per incident). Holds up to 4,096 names; others are made each time.
         */
        private final long[] areaHashes = new long[8192];
        private final String[] areaNames = new String[8192];
        private int areaCount;

        private String areaName(IncidentDraft d) {
            long ref = d.admin1;
            if (ref == IncidentDraft.NONE) {
                return null;
            }
            int at = (int) (ref >>> 32);
            int bytes = (ref & 1) != 0 ? 2 * IncidentDraft.length(ref) : IncidentDraft.length(ref);
            long h = ref & 0xFFFF_FFFFL;
            for (int i = 0; i < bytes; i++) {
                h = 31 * h + d.arena[at + i];
            }
            int mask = areaNames.length - 1;
            int slot = (int) (h ^ h >>> 32) * 0x9E3779B9 >>> 19 & mask;
            while (areaNames[slot] != null) {
                if (areaHashes[slot] == h && d.textEquals(ref, areaNames[slot])) {
                    return areaNames[slot];
                }
                slot = slot + 1 & mask;
            }
            String s = d.string(ref);
            if (areaCount < 4096) {
                areaHashes[slot] = h;
                areaNames[slot] = s;
                areaCount++;
            }
            return s;
        }

        void grow(int capacity) {
            if (capacity > earliest.length) {
                earliest = Arrays.copyOf(earliest, capacity);
                latest = Arrays.copyOf(latest, capacity);
                lat = Arrays.copyOf(lat, capacity);
                lon = Arrays.copyOf(lon, capacity);
                idHash = Arrays.copyOf(idHash, capacity);
                area = Arrays.copyOf(area, capacity);
            }
        }

        void copy(Keys from, int n, int at) {
            System.arraycopy(from.earliest, 0, earliest, at, n);
            System.arraycopy(from.latest, 0, latest, at, n);
            System.arraycopy(from.lat, 0, lat, at, n);
            System.arraycopy(from.lon, 0, lon, at, n);
            System.arraycopy(from.idHash, 0, idHash, at, n);
            System.arraycopy(from.area, 0, area, at, n);
        }
    }

    Incident view(int i) {
        long a = at[i];
        return new Incident(category[i], chunks[(int) (a >>> 32)], (int) a, length[i]);
    }

    /** The stored incidents in the order {@code order} gives (indices of this store), as a new store sharing the
     * chunks. */
    IncidentStore permuted(int[] order) {
        IncidentStore s = new IncidentStore();
        s.keys = null;
        s.chunks = chunks;
        s.chunkCount = chunkCount;
        s.used = used;
        s.size = order.length;
        s.at = new long[order.length];
        s.length = new int[order.length];
        s.category = new Category[order.length];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            s.at[k] = at[i];
            s.length[k] = length[i];
            s.category[k] = category[i];
        }
        return s;
    }

    /** Forgets the {@link #keys} (a catalog took what it needs from them). */
    void dropKeys() {
        keys = null;
    }

    /** Drops the spare capacity of the chunk and index arrays (after the last {@link #add}). */
    void trim() {
        spare.set(null);
        chunks = Arrays.copyOf(chunks, chunkCount);
        if (chunkCount > 0 && used < chunks[chunkCount - 1].length) {
            chunks[chunkCount - 1] = Arrays.copyOf(chunks[chunkCount - 1], used);
        }
        if (at.length != size) {
            at = Arrays.copyOf(at, size);
            length = Arrays.copyOf(length, size);
            category = Arrays.copyOf(category, size);
        }
    }
}
