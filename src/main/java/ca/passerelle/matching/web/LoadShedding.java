package ca.passerelle.matching.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ca.passerelle.matching.Matcher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load on the finder and the match API instead of queueing: at most so many searches run at
 * once; one that cannot start within a short wait is answered at once with 503 and Retry-After,
 * so those that do run stay fast and a person is told to try again rather than left waiting. The
 * same answer, before the index holds the directory, rather than a wrong "nothing found".
 */
@Component
class LoadShedding extends OncePerRequestFilter {

    private static final Set<String> SEARCHES = Set.of("/", "/api/v1/matches");
    private static final String RETRY_AFTER_SECONDS = "2";
    private static final byte[] BUSY = """
            Passerelle est très sollicité : réessayez dans quelques secondes.
            Passerelle is very busy: please try again in a few seconds.
            En cas de danger immédiat, composez le 911. In immediate danger, call 911.
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] STARTING = """
            Passerelle démarre : réessayez dans quelques secondes.
            Passerelle is starting: please try again in a few seconds.
            En cas de danger immédiat, composez le 911. In immediate danger, call 911.
            """.getBytes(StandardCharsets.UTF_8);

    private final BooleanSupplier ready;
    private final Semaphore running;
    private final long waitMillis;

    @Autowired
    LoadShedding(Matcher matcher, @Value("${passerelle.matching.concurrent-searches:0}") int concurrentSearches,
            @Value("${passerelle.matching.search-wait-ms:100}") long waitMillis) {
        this(matcher::isReady, concurrentSearches, waitMillis);
    }

    LoadShedding(BooleanSupplier ready, int concurrentSearches, long waitMillis) {
        this.ready = ready;
        // searches are short and CPU-bound: a few per core keep every core busy without a queue
        this.running = new Semaphore(concurrentSearches > 0 ? concurrentSearches : 8 * Runtime.getRuntime().availableProcessors());
        this.waitMillis = waitMillis;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SEARCHES.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ready.getAsBoolean()) {
            refuse(response, STARTING);
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
            refuse(response, BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private static void refuse(HttpServletResponse response, byte[] why) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(why);
    }
}
