package org.incidentatlas.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.incidentatlas.io.formats.CsvMapping;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.ImportOptions;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * File ▸ Import Options…: the choices an importer otherwise guesses, for the open file. For a CSV, which column
 * holds each field (remembered for every CSV with the same columns); for GeoJSON, which property holds the time
 * and the end. OK reads the file again with them, keeping selection, window and filters.
 */
final class ImportOptionsDialog {
    /** The fields offered for a CSV, in the order people look for them. */
    static final List<CsvMapping.Field> CSV_FIELDS = List.of(CsvMapping.Field.ID, CsvMapping.Field.TITLE,
            CsvMapping.Field.WHEN, CsvMapping.Field.END, CsvMapping.Field.LAT, CsvMapping.Field.LON,
            CsvMapping.Field.PLACE, CsvMapping.Field.ADMIN1, CsvMapping.Field.COUNTRY, CsvMapping.Field.CATEGORY,
            CsvMapping.Field.SUMMARY, CsvMapping.Field.KILLED, CsvMapping.Field.INJURED, CsvMapping.Field.SOURCE,
            CsvMapping.Field.URL, CsvMapping.Field.TAGS);
    static final String NONE = "(none)";
    private static final String KEY_PREFIX = "csv-mapping.";

    private ImportOptionsDialog() {
    }

    /** The settings key under which the mapping of CSV files with this header is remembered. */
    static String key(List<String> header) {
        return KEY_PREFIX + CsvMapping.signature(header);
    }

    /** The options to open {@code file} with: a remembered column mapping for a CSV, else the defaults. */
    static ImportOptions remembered(Path file, Settings settings) {
        try {
            if (sniff(file) == Format.CSV) {
                String spec = settings.get(key(CsvMapping.readHeader(file)), null);
                if (spec != null) {
                    return ImportOptions.DEFAULTS.withCsvMapping(CsvMapping.parse(spec));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // unreadable here: the load will say why
        }
        return ImportOptions.DEFAULTS;
    }

    private static Format sniff(Path file) throws java.io.IOException {
        try (var in = Files.newInputStream(file)) {
            return org.incidentatlas.io.formats.Formats.sniff(file.toString(), in.readNBytes(64 * 1024));
        }
    }

    /** Shows the dialog for the open file; on OK reads it again with the choices. */
    static void show(ExplorerState state, Settings settings, javafx.stage.Window owner) {
        Path file = state.fileProperty().get();
        Format format = state.fileFormatProperty().get();
        if (file == null || (format != Format.CSV && format != Format.GEOJSON)) {
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import options — " + file.getFileName());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setId("importOptionsGrid");
        ImportOptions current = state.getFileOptions();
        if (format == Format.CSV) {
            List<String> header;
            try {
                header = CsvMapping.readHeader(file);
            } catch (java.io.IOException e) {
                state.reportViewProblem("cannot read the header of " + file + ": " + e.getMessage());
                return;
            }
            CsvMapping start = current.csvMapping() != null ? current.csvMapping() : CsvMapping.guess(header);
            List<String> choices = new ArrayList<>();
            choices.add(NONE);
            choices.addAll(header);
            Map<CsvMapping.Field, ComboBox<String>> boxes = new EnumMap<>(CsvMapping.Field.class);
            grid.add(new Label("Which column holds each field:"), 0, 0, 2, 1);
            int row = 1;
            for (CsvMapping.Field f : CSV_FIELDS) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(choices);
                box.setValue(start.column(f).flatMap(c -> header.stream().filter(h -> h.equalsIgnoreCase(c))
                        .findFirst()).orElse(NONE));
                box.setId("column-" + f.name());
                box.setTooltip(new Tooltip("The column read as " + label(f)));
                boxes.put(f, box);
                grid.add(new Label(label(f)), 0, row);
                grid.add(box, 1, row++);
            }
            CheckBox remember = new CheckBox("Remember for CSV files with these columns");
            remember.setId("rememberMapping");
            remember.setSelected(true);
            remember.setTooltip(new Tooltip("Files with the same header open with this mapping next time"));
            grid.add(remember, 0, row, 2, 1);
            dialog.getDialogPane().setContent(grid);
            Optional<ButtonType> answer = dialog.showAndWait();
            if (answer.isPresent() && answer.get() == ButtonType.OK) {
                CsvMapping m = start;
                for (var e : boxes.entrySet()) {
                    String v = e.getValue().getValue();
                    m = m.with(e.getKey(), v == null || v.equals(NONE) ? null : v);
                }
                if (remember.isSelected()) {
                    settings.put(key(header), m.toSpec());
                }
                state.reopenWith(current.withCsvMapping(m));
            }
        } else {
            List<String> names = org.incidentatlas.io.formats.Formats.geoJsonPropertyNames(file, 1000);
            List<String> choices = new ArrayList<>();
            choices.add(NONE);
            choices.addAll(names);
            ComboBox<String> time = new ComboBox<>();
            time.getItems().setAll(choices);
            time.setValue(current.timeProperty() == null ? NONE : current.timeProperty());
            time.setId("timeProperty");
            time.setTooltip(new Tooltip("The property read as the time; (none) lets Incident Atlas choose"));
            ComboBox<String> end = new ComboBox<>();
            end.getItems().setAll(choices);
            end.setValue(current.endProperty() == null ? NONE : current.endProperty());
            end.setId("endProperty");
            end.setTooltip(new Tooltip("The property read as the end of an interval, if any"));
            grid.add(new Label("Time from property"), 0, 0);
            grid.add(time, 1, 0);
            grid.add(new Label("End from property"), 0, 1);
            grid.add(end, 1, 1);
            dialog.getDialogPane().setContent(grid);
            Optional<ButtonType> answer = dialog.showAndWait();
            if (answer.isPresent() && answer.get() == ButtonType.OK) {
                String t = NONE.equals(time.getValue()) ? null : time.getValue();
                String e = NONE.equals(end.getValue()) ? null : end.getValue();
                state.reopenWith(current.withTimeProperty(t, e));
            }
        }
    }

    static String label(CsvMapping.Field f) {
        return switch (f) {
            case ID -> "Id";
            case TITLE -> "Title";
            case WHEN -> "Date / time";
            case END -> "End";
            case LAT -> "Latitude";
            case LON -> "Longitude";
            case PLACE -> "Place name";
            case ADMIN1 -> "Region (admin1)";
            case COUNTRY -> "Country";
            case CATEGORY -> "Category";
            case SUMMARY -> "Summary / notes";
            case KILLED -> "Killed";
            case INJURED -> "Injured";
            case SOURCE -> "Source";
            case URL -> "Link";
            case TAGS -> "Tags";
            default -> f.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
