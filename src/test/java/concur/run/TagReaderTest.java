package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    private Process alive;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        alive = new ProcessBuilder("sleep", "60").start(); // stands for the example's JVM
    }

    @AfterEach
    void close() throws IOException {
        alive.destroyForcibly();
        server.close();
    }

    private TagReader reader() {
        return new TagReader(server, token, alive, output, clock, List.of());
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private static void line(DataOutputStream out, String text) throws IOException {
        Wire.write(out, Wire.LINE, 1_000, Wire.STDOUT, "main", text);
    }

    @Test
    void readsOnlyTheConnectionThatPresentsTheTokenWhateverConnectedFirst() throws Exception {
        Thread reading = Thread.ofVirtual().start(reader()::run);
        try (Socket silent = connect(); Socket forger = connect()) {
            DataOutputStream forged = new DataOutputStream(forger.getOutputStream());
            forged.write("0".repeat(token.length()).getBytes());
            line(forged, "the expected output");
            Wire.write(forged, Wire.END, 2_000, Wire.STDOUT, "", "");
            forged.flush();

            try (Socket harness = connect()) {
                DataOutputStream out = new DataOutputStream(harness.getOutputStream());
                Wire.writeToken(out, token);
                line(out, "what the example really printed");
                out.flush();
            }
            reading.join(Duration.ofSeconds(10));

            assertThat(reading.isAlive()).as("still reading").isFalse();
            assertThat(output.kept()).extracting(OutputLine::text).containsExactly("what the example really printed");
            assertThat(forger.getInputStream().read()).as("the forger's connection is closed").isEqualTo(-1);
        }
    }

    @Test
    void aStrangerThatSendsNothingDoesNotHoldUpTheHarness() throws Exception {
        Thread reading = Thread.ofVirtual().start(reader()::run);
        try (Socket silent = connect(); Socket harness = connect()) {
            long start = System.nanoTime();
            DataOutputStream out = new DataOutputStream(harness.getOutputStream());
            Wire.writeToken(out, token);
            line(out, "on time");
            out.close();
            reading.join(Duration.ofSeconds(10));

            assertThat(output.kept()).extracting(OutputLine::text).containsExactly("on time");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aConnectionWithAShortOrMissingTokenIsClosed() throws Exception {
        Thread reading = Thread.ofVirtual().start(reader()::run);
        try (Socket shortToken = connect()) {
            shortToken.getOutputStream().write(token.substring(0, 8).getBytes());
            shortToken.shutdownOutput();
            assertThat(shortToken.getInputStream().read()).isEqualTo(-1);
        }
        alive.destroyForcibly().waitFor();
        reading.join(Duration.ofSeconds(10));

        assertThat(reading.isAlive()).as("gives up once the example's JVM is gone").isFalse();
        assertThat(output.kept()).isEmpty();
    }

    @Test
    void aForgedOversizedRecordStopsTheReadingAndWhatFollowsIsCountedNotShown() throws Exception {
        Thread reading = Thread.ofVirtual().start(reader()::run);
        try (Socket harness = connect()) {
            DataOutputStream out = new DataOutputStream(harness.getOutputStream());
            Wire.writeToken(out, token);
            line(out, "before");
            out.writeByte(Wire.LINE);
            out.writeLong(0);
            out.writeByte(Wire.STDOUT);
            out.writeUTF("main");
            out.writeLong(0);
            out.writeInt(Integer.MAX_VALUE);
            out.write(new byte[1_000_000]); // the reader must neither hold it nor leave the writer blocked
            line(out, "after");
        }
        reading.join(Duration.ofSeconds(10));

        assertThat(output.kept()).extracting(OutputLine::text).containsExactly("before");
        assertThat(output.notShown().brokenChannel()).contains("a record of 2147483647 bytes");
        assertThat(output.notShown().bytes()).isGreaterThan(1_000_000);
    }
}
