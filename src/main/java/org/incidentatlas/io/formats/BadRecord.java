package org.incidentatlas.io.formats;

/**
 * A record (feature, slide, row) an importer cannot use, and the field or column at fault ({@code null} when the
 * record as a whole is wrong). Carries no stack trace: it is reported as a problem, never printed.
 */
final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;
    final String field;

    BadRecord(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }
}
