package dev.cairn.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Makes the errors that Tomcat returns itself, before a request reaches Spring (such as a URL with
 * an invalid percent-encoding), the same problem JSON as every other error, without server details.
 */
@Component
class TomcatJsonErrors {

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        Host host = server.getTomcat().getHost();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemReportValve());
    }

    /** Writes a problem JSON body for error responses that have none yet. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus resolved = HttpStatus.resolve(status);
            String title = resolved == null ? "Error" : resolved.getReasonPhrase();
            String code = resolved == null ? "error" : Problems.codeFor(resolved);
            String detail = status == 400 ? "The request URL or headers are malformed." : title + ".";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is committed: nothing more can be sent.
            }
        }
    }
}
