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
        return contains(id.hashCode(), () -> id);
    }

    /**
     * As {@link #contains(String)} for an id known by its hash {@code h} ({@link String#hashCode}); {@code id}
     * makes the id itself, and is asked only when a stored id has the same hash.
     */
    boolean contains(int h, java.util.function.Supplier<String> id) {
        int mask = slots.length - 1;
        String text = null;
        for (int s = spread(h) & mask; slots[s] != 0; s = (s + 1) & mask) {
            long v = slots[s];
            if ((int) (v >>> 32) == h) {
                if (text == null) {
                    text = id.get();
                }
                if (store.get((int) v - 1).id().equals(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records that the store's incident {@code index} has an id of hash {@code h}, not yet contained. */
    void add(int h, int index) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        put((long) h << 32 | (index + 1));
        size++;
    }

    /** Records that the store's incident {@code index} has id {@code id} (not yet {@link #contains contained}). */
    void add(String id, int index) {
        add(id.hashCode(), index);
    }

    /**
     * Takes in the ids of {@code other}, whose store's incidents were appended to this one's store from index
     * {@code offset}; call before appending them. Returns false, changing nothing, when an id is in both.
     */
    boolean absorb(IdIndex other, int offset) {
        for (long v : other.slots) {
            if (v != 0 && contains((int) (v >>> 32), () -> other.store.get((int) v - 1).id())) {
                return false;
            }
        }
        for (long v : other.slots) {
            if (v != 0) {
                add((int) (v >>> 32), (int) v - 1 + offset);
            }
        }
        return true;
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
