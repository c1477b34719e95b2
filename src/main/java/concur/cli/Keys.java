package concur.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The learner's keys while stepping through a lesson: single keys on a terminal, lines otherwise. */
interface Keys extends AutoCloseable {
    char NEXT = '\n';
    char QUIT = 'q';

    /** The next key; {@link #QUIT} at the end of input, so a closed stdin never hangs a lesson. */
    char next() throws IOException;

    @Override
    void close() throws IOException;

    static Keys open(Context context) throws IOException {
        return context.screen().tty() ? new TerminalKeys() : new LineKeys(context.in());
    }

    /** Raw mode only while waiting for a key, so Ctrl-C during a run still stops concur and its example. */
    final class TerminalKeys implements Keys {
        private final Terminal terminal = TerminalBuilder.builder().system(true).build();

        TerminalKeys() throws IOException {}

        @Override
        public char next() throws IOException {
            Attributes saved = terminal.enterRawMode();
            try {
                int c = terminal.reader().read();
                return switch (c) {
                    case -1, 3, 4 -> QUIT; // end of input, Ctrl-C, Ctrl-D
                    case '\r', '\n', ' ' -> NEXT;
                    default -> Character.toLowerCase((char) c);
                };
            } finally {
                terminal.setAttributes(saved);
            }
        }

        @Override
        public void close() throws IOException {
            terminal.close();
        }
    }

    /** Piped input: an empty line is Enter, otherwise the line's first letter. */
    final class LineKeys implements Keys {
        private final BufferedReader reader;

        LineKeys(InputStream in) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        @Override
        public char next() throws IOException {
            String line = reader.readLine();
            if (line == null) {
                return QUIT;
            }
            String key = line.strip();
            return key.isEmpty() ? NEXT : Character.toLowerCase(key.charAt(0));
        }

        @Override
        public void close() {
            // stdin belongs to the process, not to us
        }
    }
}
