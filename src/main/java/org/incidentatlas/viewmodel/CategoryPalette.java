package org.incidentatlas.viewmodel;

import java.util.List;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.IncidentCatalog;

/**
 * The colour each view uses for a category: the file's own colour, else one from a colour-blind-aware palette
 * chosen by the category's position, so that map, timeline and legend always agree.
 */
public final class CategoryPalette {
    /** Okabe–Ito-derived qualitative palette. */
    private static final List<String> FALLBACK = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#7F6D00", "#555555");

    private CategoryPalette() {
    }

    /** {@code #rrggbb} for {@code category} within {@code catalog}. */
    public static String color(IncidentCatalog catalog, Category category) {
        if (category.color() != null) {
            return category.color();
        }
        int i = Math.max(0, catalog.categories().indexOf(category));
        return FALLBACK.get(i % FALLBACK.size());
    }
}
