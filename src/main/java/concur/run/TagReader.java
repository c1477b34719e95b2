package concur.run;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Reads the harness's records; answers whether the run ended cleanly and how long it took. */
final class TagReader {
    /**
     * How long a connection may take to present the token. The harness sends it with the connection,
     * so this is generous; a stranger who sends nothing is vetted on a thread of its own meanwhile.
     */
    private static final int TOKEN_WAIT_MILLIS = 2_000;

    private final ServerSocket server;
    private final String token;
    private final Process process;
    private final OutputCollector output;
    private final RunClock clock;
    private final CompletableFuture<String> dump = new CompletableFuture<>();
    private final CompletableFuture<OutputStream> requests = new CompletableFuture<>();
    private final List<RawStream> raw;
    private volatile Duration end;

    /** @param token what the harness must send first; see {@link Wire#TOKEN_VARIABLE} */
    TagReader(ServerSocket server, String token, Process process, OutputCollector output, RunClock clock, List<RawStream> raw) {
        this.server = server;
        this.token = token;
        this.process = process;
        this.output = output;
        this.clock = clock;
        this.raw = raw;
    }

    void run() {
        try (Socket socket = accept()) {
            if (socket == null) {
                return; // the JVM died before main: its reason is on the raw stderr
            }
            requests.complete(socket.getOutputStream());
            read(new DataInputStream(new BufferedInputStream(new DrainingRaw(socket.getInputStream()), 1 << 16)));
        } catch (IOException e) {
            // the example's JVM is gone; the exit code tells the rest
        } finally {
            requests.complete(null);
            dump.complete(null);
        }
    }

    /**
     * The harness's connection: the first that presents the run's token. Any local user may connect to
     * the port, and may do so first; such connections are closed unread, and accepting goes on until
     * the harness has connected or its JVM has died. Null when it died without connecting.
     */
    private Socket accept() throws IOException {
        CompletableFuture<Socket> harness = new CompletableFuture<>();
        AtomicInteger vetting = new AtomicInteger();
        server.setSoTimeout(50);
        boolean dead = false;
        while (!harness.isDone()) {
            try {
                Socket candidate = server.accept();
                vetting.incrementAndGet();
                Thread.ofVirtual().name("concur-vet").start(() -> vet(candidate, harness, vetting));
            } catch (SocketTimeoutException e) {
                if (dead && vetting.get() == 0) {
                    break; // a connection it made before it died has been accepted, and vetted
                }
                dead = !process.isAlive();
            }
        }
        return harness.getNow(null);
    }

    private void vet(Socket candidate, CompletableFuture<Socket> harness, AtomicInteger vetting) {
        try {
            candidate.setSoTimeout(TOKEN_WAIT_MILLIS);
            if (Wire.readToken(candidate.getInputStream(), token)) {
                candidate.setSoTimeout(0);
                if (harness.complete(candidate)) {
                    return;
                }
            }
            candidate.close();
        } catch (IOException e) {
            closeQuietly(candidate);
        } finally {
            vetting.decrementAndGet(); // after complete(): accept() relies on that order
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // it is closed either way
        }
    }

    private void read(DataInputStream in) throws IOException {
        try {
            while (true) {
                Wire.Record record = Wire.read(in);
                switch (record.type()) {
                    case Wire.START -> clock.observe(record.nanos());
                    case Wire.LINE -> {
                        clock.observe(record.nanos());
                        OutputLine.Source source =
                                record.stream() == Wire.STDERR ? OutputLine.Source.STDERR : OutputLine.Source.STDOUT;
                        output.add(new OutputLine(Duration.ofNanos(record.nanos()), record.thread(), source, record.text()),
                                record.bytes(), record.cut());
                    }
                    case Wire.DUMP -> dump.complete(record.text());
                    case Wire.END -> end = Duration.ofNanos(record.nanos());
                    default -> throw new IOException("unknown record " + record.type() + " on the tag channel");
                }
            }
        } catch (Wire.MalformedRecordException e) {
            // Nothing after it can be trusted, but the example must not block on a full socket either:
            // read on to the end, and count what is not shown.
            output.brokenChannel(e.getMessage(), in.transferTo(OutputStream.nullOutputStream()));
        } catch (EOFException e) {
            // the harness closed the channel at exit
        }
    }

    /**
     * The socket's bytes; after each read from it, what the raw pipes hold is taken first. Those bytes
     * reached concur before the records just read were processed, and a grandchild's line that came
     * before its parent's lands before it. Once per read, not per record: a burst of a million lines
     * costs a few thousand checks of the pipes.
     */
    private final class DrainingRaw extends FilterInputStream {
        DrainingRaw(InputStream socket) {
            super(socket);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            raw.forEach(RawStream::drain);
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            raw.forEach(RawStream::drain);
            return n;
        }
    }

    Optional<Duration> end() {
        return Optional.ofNullable(end);
    }

    String requestDump(Duration wait) {
        try {
            OutputStream out = requests.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (out != null) {
                out.write(Wire.DUMP_REQUEST);
                out.flush();
                String text = dump.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (text != null) {
                    return text;
                }
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "(no thread dump: the example did not answer within " + wait.toSeconds() + " s)\n";
    }
}
