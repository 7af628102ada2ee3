package org.incidentatlas.model;

import java.util.Objects;

/**
 * One step of a narrative: the incident it shows and an optional note for that step.
 *
 * @param incidentId id of the incident the step shows
 * @param note       what to say at this step, or {@code null}
 */
public record NarrativeStep(String incidentId, String note) {
    public NarrativeStep {
        Objects.requireNonNull(incidentId, "incidentId");
    }
}
