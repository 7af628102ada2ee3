package org.incidentatlas.app;

import java.nio.file.Path;

/**
 * The parsed command line.
 *
 * @param mode       what to do
 * @param file       the events file, or {@code null} for the default
 * @param screenshot where to write the screenshot (screenshot mode only)
 * @param select     id of the incident to select once loaded, or {@code null}
 * @param view       {lat, lon, zoom} to show instead of fitting the map to the incidents, or {@code null}
 * @param window     {start, end} of the time window to show instead of all time, or {@code null}
 * @param viewFile   a saved view to open, or {@code null}
 * @param frames     the directory for playback frames (frames mode only)
 * @param frameCount how many frames to render (frames mode only)
 * @param cumulative frames show everything up to their time rather than a sliding window
 * @param story      {@code ID} or {@code ID:STEP} of a narrative to tell once loaded, or {@code null}
 */
record CommandLine(Mode mode, Path file, Path screenshot, String select, double[] view, java.time.Instant[] window,
                   Path viewFile, Path frames, int frameCount, boolean cumulative, String story) {
    enum Mode { WINDOW, VALIDATE, SCREENSHOT, FRAMES, HELP }

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: incident-atlas [--select ID] [FILE]",
            "       incident-atlas validate FILE...          (also: --validate FILE)",
            "       incident-atlas convert IN OUT [--to FORMAT]",
            "       incident-atlas screenshot OUT.png [FILE]  (also: --screenshot OUT.png [FILE])",
            "       incident-atlas frames DIR [FILE] [--count N] [--cumulative]",
            "       incident-atlas COMMAND --help            (each command's options and exit codes)",
            "  FILE                  an events file, GeoJSON, KML/KMZ, CSV (ACLED or other) or TimelineJS JSON",
            "                        (default: data/events.json)",
            "  --validate FILE       print the validation report and exit: 0 valid, 1 items rejected, 2 unreadable",
            "  --screenshot OUT.png  render the main window at 1400x900 to OUT.png and exit (no display needed)",
            "  --select ID           select the incident with this id once the file is loaded",
            "  --view FILE           open a saved view (file, time window, selection, filters, map)",
            "  --story ID[:STEP]     tell the file's narrative ID from its first step (or step STEP, from 1)",
            "  --map LAT,LON,ZOOM    centre the map there at that zoom (1-18) instead of fitting it to the incidents",
            "  --window FROM/TO      time window to show, e.g. 2021-06-05/2021-06-08 or 2021-06-06T18:00Z/2021-06-07T06:00Z",
            "  -h, --help            show this help");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for people when they are wrong. */
    static CommandLine parse(String[] args) {
        Mode mode = Mode.WINDOW;
        Path file = null;
        Path screenshot = null;
        String select = null;
        double[] view = null;
        java.time.Instant[] window = null;
        Path viewFile = null;
        Path frames = null;
        int frameCount = 24;
        boolean cumulative = false;
        String story = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new CommandLine(Mode.HELP, null, null, null, null, null, null, null, 0, false, null);
                }
                case "--validate" -> {
                    mode = setMode(mode, Mode.VALIDATE);
                    file = setFile(file, value(args, ++i, a));
                }
                case "--screenshot" -> {
                    mode = setMode(mode, Mode.SCREENSHOT);
                    screenshot = Path.of(value(args, ++i, a));
                }
                case "--frames" -> {
                    mode = setMode(mode, Mode.FRAMES);
                    frames = Path.of(value(args, ++i, a));
                }
                case "--frame-count" -> frameCount = count(value(args, ++i, a));
                case "--cumulative" -> cumulative = true;
                case "--select" -> select = value(args, ++i, a);
                case "--map" -> view = parseView(value(args, ++i, a));
                case "--story" -> story = value(args, ++i, a);
                case "--view" -> viewFile = Path.of(value(args, ++i, a));
                case "--window" -> window = parseWindow(value(args, ++i, a));
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    file = setFile(file, a);
                }
            }
        }
        if (mode == Mode.VALIDATE && (select != null || view != null || window != null || viewFile != null
                || story != null || file == null)) {
            throw new IllegalArgumentException("--validate takes exactly one FILE and no other option");
        }
        return new CommandLine(mode, file, screenshot, select, view, window, viewFile, frames, frameCount, cumulative,
                story);
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--frame-count takes a whole number 1-1000, not " + text);
    }

    private static java.time.Instant[] parseWindow(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                java.time.Instant a = instant(parts[0]);
                java.time.Instant b = instant(parts[1]);
                if (a.isBefore(b)) {
                    return new java.time.Instant[] {a, b};
                }
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--window takes FROM/TO with FROM before TO, e.g. 2021-06-05/2021-06-08 or "
                + "2021-06-06T18:00Z/2021-06-07T06:00Z, not " + text);
    }

    private static java.time.Instant instant(String s) {
        String t = s.trim();
        if (t.length() == 10) {
            return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return java.time.OffsetDateTime.parse(t.replace("Z", "+00:00").length() == 22 ? t.replace("Z", ":00Z") : t)
                .toInstant();
    }

    private static double[] parseView(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 3) {
                double lat = Double.parseDouble(parts[0].trim());
                double lon = Double.parseDouble(parts[1].trim());
                double zoom = Double.parseDouble(parts[2].trim());
                if (Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom >= 1 && zoom <= 18) {
                    return new double[] {lat, lon, zoom};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--map takes LAT,LON,ZOOM, e.g. 33.3,44.4,9 (|lat| <= 85, zoom 1-18), not "
                + text);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Mode setMode(Mode current, Mode next) {
        if (current != Mode.WINDOW) {
            throw new IllegalArgumentException("--validate, --screenshot and --frames cannot be combined");
        }
        return next;
    }

    private static Path setFile(Path current, String next) {
        if (current != null) {
            throw new IllegalArgumentException("one FILE at most (got " + current + " and " + next + ")");
        }
        return Path.of(next);
    }

    Path fileOrDefault() {
        return file != null ? file : Main.defaultFile();
    }
}
