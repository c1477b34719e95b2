package concur.cli;

import concur.lesson.Catalog;
import concur.view.Screen;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import org.jline.terminal.Terminal;

/**
 * What every command works with, passed in rather than reached for, so tests can capture it.
 *
 * @param settings what concur read from its environment at start-up
 * @param catalog  the lessons
 * @param screen   where output goes and what it can show
 * @param out      normal output
 * @param err      errors
 * @param in       the learner's keys, for the interactive commands, when there is no terminal
 * @param terminal the shell's terminal, when commands run inside {@code concur>}
 */
record Context(
        Settings settings,
        Catalog catalog,
        Screen screen,
        PrintWriter out,
        PrintWriter err,
        InputStream in,
        Optional<Terminal> terminal) {

    /** A context for plain (non-shell) use with these settings. */
    static Context of(Settings settings, Screen screen, PrintWriter out, PrintWriter err, InputStream in) {
        return new Context(settings, new Catalog(settings.lessons()), screen, out, err, in, Optional.empty());
    }
}
