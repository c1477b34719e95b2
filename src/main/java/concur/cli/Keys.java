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

    /** A short answer typed after a key (a step number after {@code g}); empty at the end of input. */
    String answer(String prompt) throws IOException;

    @Override
    void close() throws IOException;

    static Keys open(Context context) throws IOException {
        if (context.terminal().isPresent()) {
            return new TerminalKeys(context.terminal().get(), false);
        }
        return context.screen().tty()
                ? new TerminalKeys(TerminalBuilder.builder().system(true).build(), true)
                : new LineKeys(context.in());
    }

    /** Raw mode only while waiting for a key, so Ctrl-C during a run still stops the example. */
    final class TerminalKeys implements Keys {
        private final Terminal terminal;
        private final boolean owned;

        /** @param owned whether closing these keys closes the terminal (not the shell's own) */
        TerminalKeys(Terminal terminal, boolean owned) {
            this.terminal = terminal;
            this.owned = owned;
        }

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
        public String answer(String prompt) throws IOException {
            terminal.writer().print(prompt);
            terminal.writer().flush();
            StringBuilder typed = new StringBuilder();
            Attributes saved = terminal.enterRawMode();
            try {
                for (int c; (c = terminal.reader().read()) != -1 && c != '\r' && c != '\n' && c != 3; ) {
                    if ((c == 127 || c == 8) && !typed.isEmpty()) {
                        typed.setLength(typed.length() - 1);
                        terminal.writer().print("\b \b");
                    } else if (c >= ' ') {
                        typed.append((char) c);
                        terminal.writer().print((char) c);
                    }
                    terminal.writer().flush();
                }
            } finally {
                terminal.setAttributes(saved);
            }
            terminal.writer().println();
            return typed.toString().strip();
        }

        @Override
        public void close() throws IOException {
            if (owned) {
                terminal.close();
            }
        }
    }

    /** Piped input: an empty line is Enter, otherwise the line's first letter; {@code g3} is "go to step 3". */
    final class LineKeys implements Keys {
        private final BufferedReader reader;
        private String rest = "";

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
            if (key.isEmpty()) {
                return NEXT;
            }
            rest = key.substring(1).strip();
            return Character.toLowerCase(key.charAt(0));
        }

        @Override
        public String answer(String prompt) throws IOException {
            if (!rest.isEmpty()) {
                String answer = rest;
                rest = "";
                return answer;
            }
            String line = reader.readLine();
            return line == null ? "" : line.strip();
        }

        @Override
        public void close() {
            // stdin belongs to the process, not to us
        }
    }
}
