package dev.cairn.email;

import dev.cairn.consent.Consent;
import dev.cairn.contacts.ContactView;
import dev.cairn.system.PublicUrls;
import dev.cairn.system.TokenPayloads;
import dev.cairn.system.TokenSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import liqp.Template;
import liqp.TemplateParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a message from its Liquid template: contact data is HTML-escaped before insertion, every
 * link is rewritten to pass through click tracking, and the footer with the preference-center and
 * unsubscribe links is appended.
 */
@Component
class MessageComposer {

    static final String CLICK_PURPOSE = "click";

    private final TemplateParser parser = new TemplateParser.Builder().build();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final TokenSigner signer;
    private final Consent consent;
    private final PublicUrls urls;
    private final EmailProperties properties;

    MessageComposer(TokenSigner signer, Consent consent, PublicUrls urls, EmailProperties properties) {
        this.signer = signer;
        this.consent = consent;
        this.urls = urls;
        this.properties = properties;
    }

    ComposedMessage compose(OutboxMessage message, ContactView contact) {
        Map<String, Object> variables = variables(contact, true);
        String subject = template(message.template() + ".subject")
                .render(variables(contact, false))
                .replaceAll("[\\r\\n]+", " ")
                .strip();
        Document document = Jsoup.parse(template(message.template() + ".html").render(variables));
        List<String> links = trackLinks(document, message.id());
        String unsubscribeUrl = urls.to("/u/" + consent.unsubscribeToken(contact.id(), message.typeId()));
        appendFooter(document, contact.id(), unsubscribeUrl, message.typeId());
        String html = document.outerHtml();

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new ComposedMessage(contact.email(), subject, html, HtmlToText.convert(html), links, headers);
    }

    /** Returns the signed token of a click-tracking link; it names the message and link position. */
    String clickToken(String messageId, int position) {
        return signer.sign(CLICK_PURPOSE, TokenPayloads.pack(Integer.toString(position), messageId));
    }

    private List<String> trackLinks(Document document, String messageId) {
        List<String> links = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            String href = anchor.attr("href");
            if (!href.startsWith("http://") && !href.startsWith("https://")) {
                continue;
            }
            anchor.attr("href", urls.to("/c/" + clickToken(messageId, links.size())));
            links.add(href);
        }
        return links;
    }

    private void appendFooter(Document document, String contactId, String unsubscribeUrl, String typeId) {
        String typeName = consent.typeName(typeId).orElse(typeId);
        Element footer = document.body().appendElement("div").attr("class", "cairn-footer");
        footer.appendElement("hr");
        footer.appendElement("p").text("You receive this " + typeName + " email from " + properties.fromName() + ".");
        Element links = footer.appendElement("p");
        links.appendElement("a")
                .attr("href", urls.to("/p/" + consent.preferenceToken(contactId)))
                .text("Update communication preferences");
        links.appendText(" | ");
        links.appendElement("a").attr("href", unsubscribeUrl).text("Unsubscribe");
    }

    private Map<String, Object> variables(ContactView contact, boolean escapeHtml) {
        Map<String, Object> contactVariables = new HashMap<>();
        contactVariables.put("first_name", value(contact.firstName(), escapeHtml));
        contactVariables.put("last_name", value(contact.lastName(), escapeHtml));
        contactVariables.put("company", value(contact.company(), escapeHtml));
        Map<String, Object> variables = new HashMap<>();
        variables.put("contact", contactVariables);
        variables.put("sender", Map.of("name", value(properties.fromName(), escapeHtml)));
        variables.put("demo_url", urls.to("/demo/"));
        return variables;
    }

    private static String value(String text, boolean escapeHtml) {
        if (text == null) {
            return null;
        }
        return escapeHtml ? HtmlUtils.htmlEscape(text) : text;
    }

    private Template template(String name) {
        return templates.computeIfAbsent(name, key -> parser.parse(read("email/" + key + ".liquid")));
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Email template " + path + " is missing", e);
        }
    }
}
