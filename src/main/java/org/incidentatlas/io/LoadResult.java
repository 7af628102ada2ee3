package org.incidentatlas.io;

import java.util.List;
import org.incidentatlas.model.IncidentCatalog;

/**
 * What reading a file produced: the incidents that loaded and every problem met on the way.
 *
 * @param sourceName  the file name or description used in messages
 * @param catalog     the incidents that passed validation
 * @param problems    errors (skipped items) and warnings, in file order
 * @param rejected    number of incidents skipped
 */
public record LoadResult(String sourceName, IncidentCatalog catalog, List<Problem> problems, int rejected) {
    public LoadResult {
        problems = List.copyOf(problems);
    }

    /** True when no incident was rejected (warnings allowed). */
    public boolean isValid() {
        return rejected == 0 && problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
}
