package concur.view;

import java.util.Map;

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

    /** Plain output for files, pipes and tests. */
    public static Screen plain() {
        return new Screen(false, false, PLAIN_WIDTH);
    }

    /**
     * Decides from what the launcher measured ({@code concur.tty}, {@code concur.columns}, set by the
     * {@code concur} script, where a shell can ask cheaply) and the environment: colours only on a
     * terminal, never with {@code NO_COLOR} set or {@code TERM=dumb}.
     */
    public static Screen detect(Map<String, String> env, String ttyProperty, String columnsProperty) {
        boolean tty = "1".equals(ttyProperty);
        String term = env.getOrDefault("TERM", "");
        boolean dumb = term.equals("dumb");
        boolean colour = tty && !dumb && env.get("NO_COLOR") == null;
        int width = tty ? parse(columnsProperty, parse(env.get("COLUMNS"), 80)) : PLAIN_WIDTH;
        return new Screen(tty && !dumb, colour, width);
    }

    /** The shell's terminal: its own width, colours unless it is dumb or {@code NO_COLOR} is set. */
    public static Screen of(org.jline.terminal.Terminal terminal, Map<String, String> env) {
        boolean dumb = terminal.getType() == null || terminal.getType().startsWith("dumb") || "dumb".equals(env.get("TERM"));
        // A dumb terminal knows no size; the launcher measured the real one with stty.
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : parse(System.getProperty("concur.columns"), parse(env.get("COLUMNS"), 80));
        return new Screen(!dumb, !dumb && env.get("NO_COLOR") == null, width);
    }

    public static Screen detect() {
        return detect(System.getenv(), System.getProperty("concur.tty"), System.getProperty("concur.columns"));
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
