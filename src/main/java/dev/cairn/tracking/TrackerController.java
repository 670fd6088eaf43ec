package dev.cairn.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /cairn.js}: the tracker script that tracked pages load. */
@RestController
class TrackerController {

    private final String script;

    TrackerController() throws IOException {
        try (InputStream in = new ClassPathResource("tracker/cairn.js").getInputStream()) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = "/cairn.js", produces = "text/javascript")
    ResponseEntity<String> tracker() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(script);
    }
}
