package org.incidentatlas.model;

import java.util.List;
import java.util.Objects;

/**
 * One incident: what happened, when, where, how sure, and says who. Immutable.
 *
 * @param id       unique id within its file
 * @param title    short title
 * @param when     when it happened, or {@code null} when undated
 * @param where    where it happened, or {@code null} when unlocated
 * @param category what kind of incident it is
 * @param summary  free text, or {@code null}
 * @param outcome  reported outcome, or {@code null}
 * @param sources  attributions, never {@code null}
 * @param tags     free tags, never {@code null}
 * @param related  ids of related incidents, never {@code null}
 */
public record Incident(String id, String title, TimeExtent when, GeoLocation where, Category category,
                       String summary, Outcome outcome, List<Source> sources, List<String> tags,
                       List<String> related) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        sources = List.copyOf(sources);
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }

    public boolean isDated() {
        return when != null;
    }

    public boolean isLocated() {
        return where != null;
    }
}
