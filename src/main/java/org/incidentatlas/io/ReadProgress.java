package org.incidentatlas.io;

import java.io.InputStream;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The bytes read by a reader's threads, added up for one progress bar that never goes back; and the Cancel they
 * all obey. A part whose work is dropped (a second half that was not used) is withdrawn, so that the bytes the
 * first thread then reads again are not counted twice. Thread-safe.
 */
final class ReadProgress {
    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private long total;
    private long told;

    /** @param progress told the bytes read so far (may be null); @param cancelled when true, reads stop (may be null) */
    ReadProgress(LongConsumer progress, BooleanSupplier cancelled) {
        this.progress = progress;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** One stream's share of the total. */
    final class Part {
        private long counted;
        private boolean withdrawn;

        /** {@code in}, counted as this part, and stopping with {@link ProgressInputStream.Cancelled} on Cancel. */
        InputStream wrap(InputStream in) {
            return new ProgressInputStream(in, count -> add(this, count), cancelled);
        }

        /** Takes this part's bytes out of the total, and ignores any it reads from now on. */
        void withdraw() {
            synchronized (ReadProgress.this) {
                total -= counted;
                counted = 0;
                withdrawn = true;
            }
        }
    }

    Part part() {
        return new Part();
    }

    private synchronized void add(Part part, long count) {
        if (part.withdrawn) {
            return;
        }
        total += count - part.counted;
        part.counted = count;
        if (total > told) { // in the lock: two threads' reports cannot arrive in the wrong order
            told = total;
            if (progress != null) {
                progress.accept(total);
            }
        }
    }
}
