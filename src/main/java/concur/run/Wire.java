package concur.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The tag channel between concur and the {@link Harness} in the example's JVM: the one place that says
 * what a record is. The harness loads this class, so it uses the JDK only.
 *
 * <p>The harness opens the channel with the run's token ({@link #TOKEN_VARIABLE}); concur reads nothing
 * else from a connection that does not. Then come records. A record is: type (1 byte), nanoseconds
 * since the harness started (8), stream (1), thread name (modified UTF-8, at most
 * {@link #MAX_THREAD_CHARS} characters), text length (4), text (UTF-8 bytes).
 */
final class Wire {
    /** A line the example printed. */
    static final int LINE = 'L';
    /** The harness is about to call the example's {@code main}. */
    static final int START = 'S';
    /** The example's JVM is exiting normally. */
    static final int END = 'E';
    /** A thread dump, answering {@link #DUMP_REQUEST}. */
    static final int DUMP = 'D';
    /** Sent by concur: "print a thread dump" (the step is about to be killed for its time limit). */
    static final int DUMP_REQUEST = 'd';

    static final int STDOUT = 0;
    static final int STDERR = 1;

    /** A line that never ends is cut here, so neither side buffers without bound. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** A thread dump may be longer than a line, but not without bound. */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;
    static final int MAX_THREAD_CHARS = 200;

    /**
     * The environment variable that hands the harness the run's token. Not a command-line argument:
     * any local user can read another's command line in /proc, but not its environment.
     */
    static final String TOKEN_VARIABLE = "CONCUR_CHANNEL_TOKEN";
    /** 128 random bits, in hex: a local user who connects to the port first cannot guess them. */
    private static final int TOKEN_BYTES = 16;

    private Wire() {}

    /** A fresh token for one run. */
    static String newToken() {
        byte[] token = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /** The harness's first bytes on the channel. */
    static void writeToken(OutputStream out, String token) throws IOException {
        out.write(token.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Whether a connection's first bytes are {@code token}; compared in constant time, to give nothing away. */
    static boolean readToken(InputStream in, String token) throws IOException {
        byte[] expected = token.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(in.readNBytes(expected.length), expected);
    }

    /**
     * One record as read.
     *
     * @param type   {@link #LINE}, {@link #START}, {@link #END} or {@link #DUMP}
     * @param nanos  when it was sent, in nanoseconds since the harness started
     * @param stream {@link #STDOUT} or {@link #STDERR}, for a line
     * @param thread the printing thread's name, for a line
     * @param text   the line, or the dump
     */
    record Record(int type, long nanos, int stream, String thread, String text) {}

    static void write(DataOutputStream out, int type, long nanos, int stream, String thread, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeByte(type);
        out.writeLong(nanos);
        out.writeByte(stream);
        out.writeUTF(thread.length() > MAX_THREAD_CHARS ? thread.substring(0, MAX_THREAD_CHARS) : thread);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The next record.
     *
     * @throws java.io.EOFException at the end of the channel
     * @throws IOException          for a record no harness writes (an unknown type or stream, an oversized text)
     */
    static Record read(DataInputStream in) throws IOException {
        int type = in.readByte();
        long nanos = in.readLong();
        int stream = in.readByte();
        String thread = in.readUTF();
        int length = in.readInt();
        if (type != LINE && type != START && type != END && type != DUMP) {
            throw new IOException("unknown record type " + type + " on the tag channel");
        }
        if (stream != STDOUT && stream != STDERR) {
            throw new IOException("unknown stream " + stream + " on the tag channel");
        }
        if (length < 0 || length > (type == DUMP ? MAX_TEXT_BYTES : MAX_LINE_BYTES)) {
            throw new IOException("a record of " + length + " bytes on the tag channel");
        }
        byte[] text = in.readNBytes(length);
        if (text.length < length) {
            throw new java.io.EOFException();
        }
        return new Record(type, nanos, stream, thread, new String(text, StandardCharsets.UTF_8));
    }
}
