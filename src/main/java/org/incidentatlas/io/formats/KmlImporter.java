package org.incidentatlas.io.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.Problem;
import org.incidentatlas.io.formats.CatalogBuilder.Where;
import org.incidentatlas.model.Category;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.PlacePrecision;
import org.incidentatlas.model.Source;
import org.incidentatlas.model.TimeExtent;

/**
 * Reads KML (and KMZ, zipped KML) with the JDK's StAX parser, DTDs and external entities disabled.
 *
 * <p>Each Placemark becomes an incident: {@code name} the title, {@code description} the summary as plain
 * text, {@code TimeStamp/when} or {@code TimeSpan/begin,end} the time (partial dates keep their precision),
 * inherited from the nearest enclosing Folder or Document that has one; Point coordinates the place (other
 * geometries at the middle of their bounding box, district precision). The category is the Placemark's style
 * (labelled by the style id, coloured by its icon colour) unless ExtendedData names one; the enclosing folder
 * names become tags. ExtendedData fields this project writes are read back; others are added to the summary.
 */
final class KmlImporter {
    /** Largest uncompressed KML taken from a KMZ. */
    static final long MAX_KMZ_ENTRY = 256L * 1024 * 1024;
    private static final Set<String> OWN_DATA = Set.of("id", "when", "category", "category_label", "category_color",
            "place_id", "place", "admin1", "country", "place_precision", "uncertainty_km", "sources", "tags",
            "related", "killed", "injured", "damage");

    private final String sourceName;

    KmlImporter(String sourceName) {
        this.sourceName = sourceName;
    }

    /** An XML input factory that reads no DTD and resolves no external entity. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** Reads the main KML document of a KMZ: {@code doc.kml} when it comes first, else the first {@code .kml}. */
    Imported readKmz(InputStream in) throws EventFileException {
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".kml")) {
                    Imported r = read(new Bounded(zip, MAX_KMZ_ENTRY), Format.KMZ);
                    return r;
                }
            }
        } catch (EventFileException e) {
            throw e;
        } catch (IOException e) {
            throw fatal(0, 0, "cannot read the KMZ (zip) file: " + e.getMessage(), e);
        }
        throw fatal(0, 0, "the KMZ file holds no .kml document", null);
    }

    Imported read(InputStream in) throws EventFileException {
        return read(in, Format.KML);
    }

    private Imported read(InputStream in, Format format) throws EventFileException {
        CatalogBuilder out = new CatalogBuilder(sourceName, format);
        Parse parse = new Parse(out);
        XMLStreamReader r = null;
        try {
            r = safeFactory().createXMLStreamReader(in);
            parse.document(r);
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            if (e.getNestedException() instanceof IOException io) {
                throw fatal(0, 0, "cannot read the file: " + io.getMessage(), io);
            }
            throw fatal(loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber(),
                    "not well-formed XML: " + cleanMessage(e), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing more to read
                }
            }
        }
        parse.finish();
        return out.build();
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage();
        int i = m == null ? -1 : m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9) : String.valueOf(m);
    }

    private EventFileException fatal(int line, int column, String message, Throwable cause) {
        return new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "/kml", line, column, message),
                cause);
    }

    /** A style: its colour as #rrggbb (or null), or for a StyleMap the url of its normal style. */
    private record Style(String color, String normalUrl) {
    }

    /** What one Placemark said, before styles are resolved. */
    private static final class Mark {
        int index;
        int line;
        int column;
        String id;
        String name;
        String description;
        TimeExtent when;
        String timeError;
        String styleUrl;
        String inlineColor;
        final List<double[]> coords = new ArrayList<>();
        boolean point;
        String coordError;
        final Map<String, String> data = new LinkedHashMap<>();
        final List<String> folders = new ArrayList<>();
        TimeExtent inherited;
        boolean widened;
    }

    /** One container (Document or Folder) on the way down. */
    private static final class Container {
        boolean folder;
        String name;
        TimeExtent time;
    }

    private final class Parse {
        private final CatalogBuilder out;
        private final Map<String, Style> styles = new HashMap<>();
        private final List<Mark> marks = new ArrayList<>();
        private final Deque<Container> containers = new ArrayDeque<>();
        private int placemarks;

        Parse(CatalogBuilder out) {
            this.out = out;
        }

        void document(XMLStreamReader r) throws XMLStreamException, EventFileException {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            if (!r.isStartElement() || !r.getLocalName().equals("kml")) {
                throw fatal(r.getLocation().getLineNumber(), r.getLocation().getColumnNumber(),
                        "expected a KML document (root element <kml>), found "
                                + (r.isStartElement() ? "<" + r.getLocalName() + ">" : "no element"), null);
            }
            children(r, null);
        }

        /** Reads the children of the current element up to its end. {@code container} receives times. */
        private void children(XMLStreamReader r, Container container) throws XMLStreamException {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Document", "Folder" -> {
                        Container c = new Container();
                        c.folder = r.getLocalName().equals("Folder");
                        containers.push(c);
                        children(r, c);
                        containers.pop();
                    }
                    case "name" -> {
                        String n = text(r);
                        if (container != null) {
                            container.name = n;
                            if (containers.size() == 1) {
                                out.title(n);
                            }
                        }
                    }
                    case "TimeStamp", "TimeSpan" -> {
                        Mark m = new Mark();
                        int line = r.getLocation().getLineNumber();
                        int column = r.getLocation().getColumnNumber();
                        time(r, m);
                        if (container != null && m.when != null) {
                            container.time = m.when;
                        } else if (m.timeError != null) {
                            out.warn(new Where((container != null && container.folder ? "Folder" : "Document")
                                    + (container != null && container.name != null ? " \"" + container.name + "\"" : ""),
                                    line, column), m.timeError + "; its placemarks do not inherit a time from it");
                        }
                    }
                    case "Style" -> style(r);
                    case "StyleMap" -> styleMap(r);
                    case "Placemark" -> placemark(r);
                    default -> skip(r);
                }
            }
        }

        private void style(XMLStreamReader r) throws XMLStreamException {
            String id = r.getAttributeValue(null, "id");
            String color = styleColor(r);
            if (id != null) {
                styles.put("#" + id, new Style(color, null));
            }
        }

        /** The colour of the Style element being read: its IconStyle colour, else the first other colour. */
        private String styleColor(XMLStreamReader r) throws XMLStreamException {
            String color = null;
            String iconColor = null;
            Deque<String> path = new ArrayDeque<>();
            while (true) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("color")) {
                        String c = kmlColor(text(r));
                        if ("IconStyle".equals(path.peek())) {
                            iconColor = c;
                        } else if (color == null) {
                            color = c;
                        }
                    } else {
                        path.push(r.getLocalName());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (path.isEmpty()) {
                        return iconColor != null ? iconColor : color;
                    }
                    path.pop();
                }
            }
        }

        private void styleMap(XMLStreamReader r) throws XMLStreamException {
            String id = r.getAttributeValue(null, "id");
            String key = null;
            String normal = null;
            int depth = 1;
            while (depth > 0) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "key" -> key = text(r);
                        case "styleUrl" -> {
                            String u = text(r);
                            if ("normal".equals(key) || normal == null) {
                                normal = u;
                            }
                        }
                        default -> depth++;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (depth >= 1) {
                        key = depth == 1 ? null : key;
                    }
                }
            }
            if (id != null && normal != null) {
                styles.put("#" + id, new Style(null, localUrl(normal)));
            }
        }

        private void placemark(XMLStreamReader r) throws XMLStreamException {
            Mark m = new Mark();
            m.index = ++placemarks;
            m.line = r.getLocation().getLineNumber();
            m.column = r.getLocation().getColumnNumber();
            m.id = r.getAttributeValue(null, "id");
            for (var it = containers.descendingIterator(); it.hasNext(); ) { // outermost first
                Container c = it.next();
                if (c.time != null) {
                    m.inherited = c.time; // the innermost container with a time wins
                }
                if (c.folder && c.name != null) {
                    m.folders.add(c.name);
                }
            }
            int depth = 1;
            while (depth > 0) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "name" -> m.name = depth == 1 ? text(r) : skipText(r);
                    case "description" -> m.description = depth == 1 ? text(r) : skipText(r);
                    case "TimeStamp", "TimeSpan" -> time(r, m);
                    case "styleUrl" -> m.styleUrl = localUrl(text(r));
                    case "Style" -> m.inlineColor = styleColor(r);
                    case "Point" -> {
                        m.point = m.coords.isEmpty();
                        depth++;
                    }
                    case "coordinates" -> coordinates(text(r), m);
                    case "Data" -> {
                        String key = r.getAttributeValue(null, "name");
                        String value = dataValue(r);
                        if (key != null && value != null) {
                            m.data.put(key, value);
                        }
                    }
                    case "SimpleData" -> {
                        String key = r.getAttributeValue(null, "name");
                        String value = text(r);
                        if (key != null && value != null) {
                            m.data.put(key, value);
                        }
                    }
                    case "Snippet", "address", "phoneNumber", "Region", "LookAt", "Camera", "StyleMap",
                            "atom:link", "link" -> skip(r);
                    default -> depth++;
                }
            }
            if (m.coords.size() > 1) {
                m.point = false;
            }
            marks.add(m);
        }

        private String dataValue(XMLStreamReader r) throws XMLStreamException {
            String value = null;
            int depth = 1;
            while (depth > 0) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("value")) {
                        value = text(r);
                    } else {
                        skip(r);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return value;
        }

        private void time(XMLStreamReader r, Mark m) throws XMLStreamException {
            boolean span = r.getLocalName().equals("TimeSpan");
            String when = null;
            String begin = null;
            String end = null;
            int depth = 1;
            while (depth > 0) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "when" -> when = text(r);
                        case "begin" -> begin = text(r);
                        case "end" -> end = text(r);
                        default -> skip(r);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            try {
                if (!span) {
                    m.when = TimeValues.parse(when);
                } else if (begin != null || end != null) {
                    TimeValues.Span s = TimeValues.span(TimeValues.parse(begin), TimeValues.parse(end));
                    m.when = s.extent();
                    m.widened = s.widened();
                }
            } catch (IllegalArgumentException e) {
                m.timeError = e.getMessage();
            }
        }

        private void coordinates(String text, Mark m) {
            if (text == null) {
                return;
            }
            for (String tuple : text.strip().split("\\s+")) {
                String[] parts = tuple.split(",");
                if (parts.length < 2) {
                    m.coordError = "coordinates \"" + tuple + "\" are not longitude,latitude[,altitude]";
                    return;
                }
                try {
                    double lon = Double.parseDouble(parts[0].strip());
                    double lat = Double.parseDouble(parts[1].strip());
                    if (!Double.isFinite(lon) || !Double.isFinite(lat) || lat < -90 || lat > 90 || lon < -180
                            || lon > 180) {
                        m.coordError = "coordinates \"" + tuple + "\" are outside longitude [-180, 180], "
                                + "latitude [-90, 90]";
                        return;
                    }
                    m.coords.add(new double[] {lon, lat});
                } catch (NumberFormatException e) {
                    m.coordError = "coordinates \"" + tuple + "\" are not numbers";
                    return;
                }
            }
        }

        /** Turns the collected placemarks into incidents, now that every style is known. */
        void finish() {
            for (Mark m : marks) {
                Where where = new Where("Placemark[" + m.index + "]" + (m.name == null ? "" : " \"" + m.name + "\""),
                        m.line, m.column);
                if (m.timeError != null) {
                    out.skip(where, m.timeError);
                    continue;
                }
                if (m.coordError != null) {
                    out.skip(where, m.coordError);
                    continue;
                }
                out.add(incident(m, where));
            }
        }

        private Incident incident(Mark m, Where where) {
            Map<String, String> d = new LinkedHashMap<>(m.data);
            TimeExtent when = m.when != null ? m.when : m.inherited;
            String edtf = d.remove("when");
            if (edtf != null) {
                try {
                    when = TimeValues.parse(edtf);
                } catch (IllegalArgumentException e) {
                    out.warn(where, "ExtendedData \"when\": " + e.getMessage() + "; the KML time is used");
                }
            }
            if (m.widened && edtf == null) {
                out.warn(where, "a TimeSpan between date-times is kept as whole days: " + when.literal());
            }
            GeoLocation place = null;
            if (!m.coords.isEmpty()) {
                double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                for (double[] c : m.coords) {
                    box[0] = Math.min(box[0], c[0]);
                    box[1] = Math.min(box[1], c[1]);
                    box[2] = Math.max(box[2], c[0]);
                    box[3] = Math.max(box[3], c[1]);
                }
                double lon = (box[0] + box[2]) / 2;
                double lat = (box[1] + box[3]) / 2;
                PlacePrecision precision = m.point ? PlacePrecision.SITE : PlacePrecision.DISTRICT;
                String pp = d.remove("place_precision");
                if (pp != null) {
                    try {
                        precision = PlacePrecision.parse(pp.strip().toLowerCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        out.warn(where, e.getMessage() + "; read as " + precision.key());
                    }
                }
                Double uncertainty = null;
                String u = d.remove("uncertainty_km");
                if (u != null) {
                    try {
                        uncertainty = Double.parseDouble(u.strip());
                        if (!(uncertainty >= 0) || uncertainty.isInfinite()) {
                            uncertainty = null;
                        }
                    } catch (NumberFormatException e) {
                        out.warn(where, "uncertainty_km \"" + u + "\" is not a number; ignored");
                    }
                }
                String placeName = d.remove("place");
                String name = placeName != null ? placeName : m.name != null ? m.name
                        : CsvImporter.fmt(lat) + ", " + CsvImporter.fmt(lon);
                place = new GeoLocation(d.remove("place_id"), name, lat, lon, d.remove("admin1"), d.remove("country"),
                        precision, uncertainty);
            }
            Category category = category(m, d, where);
            List<Source> sources = new ArrayList<>();
            String s = d.remove("sources");
            if (s != null) {
                sources.addAll(CsvImporter.sourcesFromJson(s, where, out));
            }
            Integer killed = count(d.remove("killed"), "killed", where);
            Integer injured = count(d.remove("injured"), "injured", where);
            String damage = d.remove("damage");
            Outcome outcome = killed == null && injured == null && damage == null ? null
                    : new Outcome(killed, injured, damage);
            List<String> tags = new ArrayList<>(list(d.remove("tags")));
            if (!m.data.containsKey("tags")) {
                for (String f : m.folders) {
                    if (!tags.contains(f)) {
                        tags.add(f);
                    }
                }
            }
            List<String> related = list(d.remove("related"));
            String idData = d.remove("id");
            String id = out.uniqueId(m.id != null ? m.id : idData, "placemark-" + m.index, where);
            String summary = PlainText.of(m.description);
            StringBuilder extra = new StringBuilder();
            d.forEach((k, v) -> {
                if (!OWN_DATA.contains(k) && v != null && !v.isBlank()) {
                    extra.append(extra.length() == 0 ? "" : "\n").append(k).append(": ").append(v.strip());
                }
            });
            if (extra.length() > 0) {
                summary = summary == null ? extra.toString() : summary + "\n\n" + extra;
            }
            // KML names are plain text (Google Earth shows them as written), unlike descriptions
            String title = m.name != null ? m.name.replaceAll("\\s+", " ").strip() : null;
            if (title == null) {
                title = place != null ? place.name() : id;
            }
            return new Incident(id, title, when, place, category, summary, outcome, sources, tags, related);
        }

        private Category category(Mark m, Map<String, String> d, Where where) {
            String id = d.remove("category");
            String label = d.remove("category_label");
            String color = d.remove("category_color");
            if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
                color = null;
            }
            if (id != null) {
                return label != null ? out.category(id, label, color) : out.category(id, color);
            }
            if (m.styleUrl != null) {
                Style st = styles.get(m.styleUrl);
                String styleColor = null;
                if (st != null && st.normalUrl() != null) {
                    Style normal = styles.get(st.normalUrl());
                    styleColor = normal == null ? null : normal.color();
                } else if (st != null) {
                    styleColor = st.color();
                } else {
                    out.warn(where, "style \"" + m.styleUrl + "\" is not defined in the file");
                }
                return out.category(m.styleUrl.startsWith("#") ? m.styleUrl.substring(1) : m.styleUrl,
                        styleColor);
            }
            if (m.inlineColor != null) {
                return out.category("Colour " + m.inlineColor, m.inlineColor);
            }
            return out.category(null, null);
        }

        private Integer count(String s, String what, Where where) {
            if (s == null) {
                return null;
            }
            try {
                int k = Integer.parseInt(s.strip());
                if (k >= 0) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // below
            }
            out.warn(where, what + " \"" + s + "\" is not a whole number >= 0; ignored");
            return null;
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Only same-document style references ({@code #id}) are followed; others are kept as names. */
    private static String localUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        int hash = u.indexOf('#');
        return hash > 0 && !u.contains("://") ? u.substring(hash) : u;
    }

    /** KML {@code aabbggrr} → {@code #rrggbb}, or {@code null} when it is not 8 hex digits. */
    static String kmlColor(String c) {
        if (c == null) {
            return null;
        }
        String s = c.strip();
        if (!s.matches("[0-9a-fA-F]{8}")) {
            return null;
        }
        return ("#" + s.substring(6, 8) + s.substring(4, 6) + s.substring(2, 4)).toLowerCase(Locale.ROOT);
    }

    /** All text inside the current element (nested elements' text included), up to its end. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> sb.append(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    sb.append('<').append(r.getLocalName()).append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) {
                        sb.append("</").append(r.getLocalName()).append('>');
                    }
                }
                default -> {
                }
            }
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String skipText(XMLStreamReader r) throws XMLStreamException {
        skip(r);
        return null;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Stops reading after {@code limit} bytes, so that a zip bomb cannot fill memory. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IOException("the KML inside the KMZ is larger than " + MAX_KMZ_ENTRY / (1024 * 1024)
                        + " MiB");
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("the KML inside the KMZ is larger than " + MAX_KMZ_ENTRY / (1024 * 1024)
                        + " MiB");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }
}
