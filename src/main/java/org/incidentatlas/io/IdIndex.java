package org.incidentatlas.io;

import org.incidentatlas.model.IncidentStore;

/**
 * The ids of the incidents in an {@link IncidentStore}, for duplicate and reference checks while a file streams
 * in: an open-addressing table of store indices (8 bytes an incident, no object per id). A probe compares hashes
 * first and decodes a stored id only when they match. Not thread-safe.
 */
final class IdIndex {
    private final IncidentStore store;
    /** Store index + 1 per slot; 0 is empty. */
    private int[] slots = new int[1024];
    private int[] hashes = new int[1024];
    private int size;

    IdIndex(IncidentStore store) {
        this.store = store;
    }

    boolean contains(String id) {
        int h = id.hashCode();
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; slots[s] != 0; s = (s + 1) & mask) {
            if (hashes[s] == h && store.get(slots[s] - 1).id().equals(id)) {
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
        put(id.hashCode(), index + 1);
        size++;
    }

    private void put(int h, int value) {
        int mask = slots.length - 1;
        int s = spread(h) & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = value;
        hashes[s] = h;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        for (int s = 0; s < oldSlots.length; s++) {
            if (oldSlots[s] != 0) {
                put(oldHashes[s], oldSlots[s]);
            }
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
