package org.incidentatlas.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.Problem;
import org.incidentatlas.io.formats.CatalogBuilder.Where;
import org.incidentatlas.model.Edtf;
import org.incidentatlas.model.Era;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Source;
import org.incidentatlas.model.TimeExtent;

/**
 * Reads TimelineJS JSON ({@code {"title": slide, "events": [slide…], "eras": [era…]}}). A slide's
 * {@code start_date}/{@code end_date} objects keep their precision (year … second; milliseconds are dropped,
 * an hour without minutes is read as that hour's first minute); {@code text.headline} is the title and
 * {@code text.text} the summary, both as plain text; {@code group} the category; {@code media.url} a source
 * link. TimelineJS has no places, so every incident is unlocated. Eras become {@link Era}s.
 */
final class TimelineJsImporter {
    private final String sourceName;

    TimelineJsImporter(String sourceName) {
        this.sourceName = sourceName;
    }

    Imported read(InputStream in) throws EventFileException {
        return read(JsonRecords.read(sourceName, in, Set.of("events", "eras")));
    }

    Imported read(JsonRecords doc) throws EventFileException {
        CatalogBuilder out = new CatalogBuilder(sourceName, Format.TIMELINEJS);
        JsonNode root = doc.root();
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new EventFileException(sourceName, new Problem(Problem.Severity.ERROR, "$.events", 0, 0,
                    "a TimelineJS file needs an \"events\" array"), null);
        }
        JsonNode titleSlide = root.get("title");
        if (titleSlide != null && titleSlide.isObject()) {
            out.title(PlainText.of(JsonRecords.text(titleSlide.get("text"), "headline")));
        }
        for (int i = 0; i < events.size(); i++) {
            int[] loc = doc.where("events", i);
            Where where = new Where("$.events[" + i + "]", loc[0], loc[1]);
            try {
                out.add(slide(events.get(i), i, where, out));
            } catch (BadRecord e) {
                out.skip(e.field == null ? where : new Where(where.path() + "." + e.field, loc[0], loc[1]),
                        e.getMessage());
            }
        }
        JsonNode eras = root.get("eras");
        if (eras != null && eras.isArray()) {
            for (int i = 0; i < eras.size(); i++) {
                int[] loc = doc.where("eras", i);
                Where where = new Where("$.eras[" + i + "]", loc[0], loc[1]);
                JsonNode e = eras.get(i);
                try {
                    TimeExtent span = when(e, where, out);
                    if (span == null) {
                        throw new BadRecord("start_date", "an era needs a start_date");
                    }
                    String label = PlainText.of(JsonRecords.text(e.get("text"), "headline"));
                    out.addEra(new Era(label == null ? span.literal() : label, span));
                } catch (BadRecord b) {
                    out.error(new Where(where.path() + (b.field == null ? "" : "." + b.field), loc[0], loc[1]),
                            b.getMessage() + "; era skipped");
                }
            }
        }
        return out.build();
    }

    private Incident slide(JsonNode e, int index, Where where, CatalogBuilder out) throws BadRecord {
        if (e == null || !e.isObject()) {
            throw new BadRecord(null, "expected a slide object");
        }
        TimeExtent when = when(e, where, out);
        if (when == null) {
            throw new BadRecord("start_date", "an event needs a start_date with at least a year");
        }
        JsonNode text = e.get("text");
        String headline = PlainText.of(JsonRecords.text(text, "headline"));
        String body = PlainText.of(JsonRecords.text(text, "text"));
        String id = out.uniqueId(JsonRecords.text(e, "unique_id"), "event-" + (index + 1), where);
        String title = headline != null ? headline : body != null ? firstLine(body) : id;
        List<Source> sources = new ArrayList<>();
        JsonNode media = e.get("media");
        if (media != null && media.isObject()) {
            String url = CsvImporter.httpUrl(JsonRecords.text(media, "url"), where, out);
            String credit = PlainText.of(JsonRecords.text(media, "credit"));
            String caption = PlainText.of(JsonRecords.text(media, "caption"));
            if (url != null || credit != null) {
                sources.add(new Source(credit, null, null, null, url, caption));
            }
        }
        String display = JsonRecords.text(e, "display_date");
        if (display != null) {
            body = (body == null ? "" : body + "\n\n") + "Date as displayed: " + PlainText.of(display);
        }
        return new Incident(id, title, when, null, out.category(JsonRecords.text(e, "group"), null), body, null,
                sources, List.of(), List.of());
    }

    private static String firstLine(String s) {
        String l = s.lines().findFirst().orElse(s);
        return l.length() > 80 ? l.substring(0, 79) + "…" : l;
    }

    /** The slide's or era's time: start_date alone, or start_date to end_date. */
    private static TimeExtent when(JsonNode e, Where where, CatalogBuilder out) throws BadRecord {
        TimeExtent start = date(e.get("start_date"), "start_date");
        TimeExtent end = date(e.get("end_date"), "end_date");
        if (start == null) {
            return null;
        }
        if (end == null) {
            return start;
        }
        try {
            TimeValues.Span s = TimeValues.span(start, end);
            if (s.widened()) {
                out.warn(where, "a span between date-times is kept as whole days: " + s.extent().literal());
            }
            return s.extent();
        } catch (IllegalArgumentException ex) {
            throw new BadRecord("end_date", ex.getMessage());
        }
    }

    /** A TimelineJS date object ({@code year} required; month … millisecond optional, numbers or strings). */
    private static TimeExtent date(JsonNode d, String field) throws BadRecord {
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isObject()) {
            throw new BadRecord(field, "expected a date object such as {\"year\": 2021, \"month\": 6}");
        }
        Integer year = part(d, "year", field, -999_999, 999_999);
        if (year == null) {
            throw new BadRecord(field + ".year", "a date needs a year");
        }
        if (year < 0 || year > 9999) {
            throw new BadRecord(field + ".year", "year " + year + " is outside 0000–9999, which is all this version supports");
        }
        Integer month = part(d, "month", field, 1, 12);
        Integer day = month == null ? null : part(d, "day", field, 1, 31);
        Integer hour = day == null ? null : part(d, "hour", field, 0, 23);
        Integer minute = hour == null ? null : part(d, "minute", field, 0, 59);
        Integer second = minute == null ? null : part(d, "second", field, 0, 59);
        if (day != null && !TimeValues.validDay(year, month, day)) {
            throw new BadRecord(field + ".day", String.format(Locale.ROOT, "%04d-%02d has no day %d", year, month, day));
        }
        String date = TimeValues.date(year, month, day);
        if (hour == null) {
            return Edtf.parse(date);
        }
        String t = String.format(Locale.ROOT, "%sT%02d:%02d", date, hour, minute == null ? 0 : minute);
        if (second != null) {
            t += String.format(Locale.ROOT, ":%02d", second);
        }
        return Edtf.parse(t + "Z");
    }

    private static Integer part(JsonNode d, String name, String field, int min, int max) throws BadRecord {
        JsonNode v = d.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        int n;
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            n = v.asInt();
        } else if (v.isTextual() && v.asText().strip().matches("-?\\d{1,7}")) {
            n = Integer.parseInt(v.asText().strip());
        } else {
            throw new BadRecord(field + "." + name, "\"" + name + "\" must be a whole number, found " + v);
        }
        if (n < min || n > max) {
            throw new BadRecord(field + "." + name, "\"" + name + "\" must be " + min + "–" + max + ", found " + n);
        }
        return n;
    }
}
