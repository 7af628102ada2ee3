package org.incidentatlas.io;

import java.io.IOException;

/** A file that could not be read at all: missing, unreadable, not JSON, or not an events file. */
public final class EventFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String sourceName;
    private final transient Problem problem;

    public EventFileException(String sourceName, Problem problem, Throwable cause) {
        super(sourceName + ":" + problem.position() + ": " + problem.message(), cause);
        this.sourceName = sourceName;
        this.problem = problem;
    }

    public String sourceName() {
        return sourceName;
    }

    /** Where and what; line and column are 0 when the file could not be opened. */
    public Problem problem() {
        return problem;
    }
}
