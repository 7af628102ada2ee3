package org.incidentatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.Formats;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportActionTest {
    @Test
    void exportsOnlyWhatPassesTheFiltersAndNeverTheOpenFile(@TempDir Path dir) throws Exception {
        Path open = dir.resolve("events.json");
        Files.copy(Path.of("data", "events.json"), open);
        ExplorerState state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.open(open);
        int all = state.getCatalog().size();
        state.filtersProperty().set(state.getFilters().withCategory("drone-attack", false));
        IncidentCatalog included = ExportAction.included(state);
        assertTrue(included.size() < all);
        assertTrue(included.incidents().stream().noneMatch(i -> i.category().id().equals("drone-attack")));

        Path out = dir.resolve("out.kml");
        ExportAction.write(included, Format.KML, out, open);
        assertEquals(included.size(), Formats.read(out).result().catalog().size());

        String before = Files.readString(open);
        IOException e = assertThrows(IOException.class, () -> ExportAction.write(included, Format.NATIVE, open, open));
        assertTrue(e.getMessage().contains("never writes"), e.getMessage());
        assertEquals(before, Files.readString(open));
    }
}
