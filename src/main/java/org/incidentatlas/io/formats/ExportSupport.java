package org.incidentatlas.io.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.Outcome;
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
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = JsonRecords.MAPPER.getFactory().createGenerator(out)) {
            sourcesArray(g, sources);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** {@code "sources": [...]} when there are any. */
    static void sources(JsonGenerator g, List<Source> sources) throws IOException {
        if (!sources.isEmpty()) {
            g.writeFieldName("sources");
            sourcesArray(g, sources);
        }
    }

    private static void sourcesArray(JsonGenerator g, List<Source> sources) throws IOException {
        g.writeStartArray();
        for (Source s : sources) {
            g.writeStartObject();
            g.writeStringField("outlet", s.outlet());
            g.writeStringField("speaker", s.speaker());
            g.writeStringField("quote", s.quote());
            g.writeStringField("published", s.published());
            g.writeStringField("url", s.url());
            g.writeStringField("note", s.note());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The outcome's {@code killed}, {@code injured} and {@code damage} fields, those that are given. */
    static void outcomeFields(JsonGenerator g, Outcome o) throws IOException {
        if (o.killed() != null) {
            g.writeNumberField("killed", o.killed());
        }
        if (o.injured() != null) {
            g.writeNumberField("injured", o.injured());
        }
        if (o.damage() != null) {
            g.writeStringField("damage", o.damage());
        }
    }

    /** {@code "field": ["a", "b"]} when there are any. */
    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(field);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
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
