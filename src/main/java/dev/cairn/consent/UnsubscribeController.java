package dev.cairn.consent;

import dev.cairn.contacts.ContactView;
import dev.cairn.contacts.Contacts;
import dev.cairn.contacts.EmailAddresses;
import dev.cairn.system.IpAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Unsubscribe links. {@code GET /u/{token}} only shows a confirmation page. {@code POST /u/{token}}
 * is either the page's confirmation (from everything, or from the message's type) or a mail
 * client's one-click unsubscribe (RFC 8058, body {@code List-Unsubscribe=One-Click}), which
 * unsubscribes from the message's type.
 */
@Controller
class UnsubscribeController {

    static final String ONE_CLICK_VALUE = "One-Click";

    private final Consent consent;
    private final Contacts contacts;

    UnsubscribeController(Consent consent, Contacts contacts) {
        this.consent = consent;
        this.contacts = contacts;
    }

    @GetMapping("/u/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Resolved> resolved = resolve(token);
        if (resolved.isEmpty()) {
            return LinkPages.invalidLink(model, response);
        }
        model.addAttribute(
                "maskedEmail", EmailAddresses.mask(resolved.get().contact().email()));
        model.addAttribute("typeName", resolved.get().typeName());
        model.addAttribute(
                "preferencesUrl",
                "/p/" + consent.preferenceToken(resolved.get().contact().id()));
        return "consent/unsubscribe";
    }

    @PostMapping("/u/{token}")
    String unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
            @RequestParam(name = "scope", defaultValue = "all") String scope,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<Resolved> resolved = resolve(token);
        if (resolved.isEmpty()) {
            return LinkPages.invalidLink(model, response);
        }
        Resolved target = resolved.get();
        boolean isOneClick = ONE_CLICK_VALUE.equals(oneClick);
        if (!isOneClick && !scope.equals("all") && !scope.equals("type")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("title", "Nothing was changed");
            model.addAttribute("message", "Choose whether to unsubscribe from all emails or from this type only.");
            return "consent/message";
        }
        ConsentContext context = ConsentContext.web(
                isOneClick ? ConsentSource.ONE_CLICK : ConsentSource.FOOTER_LINK,
                IpAddresses.prefix(request.getRemoteAddr()),
                request.getHeader(HttpHeaders.USER_AGENT),
                "unsubscribe link for " + target.typeId());
        if (isOneClick || scope.equals("type")) {
            consent.change(target.contact().id(), target.typeId(), SubscriptionState.OPTED_OUT, context);
            model.addAttribute("message", "You will no longer receive " + target.typeName() + " emails.");
        } else {
            consent.unsubscribeAll(target.contact().id(), context);
            model.addAttribute("message", "You will no longer receive any emails from us.");
        }
        model.addAttribute("title", "You are unsubscribed");
        model.addAttribute(
                "preferencesUrl",
                "/p/" + consent.preferenceToken(target.contact().id()));
        return "consent/message";
    }

    private Optional<Resolved> resolve(String token) {
        return consent.unsubscribeTarget(token)
                .flatMap(target -> contacts.find(target.contactId())
                        .flatMap(contact -> consent.type(target.typeId())
                                .map(type -> new Resolved(contact, type.id(), type.name()))));
    }

    private record Resolved(ContactView contact, String typeId, String typeName) {}
}
