package org.incidentatlas.io.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.incidentatlas.io.EventFileException;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.Problem;
import org.incidentatlas.model.Incident;

/** Helpers shared by the format tests. */
final class FormatsTestSupport {
    private FormatsTestSupport() {
    }

    static Imported resource(String name) throws IOException {
        return resource(name, ImportOptions.DEFAULTS);
    }

    static Imported resource(String name, ImportOptions options) throws IOException {
        try (InputStream in = FormatsTestSupport.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return Formats.read(name, in, options, new EventFileReader());
        }
    }

    static Imported text(String name, String content) throws EventFileException {
        return Formats.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.DEFAULTS, new EventFileReader());
    }

    static Incident byId(Imported r, String id) {
        int i = r.result().catalog().indexOf(id);
        if (i < 0) {
            throw new AssertionError("no incident " + id + " in " + ids(r));
        }
        return r.result().catalog().get(i);
    }

    static List<String> ids(Imported r) {
        return r.result().catalog().incidents().stream().map(Incident::id).toList();
    }

    static Incident byTitle(Imported r, String title) {
        return r.result().catalog().incidents().stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no incident titled " + title + " in "
                        + r.result().catalog().incidents().stream().map(Incident::title).toList()));
    }

    static List<Problem> errors(Imported r) {
        return r.result().problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    static List<Problem> warnings(Imported r) {
        return r.result().problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    static String report(Imported r) {
        return r.result().problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
