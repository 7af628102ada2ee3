package org.incidentatlas.model;

import java.util.Objects;

/**
 * A labelled background span of time, such as a TimelineJS era ("Occupation of Anbar"). It is context, not
 * an incident: it has no place, no category and no sources. Immutable.
 *
 * @param label human-readable label
 * @param span  when it lasted
 */
public record Era(String label, TimeExtent span) {
    public Era {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(span, "span");
    }
}
