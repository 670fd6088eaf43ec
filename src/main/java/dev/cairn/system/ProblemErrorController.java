package dev.cairn.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders errors that reach the servlet container's error page, such as requests the security
 * firewall rejects, as the same {@link ProblemDetail} JSON as every other error.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.NOT_FOUND;
        String message = switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            case BAD_REQUEST -> "The request is malformed.";
            case UNAUTHORIZED -> "Authentication is required: send a staff user's credentials with HTTP Basic.";
            case FORBIDDEN -> "Your staff role does not allow this request.";
            default ->
                status.is5xxServerError()
                        ? "The server failed to process the request; see the server log."
                        : status.getReasonPhrase() + ".";
        };
        ProblemDetail problem = Problems.of(status, Problems.codeFor(status), message);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // A path that is not a valid URI is left out of the body.
            }
        }
        return ResponseEntity.status(status).body(problem);
    }
}
