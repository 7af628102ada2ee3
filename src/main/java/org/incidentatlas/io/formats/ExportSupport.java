package org.incidentatlas.io.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.Source;

/** Small pieces the writers share. */
final class ExportSupport {
    private ExportSupport() {
    }

    /** The catalog's categories plus any used by an incident but not listed, in that order, ids unique. */
    static List<Category> categories(IncidentCatalog catalog) {
        Map<String, Category> byId = new LinkedHashMap<>();
        catalog.categories().forEach(c -> byId.putIfAbsent(c.id(), c));
        catalog.incidents().forEach(i -> byId.putIfAbsent(i.category().id(), i.category()));
        return new ArrayList<>(byId.values());
    }

    /** The sources as a JSON array text (as written in CSV cells and KML ExtendedData). */
    static String sourcesJson(List<Source> sources) {
        var arr = JsonRecords.MAPPER.createArrayNode();
        for (Source s : sources) {
            var o = arr.addObject();
            o.put("outlet", s.outlet());
            o.put("speaker", s.speaker());
            o.put("quote", s.quote());
            o.put("published", s.published());
            o.put("url", s.url());
            o.put("note", s.note());
        }
        return arr.toString();
    }

    /** Plain text numbers: 42 for whole numbers, else the shortest decimal form. */
    static String number(double d) {
        return CsvImporter.fmt(d);
    }

    static String title(IncidentCatalog catalog) {
        return catalog.title().isBlank() ? "Exported incidents" : catalog.title();
    }

    static boolean hasOutcome(Incident i) {
        return i.outcome() != null && !i.outcome().isEmpty();
    }
}
