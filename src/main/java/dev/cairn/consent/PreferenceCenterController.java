package dev.cairn.consent;

import dev.cairn.contacts.ContactView;
import dev.cairn.contacts.Contacts;
import dev.cairn.contacts.EmailAddresses;
import dev.cairn.system.IpAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The preference center at {@code /p/{token}}: reached through a signed per-contact link, without
 * logging in. It shows no personal data beyond a masked email address.
 */
@Controller
class PreferenceCenterController {

    private final Consent consent;
    private final Contacts contacts;

    PreferenceCenterController(Consent consent, Contacts contacts) {
        this.consent = consent;
        this.contacts = contacts;
    }

    @GetMapping("/p/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ContactView> contact = contactFor(token);
        if (contact.isEmpty()) {
            return LinkPages.invalidLink(model, response);
        }
        return page(contact.get(), model, false);
    }

    @PostMapping("/p/{token}")
    String save(
            @PathVariable String token,
            @RequestParam(name = "type", required = false) List<String> checked,
            @RequestParam(name = "unsubscribeAll", required = false) String unsubscribeAll,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<ContactView> contact = contactFor(token);
        if (contact.isEmpty()) {
            return LinkPages.invalidLink(model, response);
        }
        String contactId = contact.get().id();
        ConsentContext context = ConsentContext.web(
                ConsentSource.PREFERENCE_CENTER,
                IpAddresses.prefix(request.getRemoteAddr()),
                request.getHeader(HttpHeaders.USER_AGENT),
                null);
        if (unsubscribeAll != null) {
            consent.unsubscribeAll(contactId, context);
        } else {
            Set<String> requested = checked == null ? Set.of() : Set.copyOf(checked);
            for (Subscription subscription : consent.subscriptions(contactId)) {
                if (requested.contains(subscription.type())) {
                    consent.change(contactId, subscription.type(), SubscriptionState.SUBSCRIBED, context);
                } else if (subscription.subscribed()) {
                    consent.change(contactId, subscription.type(), SubscriptionState.OPTED_OUT, context);
                }
            }
        }
        return page(contact.get(), model, true);
    }

    private Optional<ContactView> contactFor(String token) {
        return consent.contactForPreferenceToken(token).flatMap(contacts::find);
    }

    private String page(ContactView contact, Model model, boolean saved) {
        model.addAttribute("maskedEmail", EmailAddresses.mask(contact.email()));
        model.addAttribute("subscriptions", consent.subscriptions(contact.id()));
        model.addAttribute("saved", saved);
        return "consent/preferences";
    }
}
