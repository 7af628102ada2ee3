package org.incidentatlas.details;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.incidentatlas.model.GeoLocation;
import org.incidentatlas.model.Incident;
import org.incidentatlas.model.Outcome;
import org.incidentatlas.model.Source;
import org.incidentatlas.viewmodel.CategoryPalette;
import org.incidentatlas.viewmodel.ExplorerState;

/**
 * Shows the selected incident: what, when (as written, with its precision), where, outcome, and every source
 * with its quote. Related incidents are links that select them. FX thread only.
 */
public final class DetailsPane extends ScrollPane {
    private final ExplorerState state;
    private final VBox content = new VBox(6);

    private final java.util.function.Consumer<String> browser;

    /**
     * @param browser opens an http(s) address in the system browser (the app passes its HostServices); other
     *                schemes never reach it
     */
    public DetailsPane(ExplorerState state, java.util.function.Consumer<String> browser) {
        this.state = state;
        this.browser = browser;
        getStyleClass().add("details-pane");
        setId("detailsPane");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(10, 12, 12, 12));
        content.getStyleClass().add("details-content");
        setContent(content);
        state.selectedIncidentProperty().addListener((obs, o, n) -> show(n));
        state.catalogProperty().addListener(o -> show(state.selectedIncidentProperty().get()));
        show(null);
    }

    private void show(Incident inc) {
        content.getChildren().clear();
        if (inc == null) {
            Label empty = new Label("Select an incident on the map or the timeline to see what happened, when, "
                    + "where, how sure, and who says so.\n\n← / → step through incidents in time order.");
            empty.setWrapText(true);
            empty.getStyleClass().add("details-empty");
            content.getChildren().add(empty);
            setAccessibleText("No incident selected");
            return;
        }
        Label title = wrap(inc.title(), "details-title");
        title.setId("detailsTitle");
        Circle dot = new Circle(5, Color.web(CategoryPalette.color(state.getCatalog(), inc.category())));
        Label category = new Label(inc.category().label(), dot);
        category.getStyleClass().add("details-category");
        content.getChildren().addAll(title, category);

        section("When");
        if (inc.when() == null) {
            content.getChildren().add(wrap("Undated — the source gives no date.", "details-value"));
        } else {
            Label when = wrap(inc.when().literal() + "  ·  " + inc.when().describe(), "details-value");
            when.setId("detailsWhen");
            content.getChildren().add(when);
        }
        section("Where");
        GeoLocation g = inc.where();
        content.getChildren().add(wrap(g == null ? "Unlocated — the source gives no place."
                : g.describe() + String.format(Locale.ROOT, "\n%.4f, %.4f", g.lat(), g.lon()), "details-value"));
        if (inc.summary() != null) {
            section("Summary");
            content.getChildren().add(wrap(inc.summary(), "details-value"));
        }
        Outcome o = inc.outcome();
        if (o != null && !o.isEmpty()) {
            section("Outcome");
            StringBuilder sb = new StringBuilder();
            sb.append("Killed: ").append(o.killed() == null ? "not reported" : o.killed());
            sb.append(" · Injured: ").append(o.injured() == null ? "not reported" : o.injured());
            if (o.damage() != null) {
                sb.append("\nDamage: ").append(o.damage());
            }
            content.getChildren().add(wrap(sb.toString(), "details-value"));
        }
        Label badge = new Label(Integer.toString(inc.sources().size()));
        badge.setId("sourcesBadge");
        badge.getStyleClass().add("sources-badge");
        badge.setTooltip(new javafx.scene.control.Tooltip(inc.sources().size() + " source(s) back this incident"));
        Label sourcesTitle = wrap("SOURCES", "details-section");
        javafx.scene.layout.HBox sourcesHead = new javafx.scene.layout.HBox(6, sourcesTitle, badge);
        sourcesHead.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
        content.getChildren().add(sourcesHead);
        if (inc.sources().isEmpty()) {
            content.getChildren().add(wrap("No source given.", "details-warning"));
        }
        for (Source s : inc.sources()) {
            VBox box = new VBox(2);
            box.getStyleClass().add("details-source");
            String who = join(s.outlet(), s.speaker());
            box.getChildren().add(wrap(who.isEmpty() ? "Unnamed source" : who, "source-who"));
            if (s.quote() != null) {
                box.getChildren().add(wrap("“" + s.quote() + "”", "source-quote"));
            }
            String meta = join(s.published() == null ? null : "published " + s.published(), s.note());
            if (!meta.isEmpty()) {
                box.getChildren().add(wrap(meta, "source-meta"));
            }
            if (s.url() != null && !isWebLink(s.url())) {
                // not a web link (javascript:, file:, …): shown as text, never opened
                Label text = wrap("⚠ " + s.url() + " — not a web link; only http and https links open",
                        "source-refused-link");
                text.setId("refusedLink");
                box.getChildren().add(text);
            } else if (s.url() != null) {
                Hyperlink link = new Hyperlink(s.url());
                link.getStyleClass().add("source-link");
                link.setTooltip(new javafx.scene.control.Tooltip("Open in your browser (this goes online)"));
                link.setOnAction(e -> openLink(s.url()));
                box.getChildren().add(link);
            }
            content.getChildren().add(box);
        }
        if (!inc.tags().isEmpty()) {
            section("Tags");
            content.getChildren().add(wrap(String.join(", ", inc.tags()), "details-value"));
        }
        if (!inc.related().isEmpty()) {
            section("Related");
            VBox links = new VBox(0);
            for (String id : inc.related()) {
                int i = state.getCatalog().indexOf(id);
                Hyperlink link = new Hyperlink(i >= 0 ? state.getCatalog().get(i).title() : id + " (not loaded)");
                link.setDisable(i < 0);
                link.setWrapText(true);
                link.setMinHeight(Label.USE_PREF_SIZE);
                link.setOnAction(e -> state.selectById(id));
                links.getChildren().add(link);
            }
            content.getChildren().add(links);
        }
        setAccessibleText("Details of " + inc.title());
        setVvalue(0);
    }

    static boolean isWebLink(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** Opens http and https links only; anything else (file:, javascript:, …) is refused with a message. */
    void openLink(String url) {
        if (isWebLink(url)) {
            browser.accept(url);
        } else {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                    "Only http and https links are opened. Refused: " + url);
            a.setHeaderText("Link not opened");
            a.show();
        }
    }

    private void section(String name) {
        content.getChildren().add(wrap(name.toUpperCase(Locale.ROOT), "details-section"));
    }

    private static Label wrap(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " — " + b;
    }
}
