package dev.cairn.email;

import dev.cairn.identity.Identity;
import dev.cairn.system.TokenPayloads;
import dev.cairn.system.TokenSigner;
import dev.cairn.tracking.Sites;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /c/{token}}: records a click and redirects to the link's URL as it was in the sent
 * message. Links to tracked sites get the signed identity token, so the tracker can recognise the
 * person on arrival.
 */
@RestController
class ClickController {

    private static final Logger log = LoggerFactory.getLogger(ClickController.class);
    static final String IDENTITY_PARAMETER = "cairn_token";

    private final TokenSigner signer;
    private final Outbox outbox;
    private final Sites sites;
    private final Identity identity;
    private final Clock clock;

    ClickController(TokenSigner signer, Outbox outbox, Sites sites, Identity identity, Clock clock) {
        this.signer = signer;
        this.outbox = outbox;
        this.sites = sites;
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping("/c/{token}")
    ResponseEntity<String> click(@PathVariable String token) {
        Optional<byte[]> payload = signer.verify(MessageComposer.CLICK_PURPOSE, token);
        Optional<String> messageId = payload.flatMap(bytes -> TokenPayloads.idAt(bytes, 0));
        Optional<Integer> position =
                payload.map(bytes -> TokenPayloads.suffix(bytes, 1)).flatMap(ClickController::parsePosition);
        Optional<String> url = messageId.flatMap(id -> position.flatMap(p -> outbox.link(id, p)));
        Optional<String> contactId = messageId.flatMap(outbox::contactOf);
        if (url.isEmpty() || contactId.isEmpty()) {
            log.warn("Click with an invalid or unknown link token");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("This link is not valid. Open the newest email you received from us and use its link.");
        }
        outbox.recordEvent(messageId.get(), contactId.get(), "clicked", "link " + position.get(), clock.millis());
        String target = url.get();
        if (sites.isTrackedUrl(target)) {
            target = UriComponentsBuilder.fromUriString(target)
                    .replaceQueryParam(IDENTITY_PARAMETER, identity.emailToken(contactId.get(), messageId.get()))
                    .build()
                    .toUriString();
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, URI.create(target).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Optional<Integer> parsePosition(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
