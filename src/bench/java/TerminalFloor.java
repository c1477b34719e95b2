import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/**
 * The least a full-screen JLine program does before its first screen shows: open the system terminal as
 * concur does (JLine's JNI provider, no signal handlers, the description of the terminal JLine carries
 * instead of an {@code infocmp} process), take raw mode and the alternate screen, and draw one line with
 * JLine's Display. It then waits for a key, so that the screen can be read; with an argument it does not
 * wait (for the training run of its start-up archive, which has no terminal).
 */
public class TerminalFloor {
    public static void main(String[] args) throws Exception {
        String type = System.getenv().getOrDefault("TERM", "xterm-256color");
        try (InputStream carried = InfoCmp.class.getResourceAsStream(type + ".caps")) {
            if (carried != null) {
                InfoCmp.setLoadedInfoCmp(type, new String(carried.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        try (Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .jni(true)
                .ffm(false)
                .jansi(false)
                .jna(false)
                .exec(false)
                .dumb(true)
                .nativeSignals(false)
                .encoding(Charset.defaultCharset())
                .build()) {
            Attributes saved = terminal.enterRawMode();
            terminal.puts(Capability.enter_ca_mode);
            Display display = new Display(terminal, true);
            display.resize(Math.max(terminal.getHeight(), 1), Math.max(terminal.getWidth(), 1));
            display.update(List.of(new AttributedString(System.getProperty("floor.line", "floor"))), -1);
            terminal.flush();
            if (args.length == 0) {
                terminal.reader().read();
            }
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
        }
        if (args.length > 0) {
            onAPty(type);
        }
    }

    /**
     * For the training run, which has no terminal: the classes of a system terminal on a pseudo-terminal,
     * as concur's own training loads them, so that this floor's archive holds what concur's does.
     */
    private static void onAPty(String type) {
        try (Pty pty = new JniTerminalProvider().open(null, new Size(80, 24));
                Terminal terminal = new PosixSysTerminal(
                        "training", type, pty, StandardCharsets.UTF_8, false, Terminal.SignalHandler.SIG_DFL)) {
            terminal.enterRawMode();
            Display display = new Display(terminal, true);
            display.resize(24, 80);
            display.update(List.of(new AttributedString("floor")), -1);
        } catch (IOException | RuntimeException | LinkageError e) {
            // no pseudo-terminal here: the floor loads a few classes more
        }
    }
}
