package org.incidentatlas.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.incidentatlas.io.formats.CsvMapping;
import org.incidentatlas.io.formats.Format;
import org.incidentatlas.io.formats.Formats;
import org.incidentatlas.io.formats.ImportOptions;
import org.incidentatlas.io.formats.Imported;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The subcommands: {@code validate FILE…}, {@code convert IN OUT}, {@code screenshot OUT.png [FILE]} and
 * {@code frames DIR [FILE]}, parsed by picocli. The older option spellings ({@code --validate},
 * {@code --screenshot}, ...) stay with {@link CommandLine}. Screenshot and frames need the JavaFX window, so
 * they translate themselves into those options and {@link Main} launches the app with them.
 */
@Command(name = "incident-atlas", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Map and timeline of incidents. Run without a command to open the window.",
        subcommands = {Cli.Validate.class, Cli.Convert.class, Cli.Screenshot.class, Cli.Frames.class,
                picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; the file is valid", "1:read, but records were skipped (see the messages)",
                "2:the input cannot be read or is in no supported format", "3:the output cannot be written",
                "64:the command line is wrong"})
final class Cli implements Callable<Integer> {
    static final int OK = 0;
    static final int REJECTED = 1;
    static final int UNREADABLE = 2;
    static final int CANNOT_WRITE = 3;
    static final int USAGE = 64;
    static final Set<String> COMMANDS = Set.of("validate", "convert", "screenshot", "frames", "help");

    /** Options for the window when a subcommand needs it ({@code screenshot}, {@code frames}), else null. */
    String[] launch;
    PrintStream out = System.out;

    @Override
    public Integer call() {
        picocli.CommandLine.usage(this, out);
        return OK;
    }

    /** What running a subcommand came to: an exit code, or options for the window to launch with. */
    record Outcome(int exitCode, String[] launch) {
    }

    /** Runs {@code args} (whose first word is one of {@link #COMMANDS}), writing to {@code out} and {@code err}. */
    static Outcome run(String[] args, PrintStream out, PrintStream err) {
        Cli cli = new Cli();
        cli.out = out;
        picocli.CommandLine cl = new picocli.CommandLine(cli)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true);
        setExitCodes(cl);
        int code = cl.execute(args);
        return new Outcome(code, cli.launch);
    }

    private static void setExitCodes(picocli.CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE).exitCodeOnExecutionException(UNREADABLE);
        cl.getSubcommands().values().forEach(Cli::setExitCodes);
    }

    /** Format names as on the command line ({@link Format#parse}). */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Choices the importers would otherwise guess; shared by validate and convert. */
    static final class ImportChoices {
        @Option(names = "--from", paramLabel = "FORMAT", converter = FormatConverter.class,
                description = "read as native, geojson, kml, kmz, csv or timelinejs (default: recognised by content)")
        Format from;
        @Option(names = "--time-property", paramLabel = "NAME",
                description = "GeoJSON: the property that holds the time (or the start of a span)")
        String timeProperty;
        @Option(names = "--end-property", paramLabel = "NAME", description = "GeoJSON: the property that holds the end")
        String endProperty;
        @Option(names = "--title-property", paramLabel = "NAME", description = "GeoJSON: the property for the title")
        String titleProperty;
        @Option(names = "--category-property", paramLabel = "NAME",
                description = "GeoJSON: the property for the category")
        String categoryProperty;
        @Option(names = "--acled-sub-event-categories",
                description = "ACLED: categories from sub_event_type (event_type becomes a tag)")
        boolean acledSub;
        @Option(names = "--csv-column", paramLabel = "FIELD=COLUMN",
                description = "generic CSV: read FIELD from COLUMN, e.g. when=\"Reported on\"; FIELD is one of "
                        + "${COMPLETION-CANDIDATES}")
        Map<CsvMapping.Field, String> csvColumns = new LinkedHashMap<>();

        ImportOptions options(Path file) throws IOException {
            ImportOptions o = ImportOptions.DEFAULTS.withTimeProperty(timeProperty, endProperty)
                    .withTitleProperty(titleProperty).withCategoryProperty(categoryProperty)
                    .withAcledSubEventCategory(acledSub).withFormat(from);
            if (!csvColumns.isEmpty()) {
                CsvMapping m = CsvMapping.guess(CsvMapping.readHeader(file));
                for (Map.Entry<CsvMapping.Field, String> e : csvColumns.entrySet()) {
                    m = m.with(e.getKey(), e.getValue());
                }
                o = o.withCsvMapping(m);
            }
            return o;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Read each FILE (events JSON, GeoJSON, KML/KMZ, CSV or TimelineJS), print what loaded "
                    + "and every problem as FILE:LINE:COLUMN PATH: error|warning: MESSAGE.",
                    "Exit 0 when all are valid, 1 when records were skipped, 2 when a file cannot be read."})
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        Cli parent;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "the files to check")
        List<Path> files;
        @Mixin
        ImportChoices choices;

        @Override
        public Integer call() throws IOException {
            int worst = OK;
            for (Path f : files) {
                worst = Math.max(worst, ValidateCommand.run(f, Files.isRegularFile(f) ? choices.options(f)
                        : ImportOptions.DEFAULTS, parent.out));
            }
            return worst;
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = {"Read IN in any supported format and write its incidents to OUT as an events file "
                    + "(.json), GeoJSON (.geojson), KML (.kml) or CSV (.csv). Records that cannot be read are "
                    + "reported and left out. IN is never written to.",
                    "Exit 0 when written, 1 when written without skipped records, 2 when IN cannot be read, "
                            + "3 when OUT cannot be written."})
    static final class Convert implements Callable<Integer> {
        @ParentCommand
        Cli parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "IN", description = "the file to read")
        Path in;
        @Parameters(index = "1", paramLabel = "OUT", description = "the file to write (replaced if it exists)")
        Path outFile;
        @Option(names = "--to", paramLabel = "FORMAT",
                description = "native, geojson, kml or csv (default: from OUT's extension)")
        String to;
        @Mixin
        ImportChoices choices;

        @Override
        public Integer call() throws IOException {
            PrintStream out = parent.out;
            Format format;
            try {
                format = to != null ? Format.parse(to) : Format.byExtension(outFile.getFileName().toString());
            } catch (IllegalArgumentException e) {
                return usageError(spec, e.getMessage());
            }
            if (format == null || !format.writable()) {
                return usageError(spec, (format == null ? "cannot tell the output format from " + outFile.getFileName()
                        : format.label() + " cannot be written")
                        + "; name OUT .json, .geojson, .kml or .csv, or add --to native|geojson|kml|csv");
            }
            if (Files.exists(outFile) && Files.exists(in) && Files.isSameFile(in, outFile)) {
                out.println(outFile + ": is the input file; Incident Atlas never writes to its input");
                return CANNOT_WRITE;
            }
            Imported imported = ValidateCommand.read(in, Files.isRegularFile(in) ? choices.options(in)
                    : ImportOptions.DEFAULTS, out);
            if (imported == null) {
                return UNREADABLE;
            }
            ValidateCommand.report(in, imported, out);
            try {
                Formats.write(imported.result().catalog(), format, outFile);
            } catch (IOException e) {
                out.println(outFile + ": cannot be written: " + e.getMessage());
                return CANNOT_WRITE;
            }
            out.println("wrote " + outFile + ": " + imported.result().catalog().size() + " incidents ("
                    + format.label() + ")");
            return imported.result().rejected() > 0 ? REJECTED : OK;
        }
    }

    /** Options the window understands, shared by screenshot and frames. */
    static final class WindowChoices {
        @Option(names = "--select", paramLabel = "ID", description = "select this incident once loaded")
        String select;
        @Option(names = "--map", paramLabel = "LAT,LON,ZOOM", description = "centre the map there (zoom 1-18)")
        String map;
        @Option(names = "--window", paramLabel = "FROM/TO",
                description = "time window, e.g. 2021-06-05/2021-06-08 or 2021-06-06T18:00Z/2021-06-07T06:00Z")
        String window;
        @Option(names = "--view", paramLabel = "VIEW.json", description = "open a saved view")
        Path view;

        void addTo(List<String> args) {
            if (select != null) {
                args.addAll(List.of("--select", select));
            }
            if (map != null) {
                args.addAll(List.of("--map", map));
            }
            if (window != null) {
                args.addAll(List.of("--window", window));
            }
            if (view != null) {
                args.addAll(List.of("--view", view.toString()));
            }
        }
    }

    @Command(name = "screenshot", mixinStandardHelpOptions = true,
            description = {"Render the main window at 1400x900 to OUT.png and exit; no display needed.",
                    "Exit 0 when written, 1 when it could not be written, 64 on a wrong option."})
    static final class Screenshot implements Callable<Integer> {
        @ParentCommand
        Cli parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "OUT.png")
        Path png;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "default: data/events.json")
        Path file;
        @Mixin
        WindowChoices window;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--screenshot", png.toString()));
            window.addTo(args);
            if (file != null) {
                args.add(file.toString());
            }
            return parent.launch(spec, args);
        }
    }

    @Command(name = "frames", mixinStandardHelpOptions = true,
            description = {"Render playback frames: the window at COUNT steps through the time window (default: "
                    + "all time), written as DIR/frame-0001.png ... and exit; no display needed.",
                    "Exit 0 when written, 1 when a frame could not be written, 64 on a wrong option."})
    static final class Frames implements Callable<Integer> {
        @ParentCommand
        Cli parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "directory for the PNG files (created)")
        Path dir;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "default: data/events.json")
        Path file;
        @Option(names = "--count", paramLabel = "N", defaultValue = "24", description = "frames (1-1000), default 24")
        int count;
        @Option(names = "--cumulative", description = "each frame shows everything up to its time "
                + "(default: a sliding window one step wide)")
        boolean cumulative;
        @Mixin
        WindowChoices window;

        @Override
        public Integer call() {
            if (count < 1 || count > 1000) {
                return usageError(spec, "--count must be 1-1000, not " + count);
            }
            List<String> args = new ArrayList<>(List.of("--frames", dir.toString(), "--frame-count",
                    Integer.toString(count)));
            if (cumulative) {
                args.add("--cumulative");
            }
            window.addTo(args);
            if (file != null) {
                args.add(file.toString());
            }
            return parent.launch(spec, args);
        }
    }

    /** Checks {@code args} as the window would parse them and keeps them for {@link Main} to launch. */
    private int launch(CommandSpec spec, List<String> args) {
        String[] a = args.toArray(String[]::new);
        try {
            CommandLine.parse(a);
        } catch (IllegalArgumentException e) {
            return usageError(spec, e.getMessage());
        }
        launch = a;
        return OK;
    }

    /** Says what is wrong with the command line, points at its help, and gives {@link #USAGE}. */
    static int usageError(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message);
        err.println("Try '" + spec.qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /** The version from the jar's manifest. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Incident Atlas " + (v == null ? "(development build)" : v).toLowerCase(Locale.ROOT)};
        }
    }
}
