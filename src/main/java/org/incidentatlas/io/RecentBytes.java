package org.incidentatlas.io;

import java.io.IOException;
import java.io.InputStream;
import org.incidentatlas.model.IncidentDraft;

/**
 * The stream a parser reads, remembering the bytes it handed over last (in the parser's own buffer, which the
 * parser only ever fills by reading) and where they are in the stream. A string token's bytes can then be kept in
 * place, from the offset the parser reports, without the parser decoding them to chars: the parser then skips
 * that string, which costs less. Only the bytes of the last read are trusted; a string that began earlier or runs
 * past them is left to the parser.
 */
final class RecentBytes extends InputStream {
    private final InputStream in;
    /** Bytes handed over so far. */
    private long position;
    /** The last read's bytes: {@code buf[off, off + count)}, which were at {@code at} in the stream. */
    private byte[] buf;
    private int off;
    private int count;
    private long at;

    RecentBytes(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
            buf = null;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int o, int len) throws IOException {
        int n = in.read(b, o, len);
        if (n > 0) {
            buf = b;
            off = o;
            count = n;
            at = position;
            position += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Keeps in {@code d} the string whose first byte (just after its opening quote) is at {@code offset} in the
     * stream, as {@link IncidentDraft#plainString} does; {@link IncidentDraft#NOT_PLAIN} when it is not plain or its
     * bytes are not all in the last read.
     */
    long keepPlain(long offset, IncidentDraft d) {
        long i = offset - at;
        if (buf == null || i < 1 || i >= count || buf[off + (int) i - 1] != '"') { // the quote must be there too
            return IncidentDraft.NOT_PLAIN;
        }
        return d.plainString(buf, off + (int) i, off + count);
    }
}
