package concur.tmux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for end-to-end tests: tmux runs concur on a server of its own, {@link #keys} types, and
 * {@link #screen} reads what a person would see. {@code .ci/run} installs tmux.
 */
public final class Tmux implements AutoCloseable {
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The server's socket: a file of the test's own, deleted on close, not one more name in tmux's folder. */
    private final Path socket = Path.of(
            System.getProperty("java.io.tmpdir"),
            "concur-tmux-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

    public static boolean installed() {
        try {
            return run(List.of("tmux", "-V")).exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The command line that starts concur from the test's classpath, with {@code arguments}, in the project
     * folder, after the environment assignments in {@code environment} ({@code NAME=value}).
     */
    public static String concur(List<String> environment, String... arguments) {
        List<String> words =
                new ArrayList<>(List.of("cd", Path.of("").toAbsolutePath().toString(), "&&"));
        words.add("TERM=xterm-256color");
        words.addAll(environment);
        words.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.jline.utils.disableAlternateCharset=true",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dconcur.home=.",
                "-Dconcur.tty=1", // what the launcher measures: its output is tmux's terminal
                "-Dconcur.cache=" + System.getProperty("concur.cache", "target/example-cache"),
                "concur.cli.Main"));
        words.addAll(Arrays.asList(arguments));
        return String.join(" ", words);
    }

    /** Starts {@code command} in a new session of {@code columns} x {@code rows}. */
    public void start(String command, int columns, int rows) throws Exception {
        tmux("new-session", "-d", "-s", "concur", "-x", String.valueOf(columns), "-y", String.valueOf(rows), command);
    }

    public void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "concur"));
        args.addAll(Arrays.asList(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Text as the terminal sends it, escape sequences and all: a mouse report, say. */
    public void literal(String text) throws Exception {
        tmux("send-keys", "-t", "concur", "-l", text);
    }

    /** One of tmux's formats for the pane, e.g. {@code #{mouse_any_flag}}: 1 while the program tracks the mouse. */
    public String format(String format) throws Exception {
        return tmux("display-message", "-p", "-t", "concur", format).strip();
    }

    public void resize(int columns, int rows) throws Exception {
        tmux("resize-window", "-t", "concur", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    /** The screen now, one string per row, trailing blank rows trimmed. */
    public String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", "concur");
    }

    /** The screen once it contains {@code text}. */
    public String await(String text) throws Exception {
        return await("the screen to show \"" + text + "\"", screen -> screen.contains(text));
    }

    /** The screen once {@code test} holds for it; fails, showing the screen, after {@link #PATIENCE}. */
    public String await(String what, Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (test.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited in vain for " + what + "; the screen shows:\n" + screen);
    }

    public boolean alive() throws Exception {
        return run(List.of("tmux", "-S", socket.toString(), "has-session", "-t", "concur"))
                        .exitCode()
                == 0;
    }

    public void awaitEnd() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (alive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        tmux("kill-server");
        java.nio.file.Files.deleteIfExists(socket);
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(Arrays.asList(args));
        return run(command).output();
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return new Result(process.exitValue(), output);
    }
}
