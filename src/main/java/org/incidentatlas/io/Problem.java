package org.incidentatlas.io;

import java.util.Objects;

/**
 * One thing wrong with an input file, located as precisely as the reader could.
 *
 * @param severity {@link Severity#ERROR} when something was skipped or the file could not be read,
 *                 {@link Severity#WARNING} when it loaded with a caveat
 * @param path     JSON path of the offending value, e.g. {@code $.events[3].when}; {@code $} for the whole file
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param message  what was wrong and what was expected
 */
public record Problem(Severity severity, String path, int line, int column, String message) {
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(path);
        Objects.requireNonNull(message);
    }

    /** {@code line:column} or {@code ?:?} when unknown. */
    public String position() {
        return line > 0 ? line + ":" + column : "?:?";
    }

    /** One line for people and logs, e.g. {@code 12:17 $.events[3].when: error: ...}. */
    @Override
    public String toString() {
        return position() + " " + path + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
