package dev.cairn.tracking;

import dev.cairn.system.ApiException;
import dev.cairn.system.PublicUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff REST API for registering tracked sites and their allowed origins. */
@RestController
class SiteController {

    private final Sites sites;
    private final PublicUrls urls;

    SiteController(Sites sites, PublicUrls urls) {
        this.sites = sites;
        this.urls = urls;
    }

    /** The body of a site registration. */
    record SiteRequest(String id, String name, List<String> allowedOrigins) {}

    /** The body of an allowlist replacement. */
    record OriginsRequest(List<String> allowedOrigins) {}

    @PostMapping("/api/v1/sites")
    ResponseEntity<Map<String, Object>> register(@RequestBody SiteRequest request) {
        sites.register(request.id(), request.name(), request.allowedOrigins());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(request.id()));
    }

    @GetMapping("/api/v1/sites/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(id);
    }

    @PutMapping("/api/v1/sites/{id}/allowed-origins")
    Map<String, Object> replaceOrigins(@PathVariable String id, @RequestBody OriginsRequest request) {
        sites.replaceAllowedOrigins(id, request.allowedOrigins());
        return view(id);
    }

    private Map<String, Object> view(String id) {
        String name = sites.name(id)
                .orElseThrow(() -> ApiException.notFound("site_not_found", "No site has the id '" + id + "'."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("allowedOrigins", sites.allowedOrigins(id));
        body.put("tracker", "<script src=\"" + urls.to("/cairn.js") + "\" data-site=\"" + id + "\" async></script>");
        return body;
    }
}
