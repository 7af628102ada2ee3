package org.incidentatlas.io;

import org.incidentatlas.model.IncidentStore;

/**
 * The ids of the incidents in an {@link IncidentStore}, for duplicate and reference checks while a file streams
 * in: an open-addressing table of (id hash, store index) pairs, 16 bytes an incident and no object per id. A slot
 * is one {@code long}, so a probe costs one cache miss; it decodes a stored id only when the hashes match.
 * Not thread-safe.
 */
final class IdIndex {
    private final IncidentStore store;
    /** Per slot: the id's hash in the high 32 bits, store index + 1 in the low 32; 0 is empty. */
    private long[] slots = new long[1024];
    private int size;

    IdIndex(IncidentStore store) {
        this.store = store;
    }

    boolean contains(String id) {
        int h = id.hashCode();
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; slots[s] != 0; s = (s + 1) & mask) {
            long v = slots[s];
            if ((int) (v >>> 32) == h && store.get((int) v - 1).id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Records that the store's incident {@code index} has id {@code id} (not yet {@link #contains contained}). */
    void add(String id, int index) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        put((long) id.hashCode() << 32 | (index + 1));
        size++;
    }

    private void put(long v) {
        int mask = slots.length - 1;
        int s = spread((int) (v >>> 32)) & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = v;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long v : old) {
            if (v != 0) {
                put(v);
            }
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
