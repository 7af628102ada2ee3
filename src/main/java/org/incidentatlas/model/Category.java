package org.incidentatlas.model;

import java.util.Objects;

/**
 * A kind of incident.
 *
 * @param id    identifier used by incidents
 * @param label human-readable name
 * @param color display colour as {@code #rrggbb}, or {@code null} to let the views choose
 */
public record Category(String id, String label, String color) {
    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must look like #rrggbb, was \"" + color + "\"");
        }
    }
}
