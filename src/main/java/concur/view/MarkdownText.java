package concur.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jline.utils.WCWidth;

/** Styled inline text and its word wrapping, for {@link MarkdownRenderer}. */
final class MarkdownText {
    /** The styles inline Markdown maps to, as SGR parameters. */
    enum Style {
        BOLD("1"),
        DIM("2"),
        ITALIC("3"),
        UNDERLINE("4"),
        CODE("36");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

    /**
     * A stretch of text in one style; the text {@code "\n"} alone is a hard line break.
     *
     * @param text  what is shown
     * @param style how it is shown on a colour screen
     */
    record Span(String text, Set<Style> style) {
        Span {
            style = style.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(style));
        }

        Span(String text) {
            this(text, Set.of());
        }
    }

    static final String BREAK = "\n";

    private MarkdownText() {}

    /**
     * Breaks text into lines of at most {@code width} columns, at spaces; a word wider than a whole
     * line is split across lines, the only case in which a word is split.
     */
    static List<List<Span>> wrap(List<Span> spans, int width) {
        List<List<Span>> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>();
        int column = 0;
        Span space = null;
        for (Token token : tokens(spans)) {
            // if/else, not a pattern switch: a cold JVM spins a class for the first one it meets.
            if (token instanceof Break) {
                lines.add(merge(line));
                line = new ArrayList<>();
                column = 0;
                space = null;
            } else if (token instanceof Space s) {
                space = s.run();
            } else if (token instanceof Word w) {
                if (column > 0 && column + 1 + w.width() <= width) {
                    line.add(space != null ? space : new Span(" "));
                    line.addAll(w.pieces());
                    column += 1 + w.width();
                } else {
                    if (column > 0) {
                        lines.add(merge(line));
                        line = new ArrayList<>();
                    }
                    Word rest = w;
                    while (rest.width() > width) {
                        Word[] parts = rest.split(width);
                        lines.add(merge(parts[0].pieces()));
                        rest = parts[1];
                    }
                    line.addAll(rest.pieces());
                    column = rest.width();
                }
                space = null;
            }
        }
        if (!line.isEmpty()) {
            lines.add(merge(line));
        }
        return lines;
    }

    /** A line as the screen shows it: styles as ANSI codes on colour, dropped otherwise. */
    static String show(List<Span> line, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (Span run : line) {
            if (colour && !run.style().isEmpty() && !run.text().isEmpty()) {
                String codes = run.style().stream().sorted().map(s -> s.code).collect(Collectors.joining(";"));
                out.append("\u001b[")
                        .append(codes)
                        .append('m')
                        .append(run.text())
                        .append("\u001b[0m");
            } else {
                out.append(run.text());
            }
        }
        return out.toString();
    }

    static int columns(List<Span> line) {
        return line.stream().mapToInt(r -> columns(r.text())).sum();
    }

    static int columns(String text) {
        return text.codePoints().map(MarkdownText::columns).sum();
    }

    private static int columns(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    private sealed interface Token permits Word, Space, Break {}

    /** Text between spaces, possibly in several styles ({@code `join()`:} is one word). */
    private record Word(List<Span> pieces, int width) implements Token {
        /** The first {@code columns} columns (at least one character) and the rest. */
        Word[] split(int columns) {
            List<Span> head = new ArrayList<>();
            List<Span> tail = new ArrayList<>();
            int used = 0;
            for (Span piece : pieces) {
                StringBuilder in = new StringBuilder();
                StringBuilder out = new StringBuilder();
                for (int cp : piece.text().codePoints().toArray()) {
                    int w = columns(cp);
                    boolean fits = out.isEmpty() && tail.isEmpty() && (used + w <= columns || used == 0);
                    if (fits) {
                        in.appendCodePoint(cp);
                        used += w;
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
                if (!in.isEmpty()) {
                    head.add(new Span(in.toString(), piece.style()));
                }
                if (!out.isEmpty()) {
                    tail.add(new Span(out.toString(), piece.style()));
                }
            }
            return new Word[] {new Word(head, MarkdownText.columns(head)), new Word(tail, MarkdownText.columns(tail))};
        }
    }

    /** A space between words, in the style of the text it sits in (an underlined link's spaces are underlined). */
    private record Space(Span run) implements Token {}

    private record Break() implements Token {}

    private static List<Token> tokens(List<Span> spans) {
        List<Token> tokens = new ArrayList<>();
        List<Span> word = new ArrayList<>();
        for (Span run : spans) {
            if (run.text().equals(BREAK)) {
                flush(word, tokens);
                tokens.add(new Break());
                continue;
            }
            StringBuilder piece = new StringBuilder();
            for (int cp : run.text().codePoints().toArray()) {
                if (Character.isWhitespace(cp)) {
                    if (!piece.isEmpty()) {
                        word.add(new Span(piece.toString(), run.style()));
                        piece.setLength(0);
                    }
                    flush(word, tokens);
                    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof Space) {
                        continue;
                    }
                    tokens.add(new Space(new Span(" ", run.style())));
                } else {
                    piece.appendCodePoint(cp);
                }
            }
            if (!piece.isEmpty()) {
                word.add(new Span(piece.toString(), run.style()));
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(List<Span> word, List<Token> tokens) {
        if (!word.isEmpty()) {
            List<Span> pieces = merge(word);
            tokens.add(new Word(pieces, columns(pieces)));
            word.clear();
        }
    }

    /** Joins neighbours of the same style, so a bold phrase is one escape sequence, not one per word. */
    private static List<Span> merge(List<Span> spans) {
        List<Span> merged = new ArrayList<>();
        for (Span run : spans) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).style().equals(run.style())) {
                merged.set(last, new Span(merged.get(last).text() + run.text(), run.style()));
            } else {
                merged.add(run);
            }
        }
        return List.copyOf(merged);
    }
}
