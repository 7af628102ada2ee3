package org.incidentatlas.viewmodel;

import java.util.Locale;
import java.util.Set;
import org.incidentatlas.model.GeoBounds;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Source;

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
        return regionOf(inc.where());
    }

    private static String regionOf(GeoLocation where) {
        return where == null || where.admin1() == null ? NO_REGION : where.admin1();
    }

    /** True when {@code inc} passes every filter. */
    public boolean test(Incident inc) {
        if (hiddenCategories.contains(inc.category().id())) {
            return false;
        }
        GeoLocation where = hiddenRegions.isEmpty() && mapExtent == null ? null : inc.where(); // decoded once
        if (!hiddenRegions.isEmpty() && hiddenRegions.contains(regionOf(where))) {
            return false;
        }
        if (mapExtent != null) {
            if (where == null) {
                return false;
            }
            double lat = where.lat();
            double lon = where.lon();
            if (lat < mapExtent.minLat() || lat > mapExtent.maxLat() || lon < mapExtent.minLon()
                    || lon > mapExtent.maxLon()) {
                return false;
            }
        }
        if (!text.isEmpty()) {
            String haystack = searchText(inc);
            for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Everything a search looks at, lower-cased. */
    static String searchText(Incident inc) {
        StringBuilder sb = new StringBuilder(inc.title()).append('\n');
        append(sb, inc.summary());
        GeoLocation where = inc.where();
        if (where != null) {
            append(sb, where.name());
            append(sb, where.admin1());
        }
        inc.tags().forEach(t -> append(sb, t));
        append(sb, inc.category().label());
        for (Source s : inc.sources()) {
            append(sb, s.outlet());
            append(sb, s.speaker());
            append(sb, s.quote());
            append(sb, s.note());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder sb, String s) {
        if (s != null) {
            sb.append(s).append('\n');
        }
    }
}
