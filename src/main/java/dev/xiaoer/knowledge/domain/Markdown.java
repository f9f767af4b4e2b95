package dev.xiaoer.knowledge.domain;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Articles' Markdown (CommonMark with tables) as safe HTML for pages, and as plain text for the search
 * index and snippets. Raw HTML in the Markdown is escaped, and the rendered HTML passes a sanitiser
 * that keeps formatting, links (http, https, mailto, this site's paths), images and tables only: a script in an article
 * never runs in a customer's browser.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    /** Links to web pages, mail addresses and pages of this site; a link to anything else loses its href. */
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:|/)\\S+");
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder().allowElements("a").allowStandardUrlProtocols()
                    .allowAttributes("href").matching(LINK).onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener").toFactory())
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

    private Markdown() {
    }

    public static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /** The words of the text without Markdown's marks; blocks end with a line break. */
    public static String text(String markdown) {
        var text = new StringBuilder();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append('\n');
            }

            @Override
            public void visit(Paragraph node) {
                block(node);
            }

            @Override
            public void visit(Heading node) {
                block(node);
            }

            @Override
            public void visit(ListItem node) {
                block(node);
            }

            private void block(Node node) {
                visitChildren(node);
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        });
        return text.toString().strip();
    }
}
