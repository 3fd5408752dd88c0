package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ca.passerelle.web.HotlineProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Under overload the finder answers 503 with Retry-After at once, rather than queueing everyone,
 * in the reader's language and with the hotline.
 */
class LoadSheddingTests {

    private boolean indexBuilt = true;
    private final LoadShedding shedding = new LoadShedding(() -> indexBuilt, new Refusals(finderWords(),
            new HotlineProperties("1-833-900-1010")), new AcceptHeaderLocaleResolver(), 1, 20);

    private static ResourceBundleMessageSource finderWords() {
        ResourceBundleMessageSource words = new ResourceBundleMessageSource();
        words.setBasenames("i18n/finder");
        words.setDefaultEncoding("UTF-8");
        words.setFallbackToSystemLocale(false);
        return words;
    }

    @Test
    void aSearchThatCannotStartSoonIsToldToComeBackLater() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> search((request, response) -> {
            started.countDown();
            await(release);
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = search((request, response) -> { });

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("2");
        assertThat(second.getContentAsString()).contains("Passerelle is very busy: please try again in a few seconds.");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(search((request, response) -> { }).getStatus()).as("a slot freed is reused").isEqualTo(200);
    }

    @Test
    void beforeTheIndexHoldsTheDirectoryASearchIsToldToComeBackRatherThanFindingNothing() throws Exception {
        indexBuilt = false;

        MockHttpServletResponse answer = search("/api/v1/matches", "es", (request, response) -> { });

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("2");
        assertThat(answer.getContentType()).startsWith("text/plain");
        assertThat(answer.getContentAsString()).isEqualTo("""
                Passerelle se está iniciando: vuelva a intentarlo en unos segundos.
                Línea canadiense contra la trata de personas, gratuita, confidencial, 24/7, en cualquier idioma: 1-833-900-1010
                Si está en peligro inmediato, llame al 911.
                """);
    }

    @Test
    void aPersonTurnedAwayFromTheFinderGetsAPageInTheirLanguageWithTheHotlineATapAway() throws Exception {
        indexBuilt = false;

        MockHttpServletResponse answer = search("/", "ar", (request, response) -> { });
        Document page = Jsoup.parse(answer.getContentAsString());

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getContentType()).startsWith("text/html");
        assertThat(page.select("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("h1").text()).isEqualTo("يجري تشغيل Passerelle الآن: يُرجى المحاولة مرة أخرى بعد بضع ثوانٍ.");
        assertThat(page.select(".hotline a").attr("href")).isEqualTo("tel:+18339001010");
        assertThat(page.select("a[data-quick-exit]").attr("href")).isEqualTo("https://weather.gc.ca/");
        assertThat(page.select("main a").attr("href")).as("the same search again").isEmpty();
        assertThat(page.select("main a").text()).isEqualTo("أعد المحاولة");
    }

    @Test
    void theFindersFormAndOtherPagesAreNeverShed() throws Exception {
        assertThat(shedding.shouldNotFilter(new MockHttpServletRequest("GET", "/services"))).isTrue();
        assertThat(shedding.shouldNotFilter(new MockHttpServletRequest("GET", "/"))).as("the form alone").isTrue();
        MockHttpServletRequest search = new MockHttpServletRequest("GET", "/");
        search.setParameter("domain", "health");
        assertThat(shedding.shouldNotFilter(search)).isFalse();
        assertThat(shedding.shouldNotFilter(new MockHttpServletRequest("GET", "/api/v1/matches"))).isFalse();
    }

    private MockHttpServletResponse search(jakarta.servlet.FilterChain chain) {
        return search("/", "en", chain);
    }

    private MockHttpServletResponse search(String path, String language, jakarta.servlet.FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setParameter("domain", "health");
        request.addHeader("Accept-Language", language);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            shedding.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
