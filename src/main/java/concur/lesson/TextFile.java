package concur.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads lesson and example files, the one way: an ordinary file (a pipe would block the read forever),
 * of a sensible size, in UTF-8. A byte-order mark is dropped and CRLF or CR line ends become LF, so a
 * file saved on Windows parses exactly as one saved on Linux.
 */
final class TextFile {
    /** Far more than any lesson or example needs, and little enough to read at once. */
    static final int MAX_BYTES = 4 << 20;

    /**
     * Why a file could not be read, phrased to follow {@code cannot read FILE: }.
     *
     * @param line    the 1-based line at fault, or 0 when the problem is with the file as a whole
     * @param missing there is no file at all (or a link to nowhere)
     */
    static final class Unreadable extends Exception {
        private final int line;
        private final boolean missing;

        Unreadable(int line, boolean missing, String problem) {
            super(problem, null, false, false);
            this.line = line;
            this.missing = missing;
        }

        int line() {
            return line;
        }

        boolean missing() {
            return missing;
        }

        String problem() {
            return getMessage();
        }
    }

    private TextFile() {}

    static String read(Path file) throws Unreadable {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Unreadable(
                    0, true, Files.isSymbolicLink(file) ? "no such file (a dangling link?)" : "no such file");
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (attributes.isDirectory()) {
            throw new Unreadable(0, false, "it is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new Unreadable(0, false, "it is not an ordinary file (a pipe or a device?)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(
                    0, false, "it is larger than " + (MAX_BYTES >> 20) + " MB, far more than a lesson needs");
        }
        return normalised(decode(bytes));
    }

    /** Strict UTF-8, so that a Latin-1 file is named, with the line of its first bad byte, rather than garbled. */
    private static String decode(byte[] bytes) throws Unreadable {
        // The String constructor's path is several times faster on a cold start than a decoder's; it puts
        // U+FFFD for a bad byte, so only a text that has one goes through the strict decoder to find it.
        String quick = new String(bytes, StandardCharsets.UTF_8);
        if (quick.indexOf('\uFFFD') < 0) {
            return quick;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new Unreadable(
                    line,
                    false,
                    String.format(
                            Locale.ROOT,
                            "it is not UTF-8 text (byte 0x%02X in column %d); save it as UTF-8",
                            bytes[at] & 0xff,
                            at - lineStart + 1));
        }
        utf8.flush(out);
        return out.flip().toString();
    }

    private static String normalised(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutMark.indexOf('\r') < 0
                ? withoutMark
                : withoutMark.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** An I/O failure in words: the system's reason (a loop of links, say), without the exception's class. */
    private static Unreadable unreadable(IOException e) {
        if (e instanceof AccessDeniedException) {
            return new Unreadable(0, false, "permission denied");
        }
        String message = e instanceof FileSystemException f && f.getReason() != null
                ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : "an I/O error";
        return new Unreadable(
                0,
                false,
                message.endsWith("Is a directory")
                        ? "it is a folder, not a file"
                        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1));
    }
}
