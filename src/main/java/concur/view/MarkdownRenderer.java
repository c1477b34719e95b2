package concur.view;

import concur.view.MarkdownText.Span;
import concur.view.MarkdownText.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Lesson text for the terminal: Markdown laid out in lines no wider than the screen.
 *
 * <p>Blocks are separated by one blank line. Headings are bold, levels 1 and 2 underlined with
 * {@code ═} and {@code ─}, deeper ones prefixed {@code ###}. Lists hang their text after the
 * marker ({@code •}, or right-aligned numbers); block quotes get a {@code │ } bar; code blocks are
 * indented four spaces and cut with {@code …} rather than wrapped, {@code java} and {@code java
 * snippet} blocks highlighted without line numbers (they are short, and numbers would read as
 * part of the code). HTML blocks are dropped: lesson directives are HTML comments.
 *
 * <p>Plain output is the same layout without escape codes: code keeps its backticks and links their
 * address, so nothing is lost. The glyphs ({@code • │ ─ ═ …}) are the same on both.
 */
public final class MarkdownRenderer {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .build();
    private static final String CODE_INDENT = "    ";
    /** Text inside deeply nested lists and quotes never gets narrower than this. */
    private static final int MIN_TEXT_WIDTH = 10;

    private final Screen screen;

    private MarkdownRenderer(Screen screen) {
        this.screen = screen;
    }

    /** Renders a Markdown fragment (a lesson's intro or step text) for the terminal: lines without trailing newlines, wrapped to screen.width(). */
    public static List<String> render(String markdown, Screen screen) {
        Objects.requireNonNull(markdown, "markdown");
        return new MarkdownRenderer(screen).blocks(PARSER.parse(markdown), screen.width(), false);
    }

    /** The child blocks of {@code parent}, a blank line between them unless {@code tight}. */
    private List<String> blocks(Node parent, int width, boolean tight) {
        List<String> out = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            List<String> lines = block(child, width);
            if (lines.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && !tight) {
                out.add("");
            }
            out.addAll(lines);
        }
        return out;
    }

    private List<String> block(Node node, int width) {
        // if/else, not a pattern switch: a cold JVM spins a class for the first one it meets, some 5 ms of the
        // lesson screen's start.
        if (node instanceof Paragraph paragraph) {
            return text(MarkdownInline.of(paragraph, screen.colour(), Set.of()), width);
        } else if (node instanceof Heading heading) {
            return heading(heading, width);
        } else if (node instanceof ListBlock list) {
            return list(list, width);
        } else if (node instanceof BlockQuote quote) {
            String bar = Ansi.DIM.apply("│", screen) + " ";
            return indent(blocks(quote, inner(width, 2), false), bar, bar);
        } else if (node instanceof FencedCodeBlock code) {
            return code(code.getLiteral(), code.getInfo(), width);
        } else if (node instanceof IndentedCodeBlock code) {
            return code(code.getLiteral(), "", width);
        } else if (node instanceof ThematicBreak) {
            return List.of(Ansi.DIM.apply("─".repeat(width), screen));
        } else if (node instanceof HtmlBlock
                || node instanceof YamlFrontMatterBlock
                || node instanceof LinkReferenceDefinition) {
            return List.of();
        }
        return blocks(node, width, false);
    }

    private List<String> text(List<Span> spans, int width) {
        return MarkdownText.wrap(spans, width).stream()
                .map(line -> MarkdownText.show(line, screen.colour()))
                .toList();
    }

    private List<String> heading(Heading heading, int width) {
        List<Span> spans = new ArrayList<>();
        if (heading.getLevel() > 2) {
            spans.add(new Span("#".repeat(heading.getLevel()) + " ", Set.of(Style.DIM)));
        }
        spans.addAll(MarkdownInline.of(heading, screen.colour(), Set.of(Style.BOLD)));
        List<List<Span>> lines = MarkdownText.wrap(spans, width);
        List<String> out = new ArrayList<>(lines.stream()
                .map(line -> MarkdownText.show(line, screen.colour()))
                .toList());
        if (heading.getLevel() <= 2 && !lines.isEmpty()) {
            int longest = lines.stream().mapToInt(MarkdownText::columns).max().orElse(0);
            out.add(Ansi.DIM.apply((heading.getLevel() == 1 ? "═" : "─").repeat(longest), screen));
        }
        return out;
    }

    private List<String> list(ListBlock list, int width) {
        List<Node> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(item);
        }
        List<String> markers = markers(list, items.size());
        int markerWidth = MarkdownText.columns(markers.get(0));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> lines = blocks(items.get(i), inner(width, markerWidth), list.isTight());
            if (i > 0 && !list.isTight()) {
                out.add("");
            }
            out.addAll(indent(lines.isEmpty() ? List.of("") : lines, markers.get(i), " ".repeat(markerWidth)));
        }
        return out;
    }

    /** {@code "• "} for every item, or numbers right-aligned so that the items' text lines up. */
    private static List<String> markers(ListBlock list, int count) {
        if (!(list instanceof OrderedList ordered)) {
            return Collections.nCopies(Math.max(1, count), "• ");
        }
        int start = ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber();
        String delimiter = ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter();
        int digits = String.valueOf(start + Math.max(0, count - 1)).length();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, count); i++) {
            String number = String.valueOf(start + i);
            markers.add(" ".repeat(digits - number.length()) + number + delimiter + " ");
        }
        return markers;
    }

    private List<String> code(String literal, String info, int width) {
        String language = info == null || info.isBlank() ? "" : info.strip().split("\\s+")[0];
        int inner = inner(width, CODE_INDENT.length());
        List<String> lines = language.equalsIgnoreCase("java")
                ? JavaSource.snippet(literal, screen, inner)
                : JavaSource.verbatim(literal, inner);
        return indent(lines, CODE_INDENT, CODE_INDENT);
    }

    /** Prefixes the first line with {@code first} and the others with {@code rest}; empty lines get no trailing spaces. */
    private static List<String> indent(List<String> lines, String first, String rest) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String prefix = i == 0 ? first : rest;
            out.add(lines.get(i).isEmpty() ? prefix.stripTrailing() : prefix + lines.get(i));
        }
        return out;
    }

    private static int inner(int width, int prefix) {
        return Math.max(MIN_TEXT_WIDTH, width - prefix);
    }
}
