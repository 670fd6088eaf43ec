package dev.cairn.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Generates the plain-text part of an HTML email: paragraphs as blank lines, links as URLs. */
final class HtmlToText {

    private HtmlToText() {}

    static String convert(String html) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.text());
                        } else if (node instanceof Element element
                                && element.tagName().equals("br")) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element) {
                            switch (element.tagName()) {
                                case "a" -> {
                                    String href = element.attr("href");
                                    if (!href.isEmpty() && !href.equals(element.text())) {
                                        out.append(" <").append(href).append('>');
                                    }
                                }
                                case "p", "div", "h1", "h2", "h3", "li", "tr" -> out.append("\n\n");
                                default -> {}
                            }
                        }
                    }
                },
                Jsoup.parse(html).body());
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n", -1)) {
            text.append(line.strip().replaceAll("\\s{2,}", " ")).append('\n');
        }
        return text.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }
}
