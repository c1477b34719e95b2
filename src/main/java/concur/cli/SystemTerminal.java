package concur.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/** The learner's terminal, opened the one way every command opens it. */
final class SystemTerminal {
    private SystemTerminal() {}

    /**
     * Opens the terminal quickly: it is most of the lesson screen's start.
     *
     * <ul>
     *   <li>JLine loads every provider it may use before it picks one. By default that costs about 150 ms for
     *       the FFM provider to link its native calls, a {@code test -t} process for the exec provider, and
     *       reflection that fails for Jansi and JNA, which the bundle lacks. JNI alone (JLine's own small
     *       native library) opens the same terminal. Where it cannot load (a {@code noexec} temporary folder,
     *       say), the default list is tried, and a terminal none can open is a quiet dumb one: the commands
     *       then fall back to their line mode.
     *   <li>JLine asks the system's {@code infocmp} for the terminal's capabilities, a process of its own on
     *       every start. For the types JLine carries a description of ({@code xterm-256color} among them)
     *       that description is used instead; other types still ask {@code infocmp}.
     *   <li>JLine puts the system's default handler in place for five signals at start, each through
     *       reflection. Concur does not need that: a signal keeps the JVM's own handling (Ctrl-C runs the
     *       shutdown hooks, which give the terminal back) until a command handles it.
     *   <li>Without an encoding, JLine looks up Windows code page 0 as {@code ms0} and {@code cp0}, which
     *       loads every extended charset the JDK has, then settles on the default charset. It is given that
     *       charset at once.
     * </ul>
     *
     * @param term the {@code TERM} variable, or empty
     */
    static Terminal open(String term) throws IOException {
        Terminal terminal = firstChoice(term);
        if (!isDumb(terminal)) {
            return terminal;
        }
        terminal.close();
        return builder().build();
    }

    /** The fast way of {@link #open}, which may give a dumb terminal where the default providers would not. */
    static Terminal firstChoice(String term) throws IOException {
        if (InfoCmp.getLoadedInfoCmp(term) == null) {
            carried(term).ifPresent(known -> InfoCmp.setLoadedInfoCmp(term, known));
        }
        return builder()
                .jni(true)
                .ffm(false)
                .jansi(false)
                .jna(false)
                .exec(false)
                .build();
    }

    /**
     * The description JLine carries of this terminal type, as {@code InfoCmp.getDefaultInfoCmp} gives it
     * (its lines, each ended by a line feed), read at once: JLine's own reading decodes it a character at a
     * time, some 7 ms of a cold start.
     */
    static Optional<String> carried(String term) {
        if (!term.matches("[A-Za-z0-9][A-Za-z0-9._+-]*")) {
            return Optional.empty(); // not a resource name; nor any type JLine carries
        }
        try (InputStream in = InfoCmp.class.getResourceAsStream(term + ".caps")) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(text.lines().collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            return Optional.empty(); // JLine will ask infocmp, as for any type it does not carry
        }
    }

    private static TerminalBuilder builder() {
        return TerminalBuilder.builder()
                .system(true)
                .name("concur")
                .dumb(true)
                .nativeSignals(false)
                .encoding(Charset.defaultCharset());
    }

    /**
     * Until the returned undo runs, a resize of the terminal's window runs {@code resized} (on the JVM's
     * signal thread). This is {@code terminal.handle(WINCH, ...)} without JLine's way of registering it,
     * which builds a reflective proxy on first use: some 20 ms of the lesson screen's start. Where WINCH
     * cannot be handled (no such signal, or the JVM keeps it), nothing changes and the screen keeps its size.
     */
    static Runnable onResize(Runnable resized) {
        try {
            sun.misc.Signal winch = new sun.misc.Signal("WINCH");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(winch, signal -> resized.run());
            return () -> sun.misc.Signal.handle(winch, previous);
        } catch (IllegalArgumentException notHere) {
            return () -> {};
        }
    }

    /** A terminal that cannot move the cursor: JLine's dumb ones, or one whose type is unknown. */
    static boolean isDumb(Terminal terminal) {
        return terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }
}
