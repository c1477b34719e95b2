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
 * <p>The harness opens a loopback socket to concur with the run's token ({@link #TOKEN_VARIABLE}) and
 * writes each line's record to it before {@code println} returns, so a {@code Runtime.halt}, a crash or
 * a kill right after loses nothing. That is a system call per line; an example that prints more than
 * a thousand lines is switched ({@link #RING}) to the <em>ring</em>: a file in a directory only
 * concur's user may enter ({@link #RING_VARIABLE}), which both processes map, so that a line, once
 * copied in, is in the kernel's page cache without a system call. concur asks for a thread dump on
 * the socket and the dump comes back on it; when concur goes away the harness sees it close.
 *
 * <p>A record is: type (1 byte), nanoseconds since the harness started (8), stream (1), thread name
 * (modified UTF-8, at most {@link #MAX_THREAD_CHARS} characters), bytes cut from the text (8), text
 * length (4), text (UTF-8).
 *
 * <p>Both sides hold what they read in bounded memory whatever the example prints: a line longer than
 * {@link #MAX_LINE_BYTES} is sent as its first part and the number of bytes cut from it, never whole.
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
    /** From here on, lines (and the end) are in the ring. */
    static final int RING = 'R';
    /** Sent by concur: "print a thread dump" (the step is about to be killed for its time limit). */
    static final int DUMP_REQUEST = 'd';

    static final int STDOUT = 0;
    static final int STDERR = 1;

    /**
     * The most of one line that is sent or kept; the rest, up to its newline, is only counted. Far more
     * than a terminal row, and small enough that thousands of threads' unfinished lines are cheap.
     */
    static final int MAX_LINE_BYTES = 4 * 1024;
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

    /** The environment variable that names the ring's file. */
    static final String RING_VARIABLE = "CONCUR_CHANNEL_RING";
    /** In the ring's file: how many bytes the harness has put in the ring in all (a long it alone writes). */
    static final int RING_HEAD = 0;
    /** In the ring's file: how many bytes concur has taken out in all (a long it alone writes). */
    static final int RING_TAIL = 8;
    /** The records start a page into the file, so concur maps only the first page. */
    static final int RING_DATA = 4096;
    /** Room for thousands of lines: the harness waits for room only while concur is behind. */
    static final int RING_BYTES = 1 << 20;

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
     * @param type   {@link #LINE}, {@link #START}, {@link #END}, {@link #DUMP} or {@link #RING}
     * @param nanos  when it was sent, in nanoseconds since the harness started
     * @param stream {@link #STDOUT} or {@link #STDERR}, for a line
     * @param thread the printing thread's name, for a line
     * @param text   the line, or the dump
     * @param bytes  the length of the text as it was sent, in bytes
     * @param cut    how many bytes of the line were not sent (it was longer than {@link #MAX_LINE_BYTES})
     */
    record Record(int type, long nanos, int stream, String thread, String text, int bytes, long cut) {}

    /** A record no harness writes: a forged one, or a bug. What follows it cannot be trusted. */
    static final class MalformedRecordException extends IOException {
        MalformedRecordException(String message) {
            super(message);
        }
    }

    static void write(DataOutputStream out, int type, long nanos, int stream, String thread, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(out, type, nanos, stream, thread, bytes, 0, bytes.length, 0);
    }

    /** A record whose text is {@code length} bytes of {@code text} from {@code offset}, and {@code cut} more not sent. */
    static void write(
            DataOutputStream out,
            int type,
            long nanos,
            int stream,
            String thread,
            byte[] text,
            int offset,
            int length,
            long cut)
            throws IOException {
        out.writeByte(type);
        out.writeLong(nanos);
        out.writeByte(stream);
        out.writeUTF(thread.length() > MAX_THREAD_CHARS ? thread.substring(0, MAX_THREAD_CHARS) : thread);
        out.writeLong(cut);
        out.writeInt(length);
        out.write(text, offset, length);
    }

    /**
     * How many of the {@code length} bytes of UTF-8 from {@code offset} to send so that no character is
     * split: {@code length}, or up to three less when the last character is incomplete.
     */
    static int characterBoundary(byte[] utf8, int offset, int length) {
        for (int back = 1; back <= Math.min(3, length); back++) {
            int b = utf8[offset + length - back] & 0xff;
            if (b < 0x80) {
                return length; // ASCII: nothing is split
            }
            if (b >= 0xc0) { // the lead byte: how long is its character?
                int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
                return needed > back ? length - back : length;
            }
        }
        return length;
    }

    /**
     * The next record.
     *
     * @throws java.io.EOFException     at the end of the channel
     * @throws MalformedRecordException for a record no harness writes (an unknown type or stream, an
     *                                  oversized text or name): read no further
     */
    static Record read(DataInputStream in) throws IOException {
        int type = in.readByte();
        long nanos = in.readLong();
        int stream = in.readByte();
        String thread = in.readUTF();
        long cut = in.readLong();
        int length = in.readInt();
        if (type != LINE && type != START && type != END && type != DUMP && type != RING) {
            throw new MalformedRecordException("a record of unknown type " + type);
        }
        if (stream != STDOUT && stream != STDERR) {
            throw new MalformedRecordException("a record for unknown stream " + stream);
        }
        if (thread.length() > MAX_THREAD_CHARS) {
            throw new MalformedRecordException("a record with a thread name of " + thread.length() + " characters");
        }
        if (cut < 0) {
            throw new MalformedRecordException("a record that cut " + cut + " bytes");
        }
        if (length < 0 || length > (type == DUMP ? MAX_TEXT_BYTES : MAX_LINE_BYTES)) {
            throw new MalformedRecordException("a record of " + length + " bytes");
        }
        byte[] text = in.readNBytes(length);
        if (text.length < length) {
            throw new java.io.EOFException();
        }
        return new Record(type, nanos, stream, thread, new String(text, StandardCharsets.UTF_8), length, cut);
    }
}
