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
 * @param catalog the lessons
 * @param screen  where output goes and what it can show
 * @param out     normal output
 * @param err     errors
 * @param in       the learner's keys, for the interactive commands, when there is no terminal
 * @param terminal the shell's terminal, when commands run inside {@code concur>}
 */
record Context(Catalog catalog, Screen screen, PrintWriter out, PrintWriter err, InputStream in, Optional<Terminal> terminal) {
    Context(Catalog catalog, Screen screen, PrintWriter out, PrintWriter err, InputStream in) {
        this(catalog, screen, out, err, in, Optional.empty());
    }
}
