package concur.view;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;

/**
 * The scrolling middle of a full-screen view: rows wrapped to the screen's width, so nothing is cut off,
 * and which of them show. While new rows arrive it follows the end, unless the learner has scrolled up to
 * read, which it then leaves alone until they go back to the end.
 */
public final class Pane {
    /** OSC 8 links: a terminal opens them, but a row drawn cell by cell would show their bytes. */
    private static final Pattern LINK = Pattern.compile("\u001b]8;;[^\u001b\u0007]*(\u001b\\\\|\u0007)");

    private int top;
    private boolean following = true;
    private List<AttributedString> rows = List.of();
    private int height = 1;

    /** Wraps {@code text} rows to {@code width} columns, keeping colours. */
    public static List<AttributedString> wrap(List<String> text, int width) {
        List<AttributedString> wrapped = new ArrayList<>();
        for (String row : text) {
            AttributedString line =
                    AttributedString.fromAnsi(LINK.matcher(row).replaceAll("").replace("\t", "    "));
            if (line.columnLength() <= width) {
                wrapped.add(line);
            } else {
                wrapped.addAll(line.columnSplitLength(width));
            }
        }
        return wrapped;
    }

    /** New content and room: keeps the learner's place, or the end when following. */
    public void update(List<AttributedString> rows, int height) {
        this.rows = rows;
        this.height = Math.max(1, height);
        top = following ? lastTop() : Math.min(top, lastTop());
    }

    /** The rows that show, at most {@code height}. */
    public List<AttributedString> window() {
        return rows.subList(top, Math.min(rows.size(), top + height));
    }

    public void scroll(int by) {
        top = Math.max(0, Math.min(lastTop(), top + by));
        following = top == lastTop();
    }

    public void page(int pages) {
        scroll(pages * Math.max(1, height - 1));
    }

    public void home() {
        top = 0;
        following = lastTop() == 0;
    }

    public void end() {
        top = lastTop();
        following = true;
    }

    /** Back to the top, for a new page: a new step is read from its start. */
    public void reset() {
        top = 0;
        following = false;
    }

    /** Shows the end from now on, as new rows arrive (the learner asked for a run and wants to see it). */
    public void follow() {
        following = true;
        top = lastTop();
    }

    /** Shows row {@code row} near the top, when it is not on screen (the start of a run's table). */
    public void reveal(int row) {
        if (row < top || row >= top + height) {
            top = Math.max(0, Math.min(lastTop(), row));
            following = top == lastTop();
        }
    }

    /**
     * Shows the rows from {@code row} on, as far as there are rows to fill the window: what a run prints
     * pushes the text above it up, until the run's first row reaches the top.
     */
    public void showFrom(int row) {
        top = Math.max(0, Math.min(row, lastTop()));
        following = false;
    }

    /** How many rows lie below the window. */
    public int below() {
        return Math.max(0, rows.size() - (top + height));
    }

    /** How many rows lie above it. */
    public int above() {
        return top;
    }

    private int lastTop() {
        return Math.max(0, rows.size() - height);
    }
}
