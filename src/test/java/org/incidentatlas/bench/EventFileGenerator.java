package org.incidentatlas.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes valid {@code incident-atlas/1} files of N synthetic incidents with a realistic shape, deterministically
 * from a seed: places clustered around real towns of Iraq and Syria (a third by place id, the rest inline with
 * jitter), incidents in bursts over 2011–2024 on a quieter background, every EDTF form the reader knows (days,
 * months, years, times with Z or an offset, ~ ? %, closed and open intervals), 1–4 sources each, tags and links
 * between incidents. Files are generated for the benchmark and tests, never committed.
 *
 * <p>Usage: {@code EventFileGenerator N SEED OUT.json}.
 */
public final class EventFileGenerator {
    private static final String[][] CATEGORIES = {
        {"rocket-attack", "Rocket attack", "#e8590c"}, {"drone-incident", "Drone incident", "#1c7ed6"},
        {"missile-attack", "Missile attack", "#c2255c"}, {"airstrike", "Airstrike", "#f59f00"},
        {"ied", "IED", "#5f3dc4"}, {"armed-clash", "Armed clash", "#2b8a3e"}, {"protest", "Protest", "#0b7285"},
        {"statement", "Statement", "#495057"},
    };
    /** Towns and sites: name, admin1, country, lat, lon, weight (how much happens around it). */
    private static final Object[][] TOWNS = {
        {"Baghdad", "Baghdad", "IQ", 33.3152, 44.3661, 10}, {"Mosul", "Nineveh", "IQ", 36.3400, 43.1300, 7},
        {"Basra", "Basra", "IQ", 30.5085, 47.7804, 4}, {"Erbil", "Erbil", "IQ", 36.1911, 44.0092, 3},
        {"Kirkuk", "Kirkuk", "IQ", 35.4681, 44.3922, 4}, {"Ramadi", "Al Anbar", "IQ", 33.4206, 43.3078, 5},
        {"Fallujah", "Al Anbar", "IQ", 33.3500, 43.7833, 5}, {"Al-Asad Air Base", "Al Anbar", "IQ", 33.7856, 42.4412, 2},
        {"Hit", "Al Anbar", "IQ", 33.6417, 42.8269, 2}, {"Haditha", "Al Anbar", "IQ", 34.1390, 42.3780, 2},
        {"Al-Qaim", "Al Anbar", "IQ", 34.3700, 41.0900, 2}, {"Tikrit", "Saladin", "IQ", 34.6070, 43.6782, 3},
        {"Samarra", "Saladin", "IQ", 34.1983, 43.8743, 3}, {"Baqubah", "Diyala", "IQ", 33.7466, 44.6437, 3},
        {"Najaf", "Najaf", "IQ", 31.9960, 44.3148, 2}, {"Karbala", "Karbala", "IQ", 32.6160, 44.0249, 2},
        {"Hillah", "Babil", "IQ", 32.4637, 44.4196, 2}, {"Kut", "Wasit", "IQ", 32.5128, 45.8182, 1},
        {"Nasiriyah", "Dhi Qar", "IQ", 31.0439, 46.2573, 2}, {"Amarah", "Maysan", "IQ", 31.8356, 47.1440, 1},
        {"Sulaymaniyah", "Sulaymaniyah", "IQ", 35.5613, 45.4306, 1}, {"Duhok", "Duhok", "IQ", 36.8669, 42.9503, 1},
        {"Sinjar", "Nineveh", "IQ", 36.3209, 41.8766, 2}, {"Tal Afar", "Nineveh", "IQ", 36.3768, 42.4497, 2},
        {"Rutba", "Al Anbar", "IQ", 33.0381, 40.2848, 1}, {"Damascus", "Damascus", "SY", 33.5138, 36.2765, 6},
        {"Aleppo", "Aleppo", "SY", 36.2021, 37.1343, 7}, {"Homs", "Homs", "SY", 34.7324, 36.7137, 5},
        {"Hama", "Hama", "SY", 35.1318, 36.7578, 3}, {"Idlib", "Idlib", "SY", 35.9306, 36.6339, 5},
        {"Raqqa", "Raqqa", "SY", 35.9594, 39.0079, 4}, {"Deir ez-Zor", "Deir ez-Zor", "SY", 35.3359, 40.1408, 4},
        {"Abu Kamal", "Deir ez-Zor", "SY", 34.4529, 40.9186, 2}, {"Palmyra", "Homs", "SY", 34.5600, 38.2700, 2},
        {"Al-Hasakah", "Al-Hasakah", "SY", 36.5024, 40.7477, 2}, {"Qamishli", "Al-Hasakah", "SY", 37.0522, 41.2277, 2},
        {"Latakia", "Latakia", "SY", 35.5317, 35.7901, 1}, {"Daraa", "Daraa", "SY", 32.6189, 36.1021, 3},
        {"Manbij", "Aleppo", "SY", 36.5281, 37.9549, 2}, {"Kobani", "Aleppo", "SY", 36.8907, 38.3531, 2},
        {"Al-Tanf", "Homs", "SY", 33.5010, 38.6630, 1},
    };
    private static final String[] OUTLETS = {"Reuters", "AP", "AFP", "Al Jazeera", "Al Arabiya", "BBC", "CNN",
        "Rudaw", "Kurdistan 24", "Shafaq News", "The National", "SANA", "Syrian Observatory for Human Rights",
        "Iraqi News Agency", "ACLED", "Airwaves", "Local Telegram channel", "Enab Baladi"};
    private static final String[] SPEAKERS = {"Iraqi military", "Coalition spokesman", "Provincial council member",
        "Local police", "Security Media Cell", "Witnesses", "Hospital source", "Ministry of Defence", null, null};
    private static final String[] TAGS = {"night", "casualties", "infrastructure", "convoy", "checkpoint",
        "base", "claimed", "unclaimed", "disputed", "video", "photo", "satellite"};
    private static final String[] VERBS = {"reported near", "struck near", "hit", "intercepted over",
        "reported in", "targeted a position near", "took place in", "claimed near"};
    private static final String[] PRECISIONS = {"site", "town", "district", "region"};

    private static final long START = Instant.parse("2011-01-01T00:00:00Z").toEpochMilli();
    private static final long END = Instant.parse("2024-12-31T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final DateTimeFormatter DAY_FMT = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MINUTE_FMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private EventFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: EventFileGenerator N SEED OUT.json");
            System.exit(2);
        }
        Path out = Path.of(args[2]);
        write(Integer.parseInt(args[0]), Long.parseLong(args[1]), out);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    /** Writes {@code n} incidents generated from {@code seed} to {@code out} (via a temporary file). */
    public static void write(int n, long seed, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            write(n, seed, os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code n} incidents generated from {@code seed} to {@code os} (UTF-8), one event per line. */
    public static void write(int n, long seed, OutputStream os) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int bursts = Math.max(8, n / 400);
        long[] burstAt = new long[bursts];
        long[] burstSpread = new long[bursts];
        int[] burstTown = new int[bursts];
        for (int b = 0; b < bursts; b++) {
            burstAt[b] = START + (long) (rnd.nextDouble() * (END - START));
            burstSpread[b] = (long) (HOUR * Math.exp(rnd.nextDouble() * Math.log(24 * 30))); // an hour to a month
            burstTown[b] = town(rnd);
        }
        JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8);
        g.setPrettyPrinter(new MinimalPrettyPrinter() {
            @Override
            public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
                gen.writeRaw(",\n");
            }
        });
        g.writeStartObject();
        g.writeStringField("format", "incident-atlas/1");
        g.writeStringField("title", "Synthetic incidents (" + n + ", seed " + seed + ")");
        g.writeArrayFieldStart("categories");
        for (String[] c : CATEGORIES) {
            g.writeStartObject();
            g.writeStringField("id", c[0]);
            g.writeStringField("label", c[1]);
            g.writeStringField("color", c[2]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("places");
        for (int t = 0; t < TOWNS.length; t++) {
            Object[] town = TOWNS[t];
            g.writeStartObject();
            g.writeStringField("id", placeId(t));
            g.writeStringField("name", (String) town[0]);
            g.writeNumberField("lat", (double) town[3]);
            g.writeNumberField("lon", (double) town[4]);
            g.writeStringField("admin1", (String) town[1]);
            g.writeStringField("country", (String) town[2]);
            g.writeStringField("precision", "town");
            g.writeNumberField("uncertaintyKm", 5);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw("\n");
        g.writeArrayFieldStart("events");
        for (int i = 0; i < n; i++) {
            writeEvent(g, rnd, i, burstAt, burstSpread, burstTown);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private static void writeEvent(JsonGenerator g, SplittableRandom rnd, int i, long[] burstAt, long[] burstSpread,
                                   int[] burstTown) throws IOException {
        int cat = rnd.nextInt(CATEGORIES.length);
        int t;
        long at;
        if (rnd.nextDouble() < 0.7) {
            int b = rnd.nextInt(burstAt.length);
            t = rnd.nextDouble() < 0.8 ? burstTown[b] : town(rnd);
            at = burstAt[b] + (long) (rnd.nextGaussian() * burstSpread[b]);
        } else {
            t = town(rnd);
            at = START + (long) (rnd.nextDouble() * (END - START));
        }
        at = Math.max(START, Math.min(END, at));
        Object[] town = TOWNS[t];
        String verb = VERBS[rnd.nextInt(VERBS.length)];
        g.writeStartObject();
        g.writeStringField("id", "ev-" + i);
        g.writeStringField("title", CATEGORIES[cat][1] + " " + verb + " " + town[0]);
        g.writeStringField("category", CATEGORIES[cat][0]);
        String when = when(rnd, at);
        if (when != null) {
            g.writeStringField("when", when);
        }
        double p = rnd.nextDouble();
        if (p < 0.33) {
            g.writeStringField("where", placeId(t));
        } else if (p < 0.99) {
            double spreadKm = 2 + rnd.nextDouble() * 20;
            double lat = (double) town[3] + rnd.nextGaussian() * spreadKm / 111.0;
            double lon = (double) town[4] + rnd.nextGaussian() * spreadKm / (111.0 * Math.cos(Math.toRadians(lat)));
            g.writeObjectFieldStart("where");
            g.writeStringField("name", "near " + town[0]);
            g.writeNumberField("lat", Math.round(lat * 1e5) / 1e5);
            g.writeNumberField("lon", Math.round(lon * 1e5) / 1e5);
            g.writeStringField("admin1", (String) town[1]);
            g.writeStringField("country", (String) town[2]);
            g.writeStringField("precision", PRECISIONS[rnd.nextInt(PRECISIONS.length)]);
            if (rnd.nextBoolean()) {
                g.writeNumberField("uncertaintyKm", Math.round(spreadKm));
            }
            g.writeEndObject();
        } // else: unlocated
        g.writeStringField("summary", CATEGORIES[cat][1] + " " + verb + " " + town[0] + ", " + town[1]
                + ". Reported by " + (1 + rnd.nextInt(4)) + " outlets; details unconfirmed (synthetic record " + i + ").");
        if (rnd.nextDouble() < 0.3) {
            g.writeObjectFieldStart("outcome");
            g.writeNumberField("killed", rnd.nextInt(5));
            g.writeNumberField("injured", rnd.nextInt(12));
            g.writeEndObject();
        }
        int sources = 1 + rnd.nextInt(4);
        g.writeArrayFieldStart("sources");
        for (int s = 0; s < sources; s++) {
            g.writeStartObject();
            g.writeStringField("outlet", OUTLETS[rnd.nextInt(OUTLETS.length)]);
            String speaker = SPEAKERS[rnd.nextInt(SPEAKERS.length)];
            if (speaker != null) {
                g.writeStringField("speaker", speaker);
            }
            if (rnd.nextDouble() < 0.4) {
                g.writeStringField("quote", "We can confirm an incident near " + town[0] + ".");
            }
            g.writeStringField("published", LocalDateTime.ofEpochSecond(at / 1000 + DAY / 1000 * rnd.nextInt(3), 0,
                    ZoneOffset.UTC).format(DAY_FMT));
            if (rnd.nextDouble() < 0.6) {
                g.writeStringField("url", "https://news.example.org/" + i + "/" + s);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (rnd.nextDouble() < 0.5) {
            g.writeArrayFieldStart("tags");
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++) {
                g.writeString(TAGS[rnd.nextInt(TAGS.length)]);
            }
            g.writeEndArray();
        }
        if (i > 0 && rnd.nextDouble() < 0.05) {
            g.writeArrayFieldStart("related");
            g.writeString("ev-" + rnd.nextInt(i));
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** An EDTF value near {@code at} in one of the forms the reader understands, or {@code null} (undated, 1%). */
    static String when(SplittableRandom rnd, long at) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(Math.floorDiv(at, 1000), 0, ZoneOffset.UTC);
        double f = rnd.nextDouble();
        String day = d.format(DAY_FMT);
        if (f < 0.01) {
            return null;
        } else if (f < 0.40) {
            return day;
        } else if (f < 0.52) {
            return d.format(MINUTE_FMT) + "Z";
        } else if (f < 0.56) {
            return d.plusHours(3).format(MINUTE_FMT) + "+03:00";
        } else if (f < 0.66) {
            return day + (rnd.nextBoolean() ? "~" : "?");
        } else if (f < 0.68) {
            return day + "%";
        } else if (f < 0.78) {
            return day.substring(0, 7) + (rnd.nextDouble() < 0.3 ? "~" : "");
        } else if (f < 0.81) {
            return day.substring(0, 4);
        } else if (f < 0.94) {
            String end = LocalDateTime.ofEpochSecond(Math.floorDiv(at, 1000) + (1 + rnd.nextInt(20)) * DAY / 1000, 0,
                    ZoneOffset.UTC).format(DAY_FMT);
            return day + "/" + end;
        } else if (f < 0.97) {
            return day.substring(0, 7) + "/" + (rnd.nextBoolean() ? ".." : day.substring(0, 4) + "-12");
        } else {
            return "../" + day;
        }
    }

    private static String placeId(int t) {
        return "town-" + t;
    }

    private static int totalWeight = -1;

    private static int town(SplittableRandom rnd) {
        if (totalWeight < 0) {
            int w = 0;
            for (Object[] town : TOWNS) {
                w += (int) town[5];
            }
            totalWeight = w;
        }
        int r = rnd.nextInt(totalWeight);
        for (int t = 0; t < TOWNS.length; t++) {
            r -= (int) TOWNS[t][5];
            if (r < 0) {
                return t;
            }
        }
        return TOWNS.length - 1;
    }
}
