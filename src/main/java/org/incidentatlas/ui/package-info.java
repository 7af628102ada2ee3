/**
 * Small drawing helpers shared by the views (map, timeline, details) so that they look alike: category marker
 * shapes. Depends only on JavaFX and the view model; no view depends on another through it.
 */
package org.incidentatlas.ui;
