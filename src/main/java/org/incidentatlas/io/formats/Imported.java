package org.incidentatlas.io.formats;

import java.util.List;
import java.util.Objects;
import org.incidentatlas.io.LoadResult;
import org.incidentatlas.model.Era;

/**
 * What an importer produced: the incidents and problems ({@link LoadResult}, as the native reader gives), the
 * format that was read, and anything the catalog has no place for yet (the eras of a TimelineJS file).
 *
 * @param result the incidents and problems
 * @param format the format that was recognised
 * @param eras   labelled background spans, in file order (also in the catalog's {@code eras()}); empty for
 *               formats that have none
 */
public record Imported(LoadResult result, Format format, List<Era> eras) {
    public Imported {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(format, "format");
        eras = List.copyOf(eras);
    }
}
