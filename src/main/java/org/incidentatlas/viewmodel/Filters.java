package org.incidentatlas.viewmodel;

import java.util.Locale;
import java.util.Set;
import org.incidentatlas.model.GeoBounds;
import org.incidentatlas.model.Incident;

/**
 * What the user narrowed the incidents to. Immutable; {@link #NONE} lets everything through.
 *
 * @param hiddenCategories category ids turned off
 * @param hiddenRegions    first-level region names turned off ({@link #NO_REGION} for incidents without one)
 * @param text             words that must all appear in title, summary, place, tags or sources (case-insensitive)
 * @param mapExtent        when not {@code null}, only incidents located inside it pass ("only what the map shows")
 */
public record Filters(Set<String> hiddenCategories, Set<String> hiddenRegions, String text, GeoBounds mapExtent) {
    public static final String NO_REGION = "(no region)";
    public static final Filters NONE = new Filters(Set.of(), Set.of(), "", null);

    public Filters {
        hiddenCategories = Set.copyOf(hiddenCategories);
        hiddenRegions = Set.copyOf(hiddenRegions);
        text = text == null ? "" : text.strip();
    }

    public boolean isNone() {
        return hiddenCategories.isEmpty() && hiddenRegions.isEmpty() && text.isEmpty() && mapExtent == null;
    }

    public Filters withText(String t) {
        return new Filters(hiddenCategories, hiddenRegions, t, mapExtent);
    }

    public Filters withCategory(String id, boolean shown) {
        java.util.Set<String> s = new java.util.HashSet<>(hiddenCategories);
        if (shown) {
            s.remove(id);
        } else {
            s.add(id);
        }
        return new Filters(s, hiddenRegions, text, mapExtent);
    }

    public Filters withRegion(String region, boolean shown) {
        java.util.Set<String> s = new java.util.HashSet<>(hiddenRegions);
        if (shown) {
            s.remove(region);
        } else {
            s.add(region);
        }
        return new Filters(hiddenCategories, s, text, mapExtent);
    }

    public Filters withMapExtent(GeoBounds extent) {
        return new Filters(hiddenCategories, hiddenRegions, text, extent);
    }

    /** The region name used for filtering: the place's first-level division, or {@link #NO_REGION}. */
    public static String regionOf(Incident inc) {
        String area = inc.admin1();
        return area == null ? NO_REGION : area;
    }

    /** True when {@code inc} passes every filter. For a pass over a catalog, take one {@link #matcher} instead. */
    public boolean test(Incident inc) {
        return passesAllButText(inc.category().id(), inc.admin1(), inc.lat(), inc.lon()) && inc.mentionsAll(words());
    }

    /**
     * This filter over the incidents of {@code catalog}, by index, with the search words split and lower-cased
     * once: categories, areas and coordinates come from the catalog's arrays, and only a search reads the
     * incident (its packed texts, in place). What a pass over a million incidents uses.
     */
    public java.util.function.IntPredicate matcher(org.incidentatlas.model.IncidentCatalog catalog) {
        String[] words = words();
        return i -> passesAllButText(catalog.category(i).id(), catalog.admin1(i), catalog.lat(i), catalog.lon(i))
                && (words.length == 0 || catalog.get(i).mentionsAll(words));
    }

    /** The category, region and map-extent filters, for an incident with these values. */
    private boolean passesAllButText(String categoryId, String area, double lat, double lon) {
        return !hiddenCategories.contains(categoryId)
                && (hiddenRegions.isEmpty() || !hiddenRegions.contains(area == null ? NO_REGION : area))
                && (mapExtent == null || inside(lat, lon));
    }

    private String[] words() {
        return text.isEmpty() ? new String[0] : text.toLowerCase(Locale.ROOT).split("\\s+");
    }

    /** NaN (unlocated) is never inside. */
    private boolean inside(double lat, double lon) {
        return lat >= mapExtent.minLat() && lat <= mapExtent.maxLat() && lon >= mapExtent.minLon()
                && lon <= mapExtent.maxLon();
    }
}
