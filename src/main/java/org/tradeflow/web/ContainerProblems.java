package org.tradeflow.web;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Requests the servlet container refuses before any application code sees them (an encoded NUL in the path,
 * a malformed URL) are answered as problems, not as Tomcat's HTML page.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            // the host creates its report valve from this class name when it starts
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /** After Spring Boot's own customizer, which installs the HTML report valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Public, with a public constructor: the host instantiates it by name. */
    public static final class ProblemReportValve extends ErrorReportValve {
        public ProblemReportValve() {
            super();
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
            try {
                response.resetBuffer();
                Problems.write(response.getResponse(), status, status.getReasonPhrase(), status.is4xxClientError()
                        ? "The request is malformed and was refused before it was read" : "The server could not answer", null);
            } catch (IOException | IllegalStateException ignored) {
                // the connection is gone; nothing more can be said
            }
        }
    }
}
