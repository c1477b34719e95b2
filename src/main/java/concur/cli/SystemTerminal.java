package concur.cli;

import java.io.IOException;
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
        return TerminalBuilder.builder().system(true).name("concur").dumb(true).build();
    }

    /** The fast way of {@link #open}, which may give a dumb terminal where the default providers would not. */
    static Terminal firstChoice(String term) throws IOException {
        if (!term.isEmpty() && InfoCmp.getLoadedInfoCmp(term) == null) {
            String known = InfoCmp.getDefaultInfoCmp(term);
            if (known != null) {
                InfoCmp.setLoadedInfoCmp(term, known);
            }
        }
        return TerminalBuilder.builder()
                .system(true)
                .name("concur")
                .jni(true)
                .ffm(false)
                .jansi(false)
                .jna(false)
                .exec(false)
                .dumb(true)
                .build();
    }

    /** A terminal that cannot move the cursor: JLine's dumb ones, or one whose type is unknown. */
    static boolean isDumb(Terminal terminal) {
        return terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }
}
