package concur.view;

import concur.view.MarkdownText.Span;
import concur.view.MarkdownText.Style;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Collects a block's inline content (text, emphasis, code, links) as styled spans.
 *
 * <p>Plain output keeps what carries meaning without colour: backticks around code and a link's
 * address. Emphasis is only words there, and inline HTML (comments included) is dropped everywhere.
 */
final class MarkdownInline extends AbstractVisitor {
    private final boolean colour;
    private final EnumSet<Style> style;
    private final List<Span> spans = new ArrayList<>();

    private MarkdownInline(boolean colour, Set<Style> base) {
        this.colour = colour;
        this.style = base.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(base);
    }

    /** The inline content of {@code block}, each run in {@code base} plus its own styles. */
    static List<Span> of(Node block, boolean colour, Set<Style> base) {
        MarkdownInline inline = new MarkdownInline(colour, base);
        inline.visitChildren(block);
        return inline.spans;
    }

    @Override
    public void visit(Text text) {
        add(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        String literal = code.getLiteral();
        if (colour) {
            add(literal, Style.CODE);
        } else {
            add(literal.contains("`") ? "`` " + literal + " ``" : "`" + literal + "`");
        }
    }

    @Override
    public void visit(Emphasis emphasis) {
        styled(Style.ITALIC, emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        styled(Style.BOLD, strong);
    }

    @Override
    public void visit(Link link) {
        linked(link, link.getDestination());
    }

    @Override
    public void visit(Image image) {
        linked(image, image.getDestination());
    }

    @Override
    public void visit(SoftLineBreak soft) {
        add(" ");
    }

    @Override
    public void visit(HardLineBreak hard) {
        spans.add(new Span(MarkdownText.BREAK));
    }

    @Override
    public void visit(HtmlInline html) {
        // dropped: lesson directives are HTML comments and must never show
    }

    /** The link's text, then its address in parentheses unless the text already is the address. */
    private void linked(Node link, String destination) {
        int from = spans.size();
        styled(Style.UNDERLINE, link);
        String text = spans.subList(from, spans.size()).stream().map(Span::text).collect(Collectors.joining());
        if (destination != null
                && !destination.isEmpty()
                && !destination.equals(text)
                && !destination.equals("mailto:" + text)) {
            add(" (" + destination + ")", Style.DIM);
        }
    }

    private void styled(Style added, Node node) {
        boolean fresh = style.add(added);
        visitChildren(node);
        if (fresh) {
            style.remove(added);
        }
    }

    private void add(String text, Style... extra) {
        EnumSet<Style> runStyle = EnumSet.copyOf(style);
        runStyle.addAll(List.of(extra));
        spans.add(new Span(text, runStyle));
    }
}
