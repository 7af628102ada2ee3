package org.incidentatlas.app;

import java.nio.file.Path;

/** The application's name, version, and where it keeps caches. */
final class AppInfo {
    static final String NAME = "Incident Atlas";

    private AppInfo() {
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** User-Agent for online tile requests, as the OSM tile policy asks: the app and its version. */
    static String userAgent() {
        return "IncidentAtlas/" + version() + " (desktop incident map; offline by default)";
    }

    /** {@code $XDG_CONFIG_HOME/incident-atlas/last-view.json}, else under {@code ~/.config}. */
    static Path lastViewFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("incident-atlas").resolve("last-view.json");
    }

    /**
     * The HTTP client for online tiles. It follows no redirect: a redirect could send the request (and what the
     * user is looking at) to a host the user never configured. Building it opens no connection.
     */
    static java.net.http.HttpClient tileHttpClient() {
        return java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
    }

    /** {@code $XDG_CACHE_HOME/incident-atlas/tiles}, else {@code ~/.cache/incident-atlas/tiles}. */
    static Path tileCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("incident-atlas").resolve("tiles");
    }
}
