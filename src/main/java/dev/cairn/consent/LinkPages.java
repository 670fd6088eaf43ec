package dev.cairn.consent;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** Shared responses of the pages behind signed links. */
final class LinkPages {

    private LinkPages() {}

    static String invalidLink(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("title", "This link is not valid");
        model.addAttribute(
                "message",
                "The link may be incomplete or too old. Open the newest email you received from us and use its link.");
        return "consent/message";
    }
}
