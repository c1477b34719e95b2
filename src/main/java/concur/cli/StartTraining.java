package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.LessonException;
import concur.lesson.LessonHead;
import concur.lesson.LessonParser;
import concur.view.Screen;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;

/**
 * The training run behind the launcher's start-up archive for the full-screen lesson and the shell (JDK 25's
 * AOT cache, a CDS archive before): the JVM keeps the classes a run loads, parsed and linked, for every later
 * start. It does what {@code concur lesson} does up to its first screen and a few keys, but on a terminal made
 * in memory with its keys given in advance, so that it needs no person and no real terminal, and ends at the
 * end of its keys whatever happens. Its progress and history go to a folder it deletes.
 */
public final class StartTraining {
    /** Source view, back, a hint, the keys' help; then the end of input, which leaves the screen. */
    private static final String KEYS = "sqh?";

    private StartTraining() {}

    public static void main(String[] args) throws IOException {
        Path scratch = Files.createTempDirectory("concur-training");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("XDG_DATA_HOME", scratch.toString());
            env.put("CONCUR_WORKSPACE", scratch.resolve("workspace").toString());
            env.remove("VISUAL");
            env.remove("EDITOR");
            train(Settings.read(env, System.getProperties()), OutputStream.nullOutputStream());
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * The classes of the terminal a command opens on a person's terminal, which the in-memory one does not
     * use: a system terminal, on a pseudo-terminal that JLine's native library opens for the purpose.
     * Where that cannot be done, the start only stays a few milliseconds slower.
     */
    private static void systemTerminalOnAPty() {
        try (Pty pty = new JniTerminalProvider().open(null, new Size(80, 24));
                Terminal terminal = new PosixSysTerminal(
                        "training",
                        "xterm-256color",
                        pty,
                        StandardCharsets.UTF_8,
                        false,
                        Terminal.SignalHandler.SIG_DFL)) {
            terminal.getSize();
            terminal.enterRawMode();
        } catch (IOException | RuntimeException | LinkageError e) {
            // no native pseudo-terminal here
        }
    }

    /** @param screen what the made-up terminal shows */
    static void train(Settings settings, OutputStream screen) throws IOException {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        // The system terminal as a command first tries to open it: with no terminal here, it is dumb, but the
        // provider's classes load.
        SystemTerminal.firstChoice(settings.term()).close();
        systemTerminalOnAPty();
        Catalog catalog = new Catalog(settings.lessons());
        Optional<LessonHead> first = Optional.empty();
        for (LessonHead head : catalog.list().lessons()) {
            first = first.or(() -> Optional.of(head));
            try {
                new LessonParser().parse(head.file());
            } catch (LessonException e) {
                // A broken lesson is for `concur run` to report; training goes on with the others.
            }
        }
        if (first.isEmpty()) {
            return;
        }
        // The shell makes every command at its start; `lesson` below makes only its own.
        Main.commandLine(new Context(
                settings, catalog, Screen.plain(), nowhere, nowhere, InputStream.nullInputStream(), Optional.empty()));
        try (Terminal terminal = new ExternalTerminal(
                "training",
                "xterm-256color",
                new ByteArrayInputStream(KEYS.getBytes(StandardCharsets.US_ASCII)),
                screen,
                StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(80, 24));
            Screen shown = Screen.of(terminal, "xterm-256color", false, OptionalInt.of(80));
            Main.run(
                    new Context(settings, catalog, shown, nowhere, nowhere, terminal.input(), Optional.of(terminal)),
                    "lesson",
                    first.get().name(),
                    "1");
        }
    }
}
