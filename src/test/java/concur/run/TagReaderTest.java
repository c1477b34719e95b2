package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tag channel from concur's side, with a fake harness, and strangers who connect to its port. */
class TagReaderTest {
    private final RunClock clock = new RunClock(System.nanoTime());
    private final OutputCollector output = new OutputCollector(100, line -> {}, clock);
    private final String token = Wire.newToken();
    private ServerSocket server;
    private RecordRing ring;
    private Process example;
    private Thread reading;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ring = RecordRing.create();
        example = new ProcessBuilder("sleep", "60").start(); // stands for the example's JVM
        TagReader reader = new TagReader(server, token, ring, example, output, clock, List.of());
        reading = Thread.ofVirtual().start(reader::run);
    }

    @AfterEach
    void close() throws IOException {
        example.destroyForcibly();
        server.close();
        ring.close();
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** The example's JVM exits; the reader takes what is left in the ring and stops. */
    private void exampleExits() throws Exception {
        example.destroyForcibly().waitFor();
        reading.join(Duration.ofSeconds(10));
        assertThat(reading.isAlive()).as("still reading").isFalse();
    }

    /** A harness's channel: the ring's file opened, the socket opened with {@code key}. */
    private Harness.Channel harness(Socket socket, String key) throws IOException {
        FileChannel ringFile = Harness.open(ring.path());
        Wire.writeToken(socket.getOutputStream(), key);
        return new Harness.Channel(socket, ringFile, System.nanoTime());
    }

    /** The ring's counters, mapped before the harness connects (concur deletes the file then). */
    private MappedByteBuffer peek() throws IOException {
        try (FileChannel file = Harness.open(ring.path())) {
            return file.map(FileChannel.MapMode.READ_WRITE, 0, Wire.RING_DATA);
        }
    }

    private static void line(Harness.Channel channel, String text) {
        channel.record(Wire.LINE, Wire.STDOUT, "main", text);
    }

    @Test
    void readsTheSocketsLinesThenTheRingsInOrderEvenAfterTheJvmIsGone() throws Exception {
        try (Socket socket = connect()) {
            Harness.Channel channel = harness(socket, token);
            for (int i = 1;
                    i <= 50_000;
                    i++) { // the first 1,000 by the socket, the rest far more than the ring holds at once
                line(channel, Integer.toString(i));
            }
        }
        exampleExits();

        assertThat(output.total()).isEqualTo(50_000);
        assertThat(output.kept())
                .extracting(OutputLine::text)
                .startsWith("1", "2")
                .endsWith("100");
        assertThat(output.last()).extracting(OutputLine::text).endsWith("49999", "50000");
        assertThat(Files.exists(ring.path()))
                .as("the ring's file, once the harness has opened it")
                .isFalse();
    }

    @Test
    void anExampleThatPrintsLittleNeverTouchesTheRing() throws Exception {
        MappedByteBuffer counters = peek();
        try (Socket socket = connect()) {
            Harness.Channel channel = harness(socket, token);
            for (int i = 1; i <= Harness.Channel.SOCKET_LINES; i++) {
                line(channel, Integer.toString(i));
            }
            channel.close();
        }
        exampleExits();

        assertThat(output.total()).isEqualTo(Harness.Channel.SOCKET_LINES);
        assertThat(counters.getLong(Wire.RING_HEAD)).as("bytes put in the ring").isZero();
    }

    @Test
    void aStrangerWhoConnectsFirstWithoutTheTokenIsClosedAndCannotFeedLines() throws Exception {
        try (Socket silent = connect();
                Socket forger = connect()) {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            DataOutputStream forged = new DataOutputStream(payload);
            forged.write("0".repeat(token.length()).getBytes());
            Wire.write(forged, Wire.LINE, 1_000, Wire.STDOUT, "main", "the expected output");
            Wire.write(forged, Wire.DUMP, 1_000, Wire.STDOUT, "", "a forged dump");
            forger.getOutputStream().write(payload.toByteArray()); // at once: what comes after the close is refused
            assertThat(forger.getInputStream().read())
                    .as("the forger's connection is closed")
                    .isEqualTo(-1);

            long start = System.nanoTime();
            try (Socket socket = connect()) {
                line(harness(socket, token), "what the example really printed");
            }
            exampleExits();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("not held up by the silent one")
                    .isLessThan(Duration.ofSeconds(2));
        }

        assertThat(output.kept()).extracting(OutputLine::text).containsExactly("what the example really printed");
    }

    @Test
    void anExampleThatNeverConnectsEndsTheReadingWhenItsJvmIsGone() throws Exception {
        try (Socket shortToken = connect()) {
            shortToken.getOutputStream().write(token.substring(0, 8).getBytes());
            shortToken.shutdownOutput();
            assertThat(shortToken.getInputStream().read()).isEqualTo(-1);
        }
        exampleExits();

        assertThat(output.kept()).isEmpty();
    }

    @Test
    void aForgedOversizedRecordStopsTheReadingAndWhatFollowsIsCountedNotShown() throws Exception {
        try (Socket socket = connect()) {
            line(harness(socket, token), "before");
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeByte(Wire.LINE);
            out.writeLong(0);
            out.writeByte(Wire.STDOUT);
            out.writeUTF("main");
            out.writeLong(0);
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[1_000_000]); // the reader must neither hold it nor leave the writer blocked
        }
        exampleExits();

        assertThat(output.kept()).extracting(OutputLine::text).containsExactly("before");
        assertThat(output.notShown().brokenChannel()).contains("a record of 2147483647 bytes");
        assertThat(output.notShown().bytes()).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void aForgedHeadInTheRingStopsTheReading() throws Exception {
        MappedByteBuffer counters = peek();
        try (Socket socket = connect()) {
            Harness.Channel channel = harness(socket, token);
            for (int i = 1; i <= Harness.Channel.SOCKET_LINES + 1; i++) {
                line(channel, Integer.toString(i));
            }
            await(() -> output.total() == Harness.Channel.SOCKET_LINES + 1); // read before the forgery
            counters.putLong(Wire.RING_HEAD, Long.MAX_VALUE);
            // seen before the harness writes again, which would put its own head over the forged one
            await(() -> output.notShown().brokenChannel().isPresent());
            line(channel, "after");
        }
        exampleExits();

        assertThat(output.total()).isEqualTo(Harness.Channel.SOCKET_LINES + 1);
        assertThat(output.notShown().brokenChannel()).contains("a ring head of " + Long.MAX_VALUE);
    }

    /** Waits for the reader, which polls the ring, rather than sleeping a guessed time. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for the reader").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
