package org.incidentatlas.io.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;

/**
 * Writes one CSV row per incident (RFC 4180, UTF-8, CRLF), with a header that {@link CsvMapping#guess} maps
 * back. Tags and related ids are joined with "; "; sources are a JSON array in one cell. A text cell that a
 * spreadsheet would take for a formula ({@code = + - @} first) is written with a leading apostrophe, which the
 * importer removes again.
 */
final class CsvWriter {
    static final List<String> HEADER = List.of("id", "title", "when", "category", "category_label",
            "category_color", "place", "place_id", "lat", "lon", "admin1", "country", "place_precision",
            "uncertainty_km", "summary", "killed", "injured", "damage", "tags", "related", "sources");

    private CsvWriter() {
    }

    static void write(IncidentCatalog catalog, OutputStream os) throws IOException {
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        row(w, HEADER, false);
        for (Incident i : catalog.incidents()) {
            GeoLocation p = i.where();
            List<String> r = new ArrayList<>();
            r.add(i.id());
            r.add(i.title());
            r.add(i.when() == null ? null : i.when().literal());
            r.add(i.category().id());
            r.add(i.category().label());
            r.add(i.category().color());
            r.add(p == null ? null : p.name());
            r.add(p == null ? null : p.id());
            r.add(p == null ? null : ExportSupport.number(p.lat()));
            r.add(p == null ? null : ExportSupport.number(p.lon()));
            r.add(p == null ? null : p.admin1());
            r.add(p == null ? null : p.country());
            r.add(p == null ? null : p.precision().key());
            r.add(p == null || p.uncertaintyKm() == null ? null : ExportSupport.number(p.uncertaintyKm()));
            r.add(i.summary());
            boolean o = ExportSupport.hasOutcome(i);
            r.add(o && i.outcome().killed() != null ? i.outcome().killed().toString() : null);
            r.add(o && i.outcome().injured() != null ? i.outcome().injured().toString() : null);
            r.add(o ? i.outcome().damage() : null);
            r.add(String.join("; ", i.tags()));
            r.add(String.join("; ", i.related()));
            r.add(i.sources().isEmpty() ? null : ExportSupport.sourcesJson(i.sources()));
            row(w, r, true);
        }
        w.flush();
    }

    private static void row(Writer w, List<String> fields, boolean protect) throws IOException {
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                w.write(',');
            }
            String v = fields.get(k);
            boolean numeric = k == 8 || k == 9 || k == 13 || k == 15 || k == 16;
            if (protect && !numeric && v != null && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            w.write(Csv.field(v, ','));
        }
        w.write("\r\n");
    }
}
