package concur.run;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
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

/** Reads the harness's records; answers whether the run ended cleanly and how long it took. */
final class TagReader {
    private final ServerSocket server;
    private final Process process;
    private final OutputCollector output;
    private final RunClock clock;
    private final CompletableFuture<String> dump = new CompletableFuture<>();
    private final CompletableFuture<OutputStream> requests = new CompletableFuture<>();
    private final List<RawStream> raw;
    private volatile Duration end;
    private volatile boolean started;

    TagReader(ServerSocket server, Process process, OutputCollector output, RunClock clock, List<RawStream> raw) {
        this.server = server;
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
            read(new DataInputStream(socket.getInputStream()));
        } catch (IOException e) {
            // the example's JVM is gone; the exit code tells the rest
        } finally {
            requests.complete(null);
            dump.complete(null);
        }
    }

    private Socket accept() throws IOException {
        server.setSoTimeout(50);
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    return null;
                }
            }
        }
    }

    private void read(DataInputStream in) throws IOException {
        try {
            while (true) {
                Wire.Record record = Wire.read(in);
                switch (record.type()) {
                    case Wire.START -> {
                        started = true;
                        clock.observe(record.nanos());
                    }
                    case Wire.LINE -> {
                        clock.observe(record.nanos());
                        raw.forEach(RawStream::drain); // what a grandchild wrote before this line goes first
                        OutputLine.Source source =
                                record.stream() == Wire.STDERR ? OutputLine.Source.STDERR : OutputLine.Source.STDOUT;
                        output.add(new OutputLine(Duration.ofNanos(record.nanos()), record.thread(), source, record.text()));
                    }
                    case Wire.DUMP -> dump.complete(record.text());
                    case Wire.END -> end = Duration.ofNanos(record.nanos());
                    default -> throw new IOException("unknown record " + record.type() + " on the tag channel");
                }
            }
        } catch (EOFException e) {
            // the harness closed the channel at exit
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
