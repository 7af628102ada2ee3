package org.incidentatlas.io.formats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.Narrative;
import org.incidentatlas.model.NarrativeStep;

/**
 * Writes an events file, format {@code incident-atlas/1} (docs/event-format.md), that {@link EventFileReader}
 * reads back to the same incidents. Places with an id are listed once in {@code places}; places without one
 * (or whose id is used by a different place) are written inline.
 */
final class NativeWriter {
    private NativeWriter() {
    }

    static void write(IncidentCatalog catalog, OutputStream os) throws IOException {
        try (JsonGenerator g = JsonRecords.MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", EventFileReader.FORMAT);
            g.writeStringField("title", ExportSupport.title(catalog));
            g.writeArrayFieldStart("categories");
            for (Category c : ExportSupport.categories(catalog)) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("label", c.label());
                if (c.color() != null) {
                    g.writeStringField("color", c.color());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Map<String, GeoLocation> places = new LinkedHashMap<>();
            Map<String, GeoLocation> conflicting = new HashMap<>();
            for (Incident i : catalog.incidents()) {
                GeoLocation p = i.where();
                if (p != null && p.id() != null) {
                    GeoLocation known = places.putIfAbsent(p.id(), p);
                    if (known != null && !known.equals(p)) {
                        conflicting.put(p.id(), p);
                    }
                }
            }
            g.writeArrayFieldStart("places");
            for (GeoLocation p : places.values()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                placeFields(g, p);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("events");
            for (Incident i : catalog.incidents()) {
                g.writeStartObject();
                g.writeStringField("id", i.id());
                g.writeStringField("title", i.title());
                if (i.when() != null) {
                    g.writeStringField("when", i.when().literal());
                }
                GeoLocation p = i.where();
                if (p != null) {
                    if (p.id() != null && Objects.equals(places.get(p.id()), p)) {
                        g.writeStringField("where", p.id());
                    } else {
                        g.writeObjectFieldStart("where");
                        placeFields(g, p);
                        g.writeEndObject();
                    }
                }
                g.writeStringField("category", i.category().id());
                if (i.summary() != null) {
                    g.writeStringField("summary", i.summary());
                }
                if (ExportSupport.hasOutcome(i)) {
                    g.writeObjectFieldStart("outcome");
                    ExportSupport.outcomeFields(g, i.outcome());
                    g.writeEndObject();
                }
                ExportSupport.sources(g, i.sources());
                ExportSupport.strings(g, "tags", i.tags());
                ExportSupport.strings(g, "related", i.related());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!catalog.narratives().isEmpty()) {
                g.writeArrayFieldStart("narratives");
                for (Narrative n : catalog.narratives()) {
                    g.writeStartObject();
                    g.writeStringField("id", n.id());
                    g.writeStringField("title", n.title());
                    if (n.description() != null) {
                        g.writeStringField("description", n.description());
                    }
                    g.writeArrayFieldStart("steps");
                    for (NarrativeStep s : n.steps()) {
                        g.writeStartObject();
                        g.writeStringField("event", s.incidentId());
                        if (s.note() != null) {
                            g.writeStringField("note", s.note());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void placeFields(JsonGenerator g, GeoLocation p) throws IOException {
        g.writeStringField("name", p.name());
        g.writeNumberField("lat", p.lat());
        g.writeNumberField("lon", p.lon());
        if (p.admin1() != null) {
            g.writeStringField("admin1", p.admin1());
        }
        if (p.country() != null) {
            g.writeStringField("country", p.country());
        }
        g.writeStringField("precision", p.precision().key());
        if (p.uncertaintyKm() != null) {
            g.writeNumberField("uncertaintyKm", p.uncertaintyKm());
        }
    }
}
