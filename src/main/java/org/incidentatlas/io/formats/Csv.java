package org.incidentatlas.io.formats;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader and field quoter: quoted fields with {@code ""} for a quote, line breaks inside
 * quoted fields, CRLF, LF or CR line ends, a leading byte-order mark, and a chosen delimiter (comma, semicolon
 * or tab). Lenient where RFC 4180 is strict: a quote inside an unquoted field is kept as a character, and
 * text after a closing quote is appended. Reads one record at a time. Not thread-safe.
 *
 * <p>Written here rather than taken from a library because the rules are short, the project has no other
 * use for a CSV library, and this way every record knows the line it starts on for messages.
 */
final class Csv {
    /** Longest field accepted, so that a runaway quote cannot take all memory. */
    static final int MAX_FIELD = 1_000_000;

    private final Reader in;
    private final char delimiter;
    private int line = 1;
    private int pushback = -2;
    private boolean first = true;

    /** One record: its fields and the 1-based line it starts on. */
    record Row(List<String> fields, int line) {
        String get(int i) {
            return i >= 0 && i < fields.size() ? fields.get(i) : null;
        }

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** A record that cannot be read (an unterminated quote, a field too long). */
    static final class CsvException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    Csv(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The delimiter of a header line: the most frequent of comma, semicolon and tab (comma on a tie). */
    static char guessDelimiter(String headerLine) {
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semis += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        return semis > commas ? ';' : ',';
    }

    private int read() throws IOException {
        int c;
        if (pushback != -2) {
            c = pushback;
            pushback = -2;
        } else {
            c = in.read();
        }
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                return read();
            }
        }
        return c;
    }

    /** The next record, or {@code null} at the end of input. */
    Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvException(startLine, "a quoted field opened on this record is never closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n' || (c == '\r')) {
                        line++;
                        if (c == '\r') {
                            int n = read();
                            if (n != '\n') {
                                pushback = n;
                            }
                            field.append('\n');
                            c = read();
                            continue;
                        }
                    }
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushback = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Row(fields, startLine);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new CsvException(startLine, "a field longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }

    /** {@code value} as one CSV field: quoted when it holds the delimiter, a quote or a line break. */
    static String field(String value, char delimiter) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
