package org.incidentatlas.map;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the map needs from the outside for online tiles, given once by the app.
 *
 * @param userAgent    User-Agent for tile requests, naming the app and its version
 * @param tileCacheDir root of the online tile disk cache
 * @param httpClient   makes the client for online tiles; called once, when online tiles are first turned on,
 *                     so that a session that stays offline never builds one (building one takes ~0.2 s)
 */
public record MapOptions(String userAgent, Path tileCacheDir, Supplier<HttpClient> httpClient) {
}
