package dev.cairn.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects request bodies whose declared length is over {@code cairn.max-request-bytes} with 413
 * before anything reads them. A body sent without a length fails with {@link
 * RequestBodyTooLargeException} as soon as reading passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final SystemProperties properties;
    private final JsonMapper json;

    RequestSizeLimitFilter(SystemProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long max = properties.maxRequestBytes();
        if (length > max) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(
                    response.getOutputStream(),
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "payload_too_large",
                            "The body has " + length + " bytes; the maximum is " + max + "."));
            return;
        }
        chain.doFilter(length < 0 ? new LimitedRequest(request, max) : request, response);
    }
}
