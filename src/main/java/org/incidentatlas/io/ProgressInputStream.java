package org.incidentatlas.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read from a stream for a progress bar, and stops the read when asked to. The counter is
 * reported at most every 64 KiB; cancelling makes the next read throw {@link Cancelled}. Not thread-safe
 * (one reader thread); the callbacks run on it.
 */
public final class ProgressInputStream extends FilterInputStream {
    /** Thrown by a read after cancellation. */
    public static final class Cancelled extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled");
        }
    }

    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private long count;
    private long reported;

    public ProgressInputStream(InputStream in, LongConsumer progress, BooleanSupplier cancelled) {
        super(in);
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        check();
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void check() throws Cancelled {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    private void advance(int n) {
        count += n;
        if (count - reported >= 64 * 1024) {
            reported = count;
            progress.accept(count);
        }
    }
}
