package org.incidentatlas.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.Formats;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.IncidentCatalog;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * <i>File ▸ Export…</i>: writes the incidents that pass the current filters to an events file, GeoJSON, KML
 * or CSV. The format follows the chosen file type (or the extension typed). <i>File ▸ Export Image…</i>: the
 * window as a PNG. Writing runs off the FX thread; the open file is never overwritten.
 */
final class ExportAction {
    private ExportAction() {
    }

    /** The incidents that pass the current filters (search, categories, regions, map extent), as a catalog. */
    static IncidentCatalog included(ExplorerState state) {
        IncidentCatalog all = state.getCatalog();
        List<Incident> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (state.isIncluded(i)) {
                kept.add(all.get(i));
            }
        }
        return new IncidentCatalog(all.title(), all.categories(), kept, all.narratives(), all.eras());
    }

    /**
     * Writes {@code catalog} to {@code out}; refuses to write over {@code openFile}.
     *
     * @throws IOException when it cannot be written, or {@code out} is the open file
     */
    static void write(IncidentCatalog catalog, Format format, Path out, Path openFile) throws IOException {
        if (openFile != null && Files.exists(out) && Files.isSameFile(out, openFile)) {
            throw new IOException(out.getFileName() + " is the open file; Incident Atlas never writes to it. "
                    + "Choose another name.");
        }
        Formats.write(catalog, format, out);
    }

    /** Asks where to save a PNG of the window as it is now, and writes it off the FX thread (FX thread). */
    static void showImage(Window owner, javafx.scene.Scene scene) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the window as an image");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName("incident-atlas.png");
        java.io.File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        java.awt.image.BufferedImage image = javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        background(owner, () -> {
            Path out = file.toPath();
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "." + out.getFileName(), ".tmp");
            try {
                javax.imageio.ImageIO.write(image, "png", tmp.toFile());
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return "Image written to " + out + " (" + image.getWidth() + "×" + image.getHeight() + ").";
        });
    }

    /** A piece of export work that says what it did. */
    private interface Work {
        String run() throws IOException;
    }

    /** Runs {@code work} on a daemon thread and shows its outcome (or failure) in a dialog. */
    private static void background(Window owner, Work work) {
        Thread t = new Thread(() -> {
            String message;
            try {
                message = work.run();
            } catch (IOException | RuntimeException e) {
                message = "Export failed: " + e.getMessage();
            }
            String m = message;
            Platform.runLater(() -> {
                Alert a = new Alert(Alert.AlertType.INFORMATION, m);
                a.setTitle("Export");
                a.setHeaderText("Export");
                a.initOwner(owner);
                a.show();
            });
        }, "export");
        t.setDaemon(true);
        t.start();
    }

    /** Asks where to export and writes there (FX thread). */
    static void show(Window owner, ExplorerState state) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the incidents that pass the filters");
        List<Format> formats = List.of(Format.NATIVE, Format.GEOJSON, Format.KML, Format.CSV);
        for (Format f : formats) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.label() + " (*." + f.extensions().get(0)
                    + ")", "*." + f.extensions().get(0)));
        }
        Path current = state.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        chooser.setInitialFileName("incidents.geojson");
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(1));
        java.io.File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        Path out = file.toPath();
        Format byName = Format.byExtension(out.getFileName().toString());
        Format format = byName != null && byName.writable() ? byName
                : formats.get(Math.max(0, chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter())));
        IncidentCatalog catalog = included(state);
        background(owner, () -> {
            write(catalog, format, out, current);
            return catalog.size() + " incidents written to " + out + " (" + format.label() + ").";
        });
    }
}
