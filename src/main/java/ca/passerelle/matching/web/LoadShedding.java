package ca.passerelle.matching.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ca.passerelle.matching.Matcher;
import ca.passerelle.shared.InterfaceLanguage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sheds load on the finder and the match API instead of queueing: at most so many searches run at
 * once; one that cannot start within a short wait is answered at once with 503 and Retry-After,
 * so those that do run stay fast and a person is told to try again rather than left waiting. The
 * same answer, before the index holds the directory, rather than a wrong "nothing found". The
 * finder's form without a search costs nothing and is always shown.
 */
@Component
class LoadShedding extends OncePerRequestFilter {

    private static final String FINDER = "/";
    private static final Set<String> SEARCHES = Set.of(FINDER, "/api/v1/matches");
    private static final String RETRY_AFTER_SECONDS = "2";

    private final BooleanSupplier ready;
    private final Refusals refusals;
    private final LocaleResolver languages;
    private final Semaphore running;
    private final long waitMillis;

    @Autowired
    LoadShedding(Matcher matcher, Refusals refusals, LocaleResolver languages,
            @Value("${passerelle.matching.concurrent-searches:0}") int concurrentSearches,
            @Value("${passerelle.matching.search-wait-ms:100}") long waitMillis) {
        this(matcher::isReady, refusals, languages, concurrentSearches, waitMillis);
    }

    LoadShedding(BooleanSupplier ready, Refusals refusals, LocaleResolver languages, int concurrentSearches, long waitMillis) {
        this.ready = ready;
        this.refusals = refusals;
        this.languages = languages;
        // searches are short and CPU-bound: a few per core keep every core busy without a queue
        this.running = new Semaphore(concurrentSearches > 0 ? concurrentSearches : 8 * Runtime.getRuntime().availableProcessors());
        this.waitMillis = waitMillis;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !SEARCHES.contains(path) || path.equals(FINDER) && !MatchRequest.isSearch(parameters(request));
    }

    private static MultiValueMap<String, String> parameters(HttpServletRequest request) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.addAll(name, Arrays.asList(values)));
        return parameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ready.getAsBoolean()) {
            refuse(request, response, Refusals.Why.STARTING);
            return;
        }
        boolean admitted;
        try {
            admitted = running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response, Refusals.Why.BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusals.Why why) throws IOException {
        InterfaceLanguage language = InterfaceLanguage.of(languages.resolveLocale(request));
        boolean page = request.getRequestURI().equals(FINDER);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(page ? "text/html;charset=UTF-8" : "text/plain;charset=UTF-8");
        response.getOutputStream().write(page ? refusals.page(why, language) : refusals.text(why, language));
    }
}
