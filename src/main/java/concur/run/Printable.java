package concur.run;

/**
 * Text from outside concur (an example's output, its thread names, a thread dump, a file name, a
 * compiler message) made safe to show on a terminal and to write into XML.
 *
 * <p>A terminal obeys control characters: ESC starts sequences that clear the screen, move the cursor,
 * set the window title or write the clipboard (OSC 52); BEL, backspace and carriage return rewrite
 * what is shown; C1 controls (U+0080-U+009F) are ESC sequences in one character on some terminals;
 * bidirectional overrides make text read differently from how it is stored. Each such character is
 * shown instead as a Java-style escape, which a learner can read and which is plain ASCII: ESC is
 * {@code \x1b}, so a colour code prints as {@code \x1b[31m}; characters above U+00FF are shown as
 * {@code \u202e}. The escape is for the reader, not for decoding: a backslash the example printed
 * is left as it is.
 *
 * <p>Escaped: C0 controls (U+0000-U+001F) but tab, DEL (U+007F), C1 controls (U+0080-U+009F), the
 * bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), a surrogate without its
 * pair, and U+FFFE and U+FFFF. What is left is also legal in XML 1.0.
 */
public final class Printable {
    private Printable() {}

    /** One line: a newline is escaped too, so the text stays on one row. */
    public static String of(String text) {
        return escape(text, false);
    }

    /** Text of several lines (a thread dump, an error message): newlines are kept, all else as {@link #of}. */
    public static String text(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        int first = firstUnsafe(text, 0, keepNewlines);
        if (first == text.length()) {
            return text; // the usual case costs one scan and no copy
        }
        StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int next = firstUnsafe(text, i, keepNewlines);
            safe.append(text, i, next);
            if (next < text.length()) {
                char c = text.charAt(next);
                safe.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                next++;
            }
            i = next;
        }
        return safe.toString();
    }

    /** The index of the first character at or after {@code from} to escape, or the length. */
    private static int firstUnsafe(String text, int from, boolean keepNewlines) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: an ordinary character outside the BMP
            } else if (unsafe(c) && !(keepNewlines && c == '\n')) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean unsafe(char c) {
        return (c < 0x20 && c != '\t')
                || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                || Character.isSurrogate(c) // reached only when unpaired
                || c == 0xfffe
                || c == 0xffff;
    }
}
