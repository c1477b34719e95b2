import java.nio.charset.Charset;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The least a full-screen JLine program does before its first screen shows: open the system terminal as
 * concur does (JLine's JNI provider, no signal handlers), take raw mode and the alternate screen, and draw
 * one line with JLine's Display. It then waits for a key, so that the screen can be read; with an argument
 * it does not wait (for the training run of its start-up archive, which has no terminal).
 */
public class TerminalFloor {
    public static void main(String[] args) throws Exception {
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
    }
}
