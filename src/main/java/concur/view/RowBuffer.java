package concur.view;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the commands print, kept as rows for a full-screen view to scroll, instead of going to the terminal.
 * It understands the little of a terminal that concur's own views use to redraw in place (carriage return,
 * cursor up, clear line: {@link SideBySide} replacing its live rows with the aligned table); every other
 * escape sequence (colours) stays in the text. Thread-safe: an example's output arrives from reader threads
 * while the screen draws.
 */
public final class RowBuffer extends Writer {
    /** More rows than a learner scrolls through; a flood keeps its newest rows. */
    static final int MAX_ROWS = 20_000;

    private final List<String> rows = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    /** The row the next text goes to: {@code rows.size()} past the last, less after a cursor-up. */
    private int cursor;
    /** Counts changes, so a screen redraws only when something changed. */
    private long version;

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                commit();
                cursor++;
            } else if (c == '\r') {
                current.setLength(0);
            } else if (c == '\u001b' && i + 1 < offset + length && chars[i + 1] == '[') {
                int end = i + 2;
                while (end < offset + length && (chars[end] < 0x40 || chars[end] > 0x7E)) {
                    end++;
                }
                if (end == offset + length) {
                    current.append(chars, i, end - i); // a sequence cut in two: kept as text
                    i = end - 1;
                    continue;
                }
                String parameters = new String(chars, i + 2, end - i - 2);
                switch (chars[end]) {
                    case 'A' -> {
                        current.setLength(0);
                        cursor = Math.max(0, cursor - number(parameters));
                    }
                    case 'K' -> current.setLength(0);
                    default -> current.append(chars, i, end - i + 1);
                }
                i = end;
            } else {
                current.append(c);
            }
        }
        version++;
    }

    private static int number(String parameters) {
        try {
            return parameters.isEmpty() ? 1 : Integer.parseInt(parameters);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The text written since the last newline becomes the row under the cursor. */
    private void commit() {
        String row = current.toString();
        current.setLength(0);
        if (cursor < rows.size()) {
            rows.set(cursor, row);
        } else {
            rows.add(row);
        }
        if (rows.size() > MAX_ROWS) {
            int drop = rows.size() - MAX_ROWS;
            rows.subList(0, drop).clear();
            cursor = Math.max(0, cursor - drop);
        }
    }

    /** Every row, and the text of a row not yet ended, as a copy. */
    public synchronized List<String> rows() {
        List<String> all = new ArrayList<>(rows);
        if (!current.isEmpty()) {
            if (cursor < all.size()) {
                all.set(cursor, current.toString());
            } else {
                all.add(current.toString());
            }
        }
        return all;
    }

    public synchronized long version() {
        return version;
    }

    @Override
    public void flush() {
        // rows are read when the screen draws
    }

    @Override
    public void close() {
        // nothing to release
    }
}
