package concur.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Signals;

/** The learner's keys while stepping through a lesson: single keys on a terminal, lines otherwise. */
interface Keys extends AutoCloseable {
    char NEXT = '\n';
    char QUIT = 'q';
    /** Esc, or a key that sends an escape sequence (an arrow): one key, not three. */
    char ESCAPE = 27;

    /** The next key; {@link #QUIT} at the end of input or on Ctrl-C, so neither hangs nor breaks a lesson. */
    char next() throws IOException;

    /**
     * A short answer typed after a key (a step number after {@code g}); empty when the learner cancels
     * it (Esc, Ctrl-C) and at the end of input. The prompt's line is ended either way.
     */
    String answer(String prompt) throws IOException;

    /**
     * For the time an example runs: keys typed meanwhile are not echoed into its output and are dropped
     * when it ends, and Ctrl-C interrupts this thread, which stops the example (the runner sees to that).
     */
    Running whileRunning();

    /** The terminal the keys come from, for a pager or an editor that takes the screen; none for plain input. */
    Optional<Terminal> terminal();

    @Override
    void close() throws IOException;

    /** What {@link #whileRunning} changed, put back on close. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    static Keys open(Context context) throws IOException {
        if (context.terminal().isPresent()) {
            return new TerminalKeys(context.terminal().get(), false);
        }
        return context.screen().tty()
                ? new TerminalKeys(SystemTerminal.open(context.settings().term()), true)
                : new LineKeys(context.in());
    }

    /**
     * Until closed, Ctrl-C (SIGINT) interrupts the calling thread instead of ending the JVM, so what runs
     * can stop cleanly and say so. A second Ctrl-C, should the first not be heeded, ends the JVM as usual.
     * For commands outside the shell and without a terminal of their own; the shell has its own handler.
     */
    static Running ctrlCInterrupts() {
        Thread thread = Thread.currentThread();
        Object previous = Signals.register("INT", () -> {
            thread.interrupt();
            Signals.registerDefault("INT");
        });
        return () -> Signals.unregister("INT", previous);
    }

    /**
     * Raw mode while waiting for a key, with Ctrl-C read as a key; while an example runs, no echo but
     * Ctrl-C is a signal again, so it stops the example.
     */
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
            Attributes saved = keysOnly();
            try {
                int c = terminal.reader().read();
                return switch (c) {
                    case -1, 3, 4 -> QUIT; // end of input, Ctrl-C, Ctrl-D
                    case '\r', '\n', ' ' -> NEXT;
                    case ESCAPE -> {
                        skipSequence();
                        yield ESCAPE;
                    }
                    default -> Character.toLowerCase((char) c);
                };
            } catch (InterruptedIOException e) {
                // Ctrl-C as a signal (the shell's handler interrupts this thread): the learner wants out.
                Thread.interrupted();
                return QUIT;
            } finally {
                terminal.setAttributes(saved);
            }
        }

        @Override
        public String answer(String prompt) throws IOException {
            terminal.writer().print(prompt);
            terminal.writer().flush();
            StringBuilder typed = new StringBuilder();
            Attributes saved = keysOnly();
            try {
                for (int c; (c = terminal.reader().read()) != -1 && c != '\r' && c != '\n'; ) {
                    if (c == 3 || c == ESCAPE) {
                        if (c == ESCAPE) {
                            skipSequence();
                        }
                        typed.setLength(0);
                        break;
                    }
                    if ((c == 127 || c == 8) && !typed.isEmpty()) {
                        typed.setLength(typed.length() - 1);
                        terminal.writer().print("\b \b");
                    } else if (c >= ' ' && c != 127) {
                        typed.append((char) c);
                        terminal.writer().print((char) c);
                    }
                    terminal.writer().flush();
                }
            } catch (InterruptedIOException e) {
                Thread.interrupted();
                typed.setLength(0);
            } finally {
                terminal.setAttributes(saved);
                // Ended and flushed here: what the lesson says next may go through another writer.
                terminal.writer().println();
                terminal.writer().flush();
            }
            return typed.toString().strip();
        }

        @Override
        public Optional<Terminal> terminal() {
            return Optional.of(terminal);
        }

        @Override
        public Running whileRunning() {
            Attributes saved = terminal.enterRawMode(); // no echo; Ctrl-C still a signal (ISIG stays on)
            Thread thread = Thread.currentThread();
            // The shell interrupts its command on Ctrl-C already; a terminal of our own needs telling.
            Terminal.SignalHandler previous =
                    owned ? terminal.handle(Terminal.Signal.INT, signal -> thread.interrupt()) : null;
            return () -> {
                boolean interrupted = Thread.interrupted(); // a read would end at once on an interrupted thread
                drain();
                terminal.setAttributes(saved);
                if (previous != null) {
                    terminal.handle(Terminal.Signal.INT, previous);
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            };
        }

        @Override
        public void close() throws IOException {
            if (owned) {
                terminal.close();
            }
        }

        /** Raw mode, and Ctrl-C a key rather than a signal. */
        private Attributes keysOnly() {
            Attributes saved = terminal.enterRawMode();
            Attributes raw = terminal.getAttributes();
            raw.setLocalFlag(LocalFlag.ISIG, false);
            terminal.setAttributes(raw);
            return saved;
        }

        /** The rest of an escape sequence, arriving at once after the Esc: {@code [C} for an arrow, say. */
        private void skipSequence() throws IOException {
            NonBlockingReader reader = terminal.reader();
            int c = reader.read(30);
            if (c == '[' || c == 'O') {
                for (int i = 0; i < 16 && (c = reader.read(30)) >= 0 && (c < 0x40 || c > 0x7E); i++) {
                    // parameters and intermediates; the final byte ends the loop
                }
            }
        }

        /** Drops the keys typed while an example ran: acted on later, they would surprise. */
        private void drain() {
            try {
                while (terminal.reader().read(1) >= 0) {
                    // dropped
                }
            } catch (IOException e) {
                // nothing more to drop
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
        public Optional<Terminal> terminal() {
            return Optional.empty();
        }

        /** Nothing is echoed into piped input; Ctrl-C (from a terminal the output goes to) stops the example. */
        @Override
        public Running whileRunning() {
            return ctrlCInterrupts();
        }

        @Override
        public void close() {
            // stdin belongs to the process, not to us
        }
    }
}
