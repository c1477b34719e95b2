package concur.view;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jline.builtins.SyntaxHighlighter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Java source for the terminal: numbered, highlighted on a colour screen, cut to the screen's width.
 *
 * <p>Highlighting is jline's nanorc highlighter with concur's own {@code java.nanorc} (the jline
 * bundle ships none). Lines go through one highlighter in order, so a block comment carries over
 * lines. Without the resource, or if the highlighter throws, the source is shown plain: a listing
 * without colours beats no listing.
 */
public final class JavaSource {
    static final String NANORC = "java.nanorc";
    private static final int TAB = 4;

    private JavaSource() {}

    /** Java source with line numbers (right-aligned gutter, e.g. " 12 │ "), highlighted when screen.colour(); plain when not. Lines longer than the width are cut with "…". */
    public static List<String> render(String source, Screen screen) {
        return render(source, screen, screen.width(), true, NANORC);
    }

    /**
     * Java source to read in full, as the lesson screen's source view shows it: numbered and highlighted as
     * {@link #render}, but a line wider than the screen continues on the next rows under an empty gutter,
     * so nothing is cut and the numbers stay in their column.
     */
    public static List<String> listing(String source, Screen screen) {
        List<String> lines = source.lines().map(JavaSource::expandTabs).toList();
        int digits = String.valueOf(lines.size()).length();
        int textWidth = Math.max(1, screen.width() - (digits + 4));
        String continued = Ansi.DIM.apply(" ".repeat(digits + 2) + "│ ", screen);
        List<AttributedString> shown = screen.colour() ? highlighted(lines, NANORC) : plain(lines);
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < shown.size(); i++) {
            List<AttributedString> parts = shown.get(i).columnLength() <= textWidth
                    ? List.of(shown.get(i))
                    : shown.get(i).columnSplitLength(textWidth);
            for (int part = 0; part < parts.size(); part++) {
                String text = screen.colour()
                        ? parts.get(part).toAnsi()
                        : parts.get(part).toString();
                out.add(part == 0 ? numbered(i + 1, digits, text, screen) : continued + text);
            }
        }
        return out;
    }

    /** Lines without a gutter, at most {@code width} columns: Java in lesson text. */
    static List<String> snippet(String source, Screen screen, int width) {
        return render(source, screen, width, false, NANORC);
    }

    /** Lines cut to {@code width} columns, tabs expanded, never highlighted: other code in lesson text. */
    static List<String> verbatim(String source, int width) {
        return source.lines()
                .map(line -> cut(new AttributedString(expandTabs(line)), width).toString())
                .toList();
    }

    /** {@code nanorc} is a resource beside this class; tests name a missing one. */
    static List<String> render(String source, Screen screen, int width, boolean numbered, String nanorc) {
        List<String> lines = source.lines().map(JavaSource::expandTabs).toList();
        int digits = String.valueOf(lines.size()).length();
        int gutterWidth = numbered ? digits + 4 : 0;
        int textWidth = Math.max(1, width - gutterWidth);
        List<AttributedString> shown = screen.colour() ? highlighted(lines, nanorc) : plain(lines);
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < shown.size(); i++) {
            AttributedString line = cut(shown.get(i), textWidth);
            String text = screen.colour() ? line.toAnsi() : line.toString();
            if (numbered) {
                out.add(numbered(i + 1, digits, text, screen));
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private static List<AttributedString> highlighted(List<String> lines, String nanorc) {
        URL resource = JavaSource.class.getResource(nanorc);
        if (resource == null) {
            return plain(lines);
        }
        try {
            // build(String) reads "classpath:" through jline's own class; a URL works wherever the resource is.
            SyntaxHighlighter highlighter = SyntaxHighlighter.build(resource.toString());
            return lines.stream().map(highlighter::highlight).toList();
        } catch (RuntimeException e) {
            return plain(lines);
        }
    }

    private static List<AttributedString> plain(List<String> lines) {
        return lines.stream().map(AttributedString::new).toList();
    }

    private static AttributedString cut(AttributedString line, int width) {
        if (line.columnLength() <= width) {
            return line;
        }
        return new AttributedStringBuilder()
                .append(line.columnSubSequence(0, width - 1))
                .append("…")
                .toAttributedString();
    }

    /** {@code text} after its number in a dim gutter, e.g. {@code " 12 │ "}; a blank line has no trailing space. */
    private static String numbered(int number, int digits, String text, Screen screen) {
        String gutter = " " + pad(number, digits) + " │ ";
        return Ansi.DIM.apply(text.isEmpty() ? gutter.stripTrailing() : gutter, screen) + text;
    }

    private static String pad(int number, int digits) {
        String text = String.valueOf(number);
        return " ".repeat(digits - text.length()) + text;
    }

    private static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\t') {
                out.append(" ".repeat(TAB - out.length() % TAB));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
