package org.incidentatlas.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.incidentatlas.io.EventFileReader;
import org.incidentatlas.viewmodel.ExplorerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Text from a file is shown as text, never as markup (HTML, or JavaFX's own "_" mnemonic marker), and only
 * http(s) links reach the browser.
 */
@ExtendWith(ApplicationExtension.class)
class HostileDetailsUiTest {
    static final String TITLE = "<b>Bold</b> <script>alert(1)</script> _Alt_F4 &amp;";
    static final String SUMMARY = "<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">click</a>";
    static final String LINK = "https://example.org/report_2021/a_b?x=<y>";
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private ExplorerState state;
    private DetailsPane pane;

    @Start
    void start(Stage stage) throws Exception {
        Path f = Files.createTempFile("html", ".json");
        Files.writeString(f, "{\"format\":\"incident-atlas/1\",\"title\":\"x\","
                + "\"categories\":[{\"id\":\"c\",\"label\":\"<i>Category</i>\"}],\"places\":[],"
                + "\"events\":[{\"id\":\"h\",\"title\":" + json(TITLE) + ",\"summary\":" + json(SUMMARY)
                + ",\"category\":\"c\",\"tags\":[\"<u>tag</u>\"],\"sources\":[{\"outlet\":\"<marquee>Outlet</marquee>\","
                + "\"quote\":\"</div><h1>quote\",\"url\":" + json(LINK) + "},{\"outlet\":\"Bad\","
                + "\"url\":\"javascript:alert(1)\"}]}]}", StandardCharsets.UTF_8);
        state = new ExplorerState(new EventFileReader(), Runnable::run, Runnable::run);
        state.open(f);
        pane = new DetailsPane(state, opened::add);
        stage.setScene(new Scene(pane, 500, 700));
        stage.show();
        state.selectById("h");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void everyTextFromTheFileIsShownLiterally(FxRobot robot) {
        List<String> shown = fx(() -> texts(pane));
        for (String expected : List.of(TITLE, SUMMARY, "<i>Category</i>", "<u>tag</u>", "<marquee>Outlet</marquee>",
                "“</div><h1>quote”", LINK)) {
            assertTrue(shown.contains(expected), () -> "\"" + expected + "\" is not shown as written: " + shown);
        }
        List<Labeled> mnemonic = fx(() -> labeled(pane).stream()
                .filter(Labeled::isMnemonicParsing).toList());
        assertEquals(List.of(), mnemonic, "'_' in file text must not become a keyboard mnemonic");
        assertTrue(fx(() -> nodes(pane).stream()
                .noneMatch(n -> n.getClass().getName().startsWith("javafx.scene.web"))), "no web view");
    }

    @Test
    void onlyTheHttpsLinkIsALinkAndClickingItOpensExactlyThatAddress(FxRobot robot) {
        List<Hyperlink> links = fx(() -> nodes(pane).stream()
                .filter(n -> n instanceof Hyperlink && n.getStyleClass().contains("source-link"))
                .map(n -> (Hyperlink) n).toList());
        assertEquals(1, links.size(), "the javascript: link is no link");
        List<javafx.scene.control.Label> asText = fx(() -> nodes(pane).stream()
                .filter(n -> n instanceof javafx.scene.control.Label && n.getStyleClass().contains("source-refused-link"))
                .map(n -> (javafx.scene.control.Label) n).toList());
        assertEquals(1, asText.size(), "it is shown as text");
        assertTrue(asText.get(0).getText().contains("javascript:alert(1)") && asText.get(0).getText().contains("⚠"),
                asText.get(0).getText());
        robot.clickOn(asText.get(0));
        assertEquals(List.of(), opened, "clicking the text opens nothing");
        robot.clickOn(links.get(0));
        assertEquals(List.of(LINK), opened);
    }

    @Test
    void otherSchemesNeverReachTheBrowserAndAreShownAsTextWithAWarning(FxRobot robot) {
        for (String url : List.of("javascript:alert(1)", " JAVASCRIPT:alert(1)", "file:///etc/passwd",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://example.org/x")) {
            robot.interact(() -> pane.openLink(url));
            List<Window> alerts = fx(() -> Window.getWindows().stream()
                    .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                    .toList());
            assertEquals(1, alerts.size(), url);
            javafx.scene.control.DialogPane d = (javafx.scene.control.DialogPane) alerts.get(0).getScene().getRoot();
            assertEquals("Link not opened", d.getHeaderText());
            assertTrue(d.getContentText().contains(url), d.getContentText());
            robot.interact(() -> ((Stage) alerts.get(0)).close());
        }
        assertEquals(List.of(), opened);
        robot.interact(() -> pane.openLink("HTTPS://EXAMPLE.ORG/"));
        assertEquals(List.of("HTTPS://EXAMPLE.ORG/"), opened, "the scheme is case-insensitive");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        java.util.concurrent.atomic.AtomicReference<T> ref = new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            try {
                ref.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return ref.get();
    }

    /** Every node under {@code root} once (a ScrollPane's content is reached both directly and through its skin). */
    private static List<Node> nodes(Node root) {
        return walk(root).stream().distinct().toList();
    }

    private static List<Node> walk(Node root) {
        List<Node> out = new java.util.ArrayList<>();
        out.add(root);
        if (root instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            out.addAll(walk(sp.getContent()));
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(walk(c));
            }
        }
        return out;
    }

    private static List<Labeled> labeled(Node root) {
        return nodes(root).stream().filter(n -> n instanceof Labeled).map(n -> (Labeled) n).toList();
    }

    private static List<String> texts(Node root) {
        return labeled(root).stream().map(Labeled::getText).toList();
    }
}
