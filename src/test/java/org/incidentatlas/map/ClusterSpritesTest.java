package org.incidentatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;

/** Cluster discs are drawn once per look and reused; their pixels carry the category colours. */
class ClusterSpritesTest {
    private static final int RED = 0xffe8590c;
    private static final int BLUE = 0xff1c7ed6;

    @Test
    void theSameLookIsDrawnOnceAndReused() {
        ClusterSprites s = new ClusterSprites();
        Image a = s.disc(15, new int[] {3, 1}, 4, new int[] {RED, BLUE}, false, 1, "4");
        Image b = s.disc(15, new int[] {3, 1}, 4, new int[] {RED, BLUE}, false, 1, "4");
        assertSame(a, b);
        assertNotSame(a, s.disc(15, new int[] {3, 1}, 4, new int[] {RED, BLUE}, true, 1, "4"), "faded differs");
        assertNotSame(a, s.disc(15, new int[] {1, 3}, 4, new int[] {RED, BLUE}, false, 1, "4"), "mix differs");
        assertNotSame(a, s.disc(15, new int[] {3, 1}, 4, new int[] {RED, BLUE}, false, 1, "5"), "count differs");
        assertEquals(4, s.size());
    }

    @Test
    void thePieShowsEachCategoryInItsColourAndTheImageIsWholePixels() {
        ClusterSprites s = new ClusterSprites();
        Image img = s.disc(15, new int[] {1, 1}, 2, new int[] {RED, BLUE}, false, 2, "2");
        assertEquals(img.getWidth(), Math.ceil((2 * 15 + 4) * 2.0), "drawn at the screen's scale");
        var px = img.getPixelReader();
        double c = img.getWidth() / 2;
        double ring = 15 * 2 * 0.8; // between the white centre and the rim
        // The first slice starts at 12 o'clock and runs clockwise: the right half is the first category.
        var right = px.getColor((int) (c + ring), (int) c);
        var left = px.getColor((int) (c - ring), (int) c);
        assertTrue(right.getRed() > 0.8 && right.getBlue() < 0.2, "right half red: " + right);
        assertTrue(left.getBlue() > 0.7 && left.getRed() < 0.3, "left half blue: " + left);
        assertEquals(0, px.getColor(0, 0).getOpacity(), 0.01, "transparent outside the disc");
    }
}
