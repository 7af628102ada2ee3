package org.incidentatlas.io.formats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Era;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;

/**
 * What an importer collects while it reads one file: categories (made on first use), incidents with unique
 * ids, eras, and the problems met. One per read; not thread-safe.
 */
final class CatalogBuilder {
    /** The category of records that name none. */
    static final String UNCATEGORISED = "Uncategorised";

    private final String sourceName;
    private final Format format;
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<Era> eras = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private String title;
    private int rejected;

    CatalogBuilder(String sourceName, Format format) {
        this.sourceName = sourceName;
        this.format = format;
    }

    void title(String t) {
        if (t != null && !t.isBlank() && title == null) {
            title = t.strip();
        }
    }

    /**
     * The category with this label (case-insensitive), made on first use. Its id is a slug of the label;
     * {@code color} ({@code #rrggbb} or {@code null}) is that of the first use.
     */
    Category category(String label, String color) {
        String l = label == null || label.isBlank() ? UNCATEGORISED : label.strip();
        String key = l.toLowerCase(Locale.ROOT);
        Category c = categories.get(key);
        if (c == null) {
            c = new Category(uniqueCategoryId(slug(l)), l, color);
            categories.put(key, c);
        }
        return c;
    }

    /** A category with an explicit id (from our own exports), label and colour; the id wins over the label. */
    Category category(String id, String label, String color) {
        for (Category c : categories.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        Category c = new Category(id, label == null || label.isBlank() ? id : label.strip(), color);
        categories.put("\u0000" + id, c);
        return c;
    }

    private String uniqueCategoryId(String base) {
        String id = base;
        int n = 2;
        while (true) {
            String candidate = id;
            if (categories.values().stream().noneMatch(c -> c.id().equals(candidate))) {
                return id;
            }
            id = base + "-" + n++;
        }
    }

    /**
     * An id not used yet: {@code wanted} when free, else {@code wanted-2}, {@code wanted-3}... with a warning at
     * {@code where}. A blank {@code wanted} gives {@code fallback}.
     */
    String uniqueId(String wanted, String fallback, Where where) {
        String base = wanted == null || wanted.isBlank() ? fallback : wanted.strip();
        String id = base;
        int n = 2;
        while (ids.contains(id)) {
            id = base + "-" + n++;
        }
        if (!id.equals(base)) {
            warn(where, "id \"" + base + "\" is used by an earlier record; this one is called \"" + id + "\"");
        }
        return id;
    }

    void add(Incident incident) {
        ids.add(incident.id());
        incidents.add(incident);
    }

    void addEra(Era era) {
        eras.add(era);
    }

    /** A record that could not be used: counted as rejected, reported as an error. */
    void skip(Where where, String reason) {
        rejected++;
        problems.add(where.problem(Problem.Severity.ERROR, reason + "; record skipped"));
    }

    void error(Where where, String message) {
        problems.add(where.problem(Problem.Severity.ERROR, message));
    }

    void warn(Where where, String message) {
        problems.add(where.problem(Problem.Severity.WARNING, message));
    }

    Imported build() {
        List<Category> cats = new ArrayList<>(categories.values());
        IncidentCatalog catalog = new IncidentCatalog(title, cats, incidents, List.of(), eras);
        return new Imported(new LoadResult(sourceName, catalog, problems, rejected), format, eras);
    }

    /** A lower-case id made of letters, digits and dashes, e.g. "Battles" → "battles". */
    static String slug(String label) {
        String s = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "category" : s;
    }

    /**
     * Where a record is, for messages: a path such as {@code $.features[3]}, {@code record 12} or
     * {@code /kml/Document/Placemark[2]}, and a 1-based line and column (0 when unknown).
     */
    record Where(String path, int line, int column) {
        static final Where FILE = new Where("$", 0, 0);

        Problem problem(Problem.Severity severity, String message) {
            return new Problem(severity, path, line, column, message);
        }
    }
}
