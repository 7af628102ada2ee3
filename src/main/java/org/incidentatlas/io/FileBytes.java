package org.incidentatlas.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened for reading at any offset, from any number of threads at once (positional reads never move a
 * shared position): what lets the reader split a big file between two threads and go back to one incident's bytes.
 * Read-only: the file is opened for reading and nothing is ever written.
 */
final class FileBytes implements AutoCloseable {
    private final FileChannel channel;
    private final long size;

    FileBytes(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        size = channel.size();
    }

    long size() {
        return size;
    }

    /** The {@code n} bytes from {@code position}. */
    byte[] read(long position, int n) throws IOException {
        byte[] out = new byte[n];
        ByteBuffer b = ByteBuffer.wrap(out);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw new EOFException("the file ended early; did it change while being read?");
            }
        }
        return out;
    }

    /**
     * Bytes read from the file at once by a stream: 10,000 reads for the generated million (650 MB) instead of the
     * parser's 80,000. Kept small so that a file rewritten while it is read is still noticed (a bigger block would
     * hold more of the old bytes).
     */
    private static final int BLOCK = 64 << 10;

    /**
     * A stream of the bytes from {@code position} to the end (not to be closed separately). It reads the file in
     * blocks of up to 64 KB, so that a parser asking for a few KB at a time does not make a system call each time.
     */
    InputStream from(long position) {
        return new InputStream() {
            private final ByteBuffer block = ByteBuffer.allocateDirect( // small files, small blocks (a file may grow)
                    (int) Math.max(8192, Math.min(BLOCK, size - position))).limit(0);
            /** The file offset of the next byte to read into the block. */
            private long at = position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!block.hasRemaining()) {
                    block.clear();
                    int n = channel.read(block, at);
                    block.flip();
                    if (n < 0) {
                        return -1;
                    }
                    at += n;
                }
                int k = Math.min(len, block.remaining());
                block.get(buf, off, k);
                return k;
            }
        };
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
