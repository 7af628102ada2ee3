package org.incidentatlas.io.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.model.TimeExtent;
import org.incidentatlas.model.TimePrecision;

/**
 * Writes KML 2.2 for Google Earth and GIS tools: one Document with a Style per coloured category and one
 * Placemark per incident (unlocated incidents have no geometry). The time is a {@code TimeStamp} or
 * {@code TimeSpan} that Google Earth understands, and the exact EDTF text (qualifiers such as {@code ~} have no
 * KML form) is kept in ExtendedData {@code when} with the other fields {@link KmlImporter} reads back. The
 * description is the summary as plain text (escaped so that viewers that render HTML show it as written).
 */
final class KmlWriter {
    static final String NS = "http://www.opengis.net/kml/2.2";

    private KmlWriter() {
    }

    static void write(IncidentCatalog catalog, OutputStream os) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(os, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("kml");
            w.writeDefaultNamespace(NS);
            w.writeStartElement("Document");
            element(w, "name", ExportSupport.title(catalog));
            for (Category c : ExportSupport.categories(catalog)) {
                if (c.color() != null) {
                    w.writeStartElement("Style");
                    w.writeAttribute("id", styleId(c));
                    w.writeStartElement("IconStyle");
                    element(w, "color", "ff" + c.color().substring(5, 7) + c.color().substring(3, 5)
                            + c.color().substring(1, 3));
                    w.writeEndElement();
                    w.writeEndElement();
                }
            }
            for (Incident i : catalog.incidents()) {
                placemark(w, i);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    private static void placemark(XMLStreamWriter w, Incident i) throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeStartElement("Placemark");
        if (i.id().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            w.writeAttribute("id", i.id()); // KML ids are XML ids; others go only into ExtendedData
        }
        element(w, "name", i.title());
        if (i.summary() != null) {
            element(w, "description", html(i.summary()));
        }
        if (i.when() != null) {
            time(w, i.when());
        }
        if (i.category().color() != null) {
            element(w, "styleUrl", "#" + styleId(i.category()));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("id", i.id());
        if (i.when() != null) {
            data.put("when", i.when().literal());
        }
        data.put("category", i.category().id());
        data.put("category_label", i.category().label());
        data.put("category_color", i.category().color());
        GeoLocation p = i.where();
        if (p != null) {
            data.put("place", p.name());
            data.put("place_id", p.id());
            data.put("admin1", p.admin1());
            data.put("country", p.country());
            data.put("place_precision", p.precision().key());
            data.put("uncertainty_km", p.uncertaintyKm() == null ? null : ExportSupport.number(p.uncertaintyKm()));
        }
        if (ExportSupport.hasOutcome(i)) {
            data.put("killed", i.outcome().killed() == null ? null : i.outcome().killed().toString());
            data.put("injured", i.outcome().injured() == null ? null : i.outcome().injured().toString());
            data.put("damage", i.outcome().damage());
        }
        if (!i.tags().isEmpty()) {
            data.put("tags", String.join("; ", i.tags()));
        }
        if (!i.related().isEmpty()) {
            data.put("related", String.join("; ", i.related()));
        }
        if (!i.sources().isEmpty()) {
            data.put("sources", ExportSupport.sourcesJson(i.sources()));
        }
        w.writeStartElement("ExtendedData");
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getValue() != null) {
                w.writeStartElement("Data");
                w.writeAttribute("name", e.getKey());
                element(w, "value", e.getValue());
                w.writeEndElement();
            }
        }
        w.writeEndElement();
        if (p != null) {
            w.writeStartElement("Point");
            element(w, "coordinates", ExportSupport.number(p.lon()) + "," + ExportSupport.number(p.lat()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** A TimeStamp for a single value, a TimeSpan for an interval; KML has no qualifiers, so they are dropped. */
    private static void time(XMLStreamWriter w, TimeExtent t) throws XMLStreamException {
        if (!t.interval()) {
            w.writeStartElement("TimeStamp");
            element(w, "when", kmlTime(t, t.literal()));
            w.writeEndElement();
            return;
        }
        String[] ends = t.literal().split("/", -1);
        w.writeStartElement("TimeSpan");
        if (!t.openStart()) {
            element(w, "begin", unqualified(ends[0]));
        }
        if (!t.openEnd()) {
            element(w, "end", unqualified(ends[1]));
        }
        w.writeEndElement();
    }

    private static String kmlTime(TimeExtent t, String literal) {
        if (t.precision().compareTo(TimePrecision.DAY) <= 0) {
            return unqualified(literal);
        }
        ZoneOffset o = t.offset() == null ? ZoneOffset.UTC : t.offset();
        String local = LocalDateTime.ofInstant(t.earliest(), o).format(DateTimeFormatter.ofPattern(
                "uuuu-MM-dd'T'HH:mm:ss"));
        return local + (o.equals(ZoneOffset.UTC) ? "Z" : o.getId());
    }

    private static String unqualified(String s) {
        return s.replaceAll("[~?%]", "");
    }

    private static String styleId(Category c) {
        return "category-" + c.id().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Plain text as HTML text: escaped, line breaks as {@code <br>}. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
