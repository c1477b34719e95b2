package concur.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;

/** An example's source in JLine's {@code less}: line numbers, its name, search, scrolling by keys and wheel. */
final class SourcePager {
    private SourcePager() {}

    static void show(Terminal terminal, String name, String code) throws IOException, InterruptedException {
        Less less = new Less(terminal, Path.of("."));
        less.printLineNumbers = true;
        less.quitIfOneScreen = false;
        less.run(new Source.InputStreamSource(
                new ByteArrayInputStream(code.getBytes(StandardCharsets.UTF_8)), true, name));
    }
}
