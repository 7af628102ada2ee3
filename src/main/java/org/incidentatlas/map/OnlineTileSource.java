package org.incidentatlas.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Online raster tiles (OpenStreetMap by default), used only after the user turns them on, following the OSM
 * tile usage policy: a User-Agent naming Incident Atlas and its version, at most two connections, only the
 * tiles the view asks for (no prefetch), and a disk cache kept for at least {@link #MIN_EXPIRY} or as long as
 * the server's {@code Cache-Control}/{@code Expires} allows. A tile that cannot be fetched falls back to a stale
 * cached copy, else to the offline tile, silently; the status line says how many failed.
 */
final class OnlineTileSource {
    /** OpenStreetMap's standard tiles. */
    static final String OSM_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    static final Duration MIN_EXPIRY = Duration.ofDays(7);
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    private final String template;
    private final String userAgent;
    private final Path cacheDir;
    private final HttpClient client;
    private final Clock clock;
    private final Consumer<String> status;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "online-tiles");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param template  URL with {@code {z}}, {@code {x}}, {@code {y}}; http or https only
     * @param userAgent the User-Agent header, naming the app and its version
     * @param cacheDir  root of the disk cache; one sub-folder per template
     * @param status    receives a one-line status on the FX thread
     * @throws IllegalArgumentException for a template that is not http(s) or lacks a placeholder
     */
    OnlineTileSource(String template, String userAgent, Path cacheDir, HttpClient client, Clock clock,
                     Consumer<String> status) {
        this.template = validateTemplate(template);
        this.userAgent = userAgent;
        this.cacheDir = cacheDir.resolve(hash(template));
        this.client = client;
        this.clock = clock;
        this.status = status;
    }

    /**
     * Returns {@code template} if usable, else throws with a message for people. Tiles are fetched over HTTPS
     * only, so that what the user looks at is not readable on the wire; plain http is allowed for a loopback host
     * alone (127.0.0.0/8, localhost, [::1]: a local tile server, and the tests' hook), which never leaves the
     * machine. The template fixes the one host ever contacted: {z}, {x} and {y} become digits.
     */
    static String validateTemplate(String template) {
        if (template == null || !(template.startsWith("https://") || template.startsWith("http://"))) {
            throw new IllegalArgumentException("the tile URL must start with https://");
        }
        for (String p : new String[] {"{z}", "{x}", "{y}"}) {
            if (!template.contains(p)) {
                throw new IllegalArgumentException("the tile URL must contain " + p);
            }
        }
        int hostStart = template.indexOf("://") + 3;
        int hostEnd = template.indexOf('/', hostStart);
        if (template.substring(hostStart, hostEnd < 0 ? template.length() : hostEnd).contains("{")) {
            throw new IllegalArgumentException("the tile URL's host must be fixed: {z}, {x} and {y} go in its path");
        }
        URI uri;
        try {
            uri = new URI(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the tile URL is not a valid URL: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the tile URL must name a host (and no user name or password)");
        }
        if (template.startsWith("http://") && !isLoopback(host)) {
            throw new IllegalArgumentException("the tile URL must start with https:// (plain http only for a "
                    + "tile server on this machine: 127.0.0.1, localhost, [::1])");
        }
        return template;
    }

    /** A loopback host written literally; no name is resolved (that alone could reach a DNS server). */
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }

    int pending() {
        return pending.get();
    }

    String url(int z, long x, long y) {
        return template.replace("{z}", Integer.toString(z)).replace("{x}", Long.toString(x))
                .replace("{y}", Long.toString(y));
    }

    Path cacheFile(int z, long x, long y) {
        return cacheDir.resolve(Integer.toString(z)).resolve(Long.toString(x)).resolve(y + ".png");
    }

    /** Called on the FX thread; completes on the FX thread. */
    CompletableFuture<Image> loadTile(int z, long x, long y, OfflineTileSource fallback) {
        CompletableFuture<Image> future = new CompletableFuture<>();
        pending.incrementAndGet();
        io.execute(() -> {
            Image image = null;
            try {
                image = new Image(new ByteArrayInputStream(fetchOrCached(z, x, y)));
                if (image.isError()) {
                    throw new IOException("tile " + z + "/" + x + "/" + y + " is not a readable image");
                }
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.incrementAndGet();
            }
            Image fromNetwork = image;
            Platform.runLater(() -> {
                pending.decrementAndGet();
                report();
                if (fromNetwork != null) {
                    future.complete(fromNetwork);
                } else {
                    fallback.loadTile(z, x, y).whenComplete((img, err) -> {
                        if (img != null) {
                            future.complete(img);
                        } else {
                            future.completeExceptionally(err);
                        }
                    });
                }
            });
        });
        return future;
    }

    private void report() {
        int f = failed.get();
        status.accept(f == 0 ? "online tiles" : "online tiles: " + f + " failed, offline basemap shown there");
    }

    /** The tile's bytes from a fresh cache entry, else from the network (caching them), else a stale cache entry. */
    byte[] fetchOrCached(int z, long x, long y) throws IOException, InterruptedException {
        Path file = cacheFile(z, x, y);
        Path meta = file.resolveSibling(y + ".expires");
        long now = clock.millis();
        if (Files.exists(file) && Files.exists(meta) && expiry(meta) > now) {
            return Files.readAllBytes(file);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(z, x, y)))
                .header("User-Agent", userAgent)
                .timeout(Duration.ofSeconds(15))
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (Files.exists(file)) {
                return Files.readAllBytes(file); // stale beats nothing when offline
            }
            throw e;
        }
        if (response.statusCode() != 200) {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            throw new IOException("HTTP " + response.statusCode() + " for " + request.uri());
        }
        byte[] body = checkImage(response.body());
        long expiry = now + Math.max(MIN_EXPIRY.toMillis(), serverLifetimeMillis(response).orElse(0L));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "tile", ".part");
        Files.write(tmp, body);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path tmpMeta = Files.createTempFile(file.getParent(), "expires", ".part");
        Files.writeString(tmpMeta, Long.toString(expiry), StandardCharsets.US_ASCII);
        Files.move(tmpMeta, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        fetched.incrementAndGet();
        return body;
    }

    /** When a cached tile expires; a damaged record counts as expired, so the tile is fetched again. */
    private static long expiry(Path meta) throws IOException {
        try {
            return Long.parseLong(Files.readString(meta, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException | java.nio.charset.CharacterCodingException e) {
            return Long.MIN_VALUE;
        }
    }

    private Optional<Long> serverLifetimeMillis(HttpResponse<?> response) {
        Optional<String> cc = response.headers().firstValue("Cache-Control");
        if (cc.isPresent()) {
            Matcher m = MAX_AGE.matcher(cc.get());
            if (m.find()) {
                return Optional.of(Long.parseLong(m.group(1)) * 1000);
            }
        }
        return response.headers().firstValue("Expires").flatMap(v -> {
            try {
                return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                        .toEpochMilli() - clock.millis());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Accepts PNG, JPEG and WebP bytes (by their signatures); anything else is refused before it is cached. */
    private static byte[] checkImage(byte[] b) throws IOException {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
        boolean webp = b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E';
        if (!(png || jpeg || webp)) {
            throw new IOException("the server did not send an image");
        }
        return b;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int fetchedCount() {
        return fetched.get();
    }

    void shutdown() {
        io.shutdownNow();
    }
}
