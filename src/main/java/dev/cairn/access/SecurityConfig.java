package dev.cairn.access;

import dev.cairn.system.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security rules for every route. Only the endpoints that browsers and mail recipients reach
 * without an account are public; everything else needs a staff user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Routes reachable without logging in: tracker, collector, forms, preferences, links, demo. */
    static final String[] PUBLIC_ROUTES = {
        "/",
        "/cairn.js",
        "/api/v1/collect",
        "/f/*",
        "/api/v1/forms/*/submissions",
        "/p/*",
        "/u/*",
        "/c/*",
        "/demo",
        "/demo/**",
        "/css/**",
        "/error",
        "/favicon.ico",
        "/actuator/health"
    };

    /** Public routes that take POSTs from other sites or mail clients, authorised by a token. */
    static final String[] CSRF_EXEMPT_ROUTES = {"/api/v1/collect", "/f/*", "/api/v1/forms/*/submissions", "/p/*", "/u/*"
    };

    /**
     * Staff API requests with a JSON body need no CSRF token: a page on another site cannot send
     * JSON without a CORS preflight, and Cairn allows CORS only on the public routes. Any other
     * body type on the staff API still needs a token, because browsers resend cached HTTP Basic
     * credentials on cross-site form posts.
     */
    private static final RequestMatcher JSON_API_REQUEST =
            request -> request.getRequestURI().startsWith("/api/") && isJson(request.getContentType());

    private static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        http.authorizeHttpRequests(routes -> routes.requestMatchers(PUBLIC_ROUTES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName("Cairn")
                        .authenticationEntryPoint(
                                (request, response, e) -> writeProblem(json, response, HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> writeProblem(json, response, HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(
                                (request, response, e) -> writeProblem(json, response, HttpStatus.FORBIDDEN)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf ->
                        csrf.ignoringRequestMatchers(CSRF_EXEMPT_ROUTES).ignoringRequestMatchers(JSON_API_REQUEST))
                .cors(cors -> cors.configurationSource(corsConfigurationSource()))
                // Browsers send only the origin as the referrer on cross-origin requests, so that token paths
                // such as /p/{token} do not reach other sites.
                .headers(headers -> headers.referrerPolicy(
                        policy -> policy.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Lets tracked sites on other origins send events and JSON form posts. The collector checks
     * each event's origin against its site's allowlist itself, so CORS here only opens the door.
     */
    private static CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(List.of("*"));
        config.setAllowedMethods(List.of("POST"));
        config.setAllowedHeaders(List.of("Content-Type"));
        config.setAllowCredentials(false);
        config.setMaxAge(86400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/collect", config);
        source.registerCorsConfiguration("/api/v1/forms/*/submissions", config);
        return source;
    }

    private static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status)
            throws IOException {
        String message = status == HttpStatus.UNAUTHORIZED
                ? "Authentication is required: send a staff user's credentials with HTTP Basic."
                : "Your staff role does not allow this request.";
        ProblemDetail problem = Problems.of(status, Problems.codeFor(status), message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Cairn\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
