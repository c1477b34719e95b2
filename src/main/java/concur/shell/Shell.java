package concur.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

/**
 * {@code concur} with no arguments: a {@code concur>} prompt with completion and history, where
 * every command of the CLI can be typed. Ctrl-C stops a running example and returns here; Ctrl-D or
 * {@code exit} leaves.
 */
public final class Shell {
    /** What the shell does itself, besides the CLI's commands: offered by completion too. */
    public static final List<String> OWN_COMMANDS = List.of("help", "clear", "exit");

    /** Runs one command line of the CLI on the shell's terminal and returns its exit status. */
    public interface Commands {
        int execute(List<String> words);
    }

    /** How long input must stay quiet before the prompt: keys already typed arrive within it. */
    private static final long TYPED_AHEAD_MILLIS = 20;

    private final Terminal terminal;
    private final Map<String, String> help;
    private final LineReader reader;
    private final Commands commands;

    /**
     * @param help     each command's name and its one-line description, in the order to show them
     * @param history  the file that keeps typed lines across sessions
     */
    public Shell(
            Terminal terminal, Map<String, String> help, ShellCompleter completer, Path history, Commands commands) {
        this.terminal = terminal;
        this.help = help;
        this.commands = commands;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("concur")
                .completer(completer)
                .option(LineReader.Option.LIST_ROWS_FIRST, true) // lessons read across, in teaching order
                .variable(LineReader.HISTORY_SIZE, 1_000);
        Optional<String> problem = HistoryFile.problem(history);
        if (problem.isEmpty()) {
            builder.variable(LineReader.HISTORY_FILE, history);
        } else {
            terminal.writer()
                    .println("concur: the history cannot be kept in " + history + " (" + problem.get()
                            + "); this session's commands are remembered until it ends");
        }
        this.reader = builder.build();
    }

    /** Reads and runs commands until Ctrl-D or {@code exit}; returns the status of the last command. */
    public int loop() {
        return loop(Optional.empty());
    }

    /**
     * As {@link #loop()}, greeting a learner who has been here before.
     *
     * @param welcome one line on where they were, e.g. {@code Welcome back: concur lesson threads continues at step 4}
     */
    public int loop(Optional<String> welcome) {
        PrintWriter out = terminal.writer();
        out.println("concur: 'help' lists the commands, Tab completes, Ctrl-D leaves.");
        welcome.ifPresent(out::println);
        out.flush();
        int status = 0;
        while (true) {
            dropTypedAhead();
            String line;
            try {
                line = reader.readLine("concur> ");
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt clears the line, as in any shell
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = reader.getParsedLine().words().stream()
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(0);
            if (first.equals("exit") || first.equals("quit")) {
                break;
            }
            if (first.equals("help") && words.size() == 1) {
                printHelp(out);
                continue;
            }
            if (first.equals("clear") && words.size() == 1) {
                terminal.puts(InfoCmp.Capability.clear_screen);
                terminal.flush();
                continue;
            }
            status = runInterruptibly(first.equals("concur") ? words.subList(1, words.size()) : words);
        }
        save();
        return status;
    }

    /** Ctrl-C while a command runs interrupts it (the runner then kills the example) instead of concur. */
    private int runInterruptibly(List<String> words) {
        Thread worker = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
        try {
            return commands.execute(words);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted(); // a Ctrl-C that came as the command ended must not hit the next one
            terminal.writer().flush();
        }
    }

    /**
     * Keys typed before the prompt is ready were typed at something else: at concur starting, at an example
     * that ran, at a lesson screen that closed. Read as the start of the next command, they left text like
     * {@code [A} (an arrow whose escape the terminal had eaten) in the line and then in the saved history.
     * They are read here, in raw mode so that a line not yet ended is readable too, and dropped. Commands
     * piped in (a dumb terminal) are all kept.
     */
    private void dropTypedAhead() {
        if (terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            return; // not a person at a terminal: lines piped in are the commands, every one of them
        }
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            while (keys.read(TYPED_AHEAD_MILLIS) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // Interrupted, or the terminal is gone: the prompt that follows will find out.
            Thread.interrupted();
        } finally {
            terminal.setAttributes(saved);
        }
    }

    private void printHelp(PrintWriter out) {
        Map<String, String> rows = new java.util.LinkedHashMap<>(help);
        rows.put("help", "this list; COMMAND --help tells more");
        rows.put("clear", "clear the screen (or Ctrl-L)");
        rows.put("exit", "leave (or Ctrl-D)");
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach(
                (name, description) -> out.println("  " + name + " ".repeat(width - name.length() + 2) + description));
        out.flush();
    }

    private void save() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // The file was fine at start; something changed it since (a full disk, a folder put in its place).
            terminal.writer().println("concur: could not save the history: " + e.getMessage());
            terminal.writer().flush();
        }
    }
}
