package org.incidentatlas.map;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * What the map needs from the outside for online tiles, given once by the app.
 *
 * @param userAgent    User-Agent for tile requests, naming the app and its version
 * @param tileCacheDir root of the online tile disk cache
 * @param httpClient   the client used for online tiles (never used while online tiles are off)
 */
public record MapOptions(String userAgent, Path tileCacheDir, HttpClient httpClient) {
}
