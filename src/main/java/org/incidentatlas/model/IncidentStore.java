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
    /** A full-size chunk made ahead of time by another thread ({@link #prepareChunk}), or {@code null}. */
    private final java.util.concurrent.atomic.AtomicReference<byte[]> spare =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Set once chunks have reached full size: from then on a spare chunk is worth making. */
    private volatile boolean fullSizeChunks;

    /** Adds a copy of {@code incident}. */
    public void add(Incident incident) {
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

    Incident view(int i) {
        long a = at[i];
        return new Incident(category[i], chunks[(int) (a >>> 32)], (int) a, length[i]);
    }

    /** The stored incidents in the order {@code order} gives (indices of this store), as a new store sharing the
     * chunks. */
    IncidentStore permuted(int[] order) {
        IncidentStore s = new IncidentStore();
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
