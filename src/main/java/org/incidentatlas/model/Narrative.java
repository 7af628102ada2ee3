package org.incidentatlas.model;

import java.util.List;
import java.util.Objects;

/**
 * A told sequence of incidents: a title, an optional description, and ordered steps. Immutable.
 *
 * @param id          unique id among the narratives of its file
 * @param title       short title
 * @param description free text, or {@code null}
 * @param steps       the steps in telling order, never {@code null}; a step need not follow time order
 */
public record Narrative(String id, String title, String description, List<NarrativeStep> steps) {
    public Narrative {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
    }
}
