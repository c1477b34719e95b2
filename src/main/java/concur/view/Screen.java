package concur.view;

import java.util.OptionalInt;

/**
 * What concur may assume about where its output goes.
 *
 * @param tty    standard output is a terminal (live updates and redraws are welcome)
 * @param colour ANSI colours may be used
 * @param width  columns available
 */
public record Screen(boolean tty, boolean colour, int width) {
    /** Piped output is drawn this wide, so logs are the same on every machine. */
    public static final int PLAIN_WIDTH = 120;

    public static final int MIN_WIDTH = 40;

    public Screen {
        width = Math.max(MIN_WIDTH, width);
    }

    /**
     * Whether marks beyond ASCII ({@code ✓ │ ●}) may be drawn: on a terminal that is not dumb. Pipes and files get
     * ASCII, so logs stay plain and stable.
     */
    public boolean unicode() {
        return tty || colour;
    }

    /** Plain output for files, pipes and tests. */
    public static Screen plain() {
        return new Screen(false, false, PLAIN_WIDTH);
    }

    /**
     * Decides from what the launcher measured (whether stdout is a terminal, and its width, where a shell can
     * ask cheaply) and the environment: colours only on a terminal, never with {@code NO_COLOR} set or
     * {@code TERM=dumb}.
     */
    public static Screen detect(boolean tty, String term, boolean noColor, OptionalInt columns) {
        boolean dumb = term.equals("dumb");
        int width = tty ? columns.orElse(80) : PLAIN_WIDTH;
        return new Screen(tty && !dumb, tty && !dumb && !noColor, width);
    }

    /**
     * The shell's terminal: its own width, colours unless it is dumb or {@code NO_COLOR} is set.
     *
     * @param measured the width the launcher measured, for a dumb terminal, which knows no size of its own
     */
    public static Screen of(org.jline.terminal.Terminal terminal, String term, boolean noColor, OptionalInt measured) {
        boolean dumb = terminal.getType() == null || terminal.getType().startsWith("dumb") || term.equals("dumb");
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : measured.orElse(80);
        return new Screen(!dumb, !dumb && !noColor, width);
    }
}
