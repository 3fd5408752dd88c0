package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Under overload the finder answers 503 with Retry-After at once, rather than queueing everyone. */
class LoadSheddingTests {

    private boolean indexBuilt = true;
    private final LoadShedding shedding = new LoadShedding(() -> indexBuilt, 1, 20);

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
        assertThat(second.getContentAsString()).contains("try again", "réessayez");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(search((request, response) -> { }).getStatus()).as("a slot freed is reused").isEqualTo(200);
    }

    @Test
    void beforeTheIndexHoldsTheDirectoryASearchIsToldToComeBackRatherThanFindingNothing() throws Exception {
        indexBuilt = false;

        MockHttpServletResponse answer = search((request, response) -> { });

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("2");
        assertThat(answer.getContentAsString()).contains("starting", "démarre");
    }

    @Test
    void otherPagesAreNeverShed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/services");
        assertThat(shedding.shouldNotFilter(request)).isTrue();
        assertThat(shedding.shouldNotFilter(new MockHttpServletRequest("GET", "/api/v1/matches"))).isFalse();
    }

    private MockHttpServletResponse search(jakarta.servlet.FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
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
