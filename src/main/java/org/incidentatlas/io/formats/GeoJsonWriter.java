package org.incidentatlas.io.formats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;

/**
 * Writes an RFC 7946 FeatureCollection: one Point feature per incident (a null geometry for unlocated ones),
 * the feature {@code id} the incident id, and properties that {@link GeoJsonImporter} reads back: {@code when}
 * (the EDTF text), {@code title}, {@code category}, {@code category_label}, {@code category_color},
 * {@code summary}, the place fields, the outcome, {@code sources}, {@code tags}, {@code related}. For tools that
 * do not know EDTF, {@code time_start} and {@code time_end} give the extent as ISO 8601 instants.
 */
final class GeoJsonWriter {
    private GeoJsonWriter() {
    }

    static void write(IncidentCatalog catalog, OutputStream os) throws IOException {
        try (JsonGenerator g = JsonRecords.MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("title", ExportSupport.title(catalog));
            g.writeArrayFieldStart("features");
            for (Incident i : catalog.incidents()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", i.id());
                GeoLocation p = i.where();
                if (p == null) {
                    g.writeNullField("geometry");
                } else {
                    g.writeObjectFieldStart("geometry");
                    g.writeStringField("type", "Point");
                    g.writeArrayFieldStart("coordinates");
                    g.writeNumber(p.lon());
                    g.writeNumber(p.lat());
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeObjectFieldStart("properties");
                g.writeStringField("title", i.title());
                if (i.when() != null) {
                    g.writeStringField("when", i.when().literal());
                    g.writeStringField("time_start", i.when().earliest().toString());
                    g.writeStringField("time_end", i.when().latest().toString());
                }
                g.writeStringField("category", i.category().id());
                g.writeStringField("category_label", i.category().label());
                if (i.category().color() != null) {
                    g.writeStringField("category_color", i.category().color());
                }
                if (i.summary() != null) {
                    g.writeStringField("summary", i.summary());
                }
                if (p != null) {
                    g.writeStringField("place", p.name());
                    if (p.id() != null) {
                        g.writeStringField("place_id", p.id());
                    }
                    if (p.admin1() != null) {
                        g.writeStringField("admin1", p.admin1());
                    }
                    if (p.country() != null) {
                        g.writeStringField("country", p.country());
                    }
                    g.writeStringField("place_precision", p.precision().key());
                    if (p.uncertaintyKm() != null) {
                        g.writeNumberField("uncertainty_km", p.uncertaintyKm());
                    }
                }
                if (ExportSupport.hasOutcome(i)) {
                    ExportSupport.outcomeFields(g, i.outcome());
                }
                ExportSupport.sources(g, i.sources());
                ExportSupport.strings(g, "tags", i.tags());
                ExportSupport.strings(g, "related", i.related());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
