package ca.passerelle.matching.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import ca.passerelle.shared.InterfaceLanguage;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An address the server cannot read (cut short in a text message, "…%C3%A", or too long) is refused
 * by Tomcat before Passerelle sees it, with Tomcat's bare English error. Its error report, at the
 * host, now answers as the finder does ({@link Refusals.Why#UNREADABLE}): in the reader's language,
 * with the hotline, the quick exit and a link to the finder.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequests {

    @Bean
    TomcatContextCustomizer unreadableRequestsAnsweredAsTheFinder(Refusals refusals) {
        return context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(Report.class.getName()); // so the host adds no report of its own
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve); // Spring Boot's, which would answer first
                        }
                    }
                    host.getPipeline().addValve(new Report(refusals));
                }
            });
        };
    }

    /** Tomcat's error report, answering a request it refused as unreadable with the finder's words. */
    static final class Report extends ErrorReportValve {

        private final Refusals refusals;

        Report(Refusals refusals) {
            this.refusals = refusals;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() != Response.SC_BAD_REQUEST) {
                super.report(request, response, throwable);
                return;
            }
            if (response.getContentWritten() > 0 || !response.setErrorReported()) {
                return; // answered already, by Passerelle
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            InterfaceLanguage language = InterfaceLanguage.of(request.getLocale());
            boolean api = request.getRequestURI() != null && request.getRequestURI().startsWith("/api/");
            try {
                response.setContentType(api ? "text/plain;charset=UTF-8" : "text/html;charset=UTF-8");
                response.setHeader("Cache-Control", "no-store");
                // what Spring Security adds to every other answer, which it never sees
                response.setHeader("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.getOutputStream().write(api ? refusals.text(Refusals.Why.UNREADABLE, language)
                        : refusals.page(Refusals.Why.UNREADABLE, language));
                response.finishResponse();
            } catch (IOException | IllegalStateException gone) {
                // the person's browser left before the answer: nothing to tell them
            }
        }
    }
}
