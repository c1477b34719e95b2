package concur.run;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
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

/**
 * Reads the harness's records; answers whether the run ended cleanly and how long it took.
 *
 * <p>Records come through the socket, and for an example that prints many lines, through the ring
 * once the harness says so ({@link Wire#RING}). Before each batch of records, what the raw pipes hold
 * is taken first, so a grandchild's line lands before the lines its parent printed after it.
 */
final class TagReader {
    /**
     * How long a connection may take to present the token. The harness sends it with the connection,
     * so this is generous; a stranger who sends nothing is vetted on a thread of its own meanwhile.
     */
    private static final int TOKEN_WAIT_MILLIS = 2_000;
    /** How often the ring is polled while lines are coming. */
    private static final Duration BUSY_POLL = Duration.ofNanos(200_000);
    /** How often when nothing has come for a while ({@link #QUIET}): an example that sleeps costs little. */
    private static final Duration QUIET_POLL = Duration.ofMillis(2);

    private static final long QUIET = Duration.ofMillis(50).toNanos();

    private final ServerSocket server;
    private final String token;
    private final RecordRing ring;
    private final Process process;
    private final OutputCollector output;
    private final RunClock clock;
    private final CompletableFuture<String> dump = new CompletableFuture<>();
    private final CompletableFuture<OutputStream> requests = new CompletableFuture<>();
    private final List<RawStream> raw;
    private volatile Duration end;
    private volatile boolean started;
    private volatile boolean broken;
    private Thread ringReader;

    /**
     * @param token what the harness must send first on the socket; see {@link Wire#TOKEN_VARIABLE}
     * @param ring  where the harness puts its lines once it has printed many
     */
    TagReader(
            ServerSocket server,
            String token,
            RecordRing ring,
            Process process,
            OutputCollector output,
            RunClock clock,
            List<RawStream> raw) {
        this.server = server;
        this.token = token;
        this.ring = ring;
        this.process = process;
        this.output = output;
        this.clock = clock;
        this.raw = raw;
    }

    /** Reads until the harness has closed the socket and, if it used the ring, the ring is empty. */
    void run() {
        try (Socket socket = accept()) {
            if (socket == null) {
                return; // the JVM died before main: its reason is on the raw stderr
            }
            ring.unlink(); // the harness has opened it
            requests.complete(socket.getOutputStream());
            read(new DataInputStream(new BufferedInputStream(new DrainingRaw(socket.getInputStream()), 1 << 16)));
        } catch (IOException e) {
            // the example's JVM is gone; the exit code tells the rest
        } finally {
            requests.complete(null);
            dump.complete(null);
        }
        if (ringReader != null) {
            try {
                ringReader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(DataInputStream in) throws IOException {
        try {
            while (true) {
                Wire.Record record = Wire.read(in);
                switch (record.type()) {
                    case Wire.DUMP -> dump.complete(record.text());
                    case Wire.RING -> startRingReader();
                    default -> handle(record);
                }
            }
        } catch (Wire.MalformedRecordException e) {
            // Nothing after it can be trusted, but the example must not block on a full socket either:
            // read on to the end, and count what is not shown.
            breakChannel(e.getMessage(), 0);
            startRingReader(); // which counts what the harness puts there, and keeps it from waiting for room
            output.notShown(in.transferTo(OutputStream.nullOutputStream()));
        } catch (EOFException e) {
            // the harness closed the channel at exit
        }
    }

    private void startRingReader() {
        if (ringReader == null) {
            ringReader = Thread.ofVirtual().name("concur-ring").start(this::readRing);
        }
    }

    /** A record of the example's output, from either path. */
    private void handle(Wire.Record record) throws Wire.MalformedRecordException {
        switch (record.type()) {
            case Wire.START -> {
                started = true;
                clock.observe(record.nanos());
            }
            case Wire.LINE -> {
                clock.observe(record.nanos());
                OutputLine.Source source =
                        record.stream() == Wire.STDERR ? OutputLine.Source.STDERR : OutputLine.Source.STDOUT;
                output.add(
                        new OutputLine(Duration.ofNanos(record.nanos()), record.thread(), source, record.text()),
                        record.bytes(),
                        record.cut());
            }
            case Wire.END -> end = Duration.ofNanos(record.nanos());
            default -> throw new Wire.MalformedRecordException("a record of type " + record.type() + " out of place");
        }
    }

    /**
     * Polls the ring until the example's JVM has exited and the ring is empty: often while lines come,
     * seldom once they stop. What the JVM put in the ring before it died is read after its death.
     */
    private void readRing() {
        try {
            long lastActive = System.nanoTime();
            while (true) {
                boolean alive = process.isAlive(); // before the ring: what it held at the death is read
                boolean rawCame = false;
                for (RawStream stream : raw) {
                    rawCame |= stream.drain();
                }
                byte[] records = take();
                if (records.length > 0) {
                    parse(records);
                } else if (!alive) {
                    return;
                }
                if (rawCame || records.length > 0) {
                    lastActive = System.nanoTime();
                } else {
                    Thread.sleep(System.nanoTime() - lastActive < QUIET ? BUSY_POLL : QUIET_POLL);
                }
            }
        } catch (IOException e) {
            // the ring is closed: the run is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] take() throws IOException {
        try {
            return ring.take();
        } catch (Wire.MalformedRecordException e) {
            breakChannel(e.getMessage(), 0);
            return new byte[0];
        }
    }

    private void parse(byte[] records) throws IOException {
        if (broken) {
            output.notShown(records.length);
            return;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(records));
        try {
            while (true) {
                handle(Wire.read(in));
            }
        } catch (Wire.MalformedRecordException e) {
            breakChannel(e.getMessage(), in.available());
        } catch (EOFException e) {
            // every record read: the harness publishes whole records only
        }
    }

    /** Nothing after a record no harness writes can be trusted; what follows is only counted. */
    private void breakChannel(String why, long bytesAfter) {
        broken = true;
        output.brokenChannel(why);
        output.notShown(bytesAfter);
    }

    /**
     * The socket's bytes; after each read from it, what the raw pipes hold is taken first. Those bytes
     * reached concur before the records just read were processed, and a grandchild's line that came
     * before its parent's lands before it. Once per read, not per record: a burst of lines costs one
     * check of the pipes per buffer.
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
                // The harness sends its token with the connection: wait for that here rather than in
                // the next accept, or its first lines wait, and a grandchild's output overtakes them.
                return harness.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // a stranger who is slow to say anything (the future never fails): accept on while it is vetted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
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

    /** Whether the harness ever reported: if not, the JVM did not get as far as running it. */
    boolean started() {
        return started;
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
