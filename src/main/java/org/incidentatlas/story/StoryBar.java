package org.incidentatlas.story;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.incidentatlas.model.Narrative;
import org.incidentatlas.viewmodel.ExplorerState;
import org.incidentatlas.viewmodel.Story;

/**
 * The story bar above the map. When the file tells stories (narratives) and none is being told, it offers them:
 * a choice and a Start button. In story mode it shows the narrative's title, "Step k of n", the step's note, and
 * Previous / Next / End buttons. Hidden when the file has no narratives.
 */
public final class StoryBar extends VBox {
    private final ExplorerState state;
    private final Story story;
    private final ComboBox<Narrative> choice = new ComboBox<>();
    private final Button start = new Button("Tell story");
    private final Button previous = new Button("◀ Previous");
    private final Button next = new Button("Next ▶");
    private final Button end = new Button("End story");
    private final Label title = new Label();
    private final Label progress = new Label();
    private final Label note = new Label();
    private final HBox idleRow;
    private final HBox activeRow;

    public StoryBar(ExplorerState state) {
        this.state = state;
        this.story = state.story();
        getStyleClass().add("story-bar");
        setId("storyBar");
        setPadding(new Insets(4, 8, 5, 8));
        setSpacing(3);

        Label invite = new Label("Stories in this file:");
        invite.getStyleClass().add("story-invite");
        choice.setId("storyChoice");
        choice.setTooltip(new Tooltip("The narratives this file tells, each an ordered walk through its incidents"));
        choice.setCellFactory(v -> new NarrativeCell());
        choice.setButtonCell(new NarrativeCell());
        choice.setMaxWidth(460);
        start.setId("storyStart");
        start.setDefaultButton(false);
        start.setTooltip(new Tooltip("Step through the chosen story: the map and the timeline follow each step"));
        start.setOnAction(e -> {
            Narrative n = choice.getValue();
            if (n != null) {
                story.start(n);
            }
        });
        start.disableProperty().bind(choice.valueProperty().isNull());
        idleRow = new HBox(8, invite, choice, start);
        idleRow.setAlignment(Pos.CENTER_LEFT);

        previous.setId("storyPrevious");
        previous.setTooltip(new Tooltip("Previous step (Page Up)"));
        previous.setOnAction(e -> story.previous());
        next.setId("storyNext");
        next.setTooltip(new Tooltip("Next step (Page Down)"));
        next.setOnAction(e -> story.next());
        end.setId("storyEnd");
        end.setTooltip(new Tooltip("Leave story mode; the map and timeline stay where they are (Esc)"));
        end.setOnAction(e -> story.stop());
        title.setId("storyTitle");
        title.getStyleClass().add("story-title");
        title.setMinWidth(0);
        progress.setId("storyProgress");
        progress.getStyleClass().add("story-progress");
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(title, Priority.SOMETIMES);
        activeRow = new HBox(8, previous, progress, next, title, spacer, end);
        activeRow.setAlignment(Pos.CENTER_LEFT);
        note.setId("storyNote");
        note.getStyleClass().add("story-note");
        note.setWrapText(true);
        note.setMaxHeight(3 * 16);
        note.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(idleRow, activeRow, note);
        state.catalogProperty().addListener(o -> refreshChoices());
        story.narrativeProperty().addListener(o -> refresh());
        story.stepProperty().addListener(o -> refresh());
        refreshChoices();
    }

    private void refreshChoices() {
        List<Narrative> narratives = state.getCatalog().narratives();
        Narrative keep = choice.getValue();
        choice.getItems().setAll(narratives);
        choice.setValue(narratives.stream().filter(n -> keep != null && n.id().equals(keep.id())).findFirst()
                .orElse(narratives.isEmpty() ? null : narratives.get(0)));
        refresh();
    }

    private void refresh() {
        boolean active = story.isActive();
        boolean any = !state.getCatalog().narratives().isEmpty();
        show(idleRow, !active && any);
        show(activeRow, active);
        String text = active ? story.currentNote() : null;
        show(note, active && text != null && !text.isBlank());
        setVisible(active || any);
        setManaged(active || any);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("active"), active);
        if (active) {
            Narrative n = story.getNarrative();
            title.setText(n.title());
            title.setTooltip(n.description() == null ? null : new Tooltip(n.description()));
            progress.setText("Step " + (story.getStep() + 1) + " of " + story.stepCount());
            note.setText(text == null ? "" : text);
            previous.setDisable(!story.hasPrevious());
            next.setDisable(!story.hasNext());
        }
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static final class NarrativeCell extends ListCell<Narrative> {
        @Override
        protected void updateItem(Narrative n, boolean empty) {
            super.updateItem(n, empty);
            setText(empty || n == null ? null : n.title() + "  (" + n.steps().size() + " steps)");
        }
    }
}
