package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The matching API on the demo directory, as a partner system or the finder calls it. */
@IntegrationTest
class MatchApiIntegrationTests {

    @LocalServerPort
    int port;

    Http visitor;

    @BeforeEach
    void visit() {
        visitor = new Http(port);
    }

    @Test
    void findsTheNearestServicesForSeveralNeedsAndSaysWhyInFrench() {
        JsonNode answer = json("/api/v1/matches?domain=legal-aid&domain=health&place=montreal&radius=50&lang=fr");

        assertThat(answer.get("place").get("name").asString()).isEqualTo("Montréal");
        assertThat(answer.get("total").asInt()).isPositive();
        JsonNode first = answer.get("results").get(0);
        assertThat(first.get("distance_km").asDouble()).isLessThanOrEqualTo(50);
        assertThat(first.get("explanation").asString()).contains("km").containsAnyOf("ouvert", "fermé");
        for (JsonNode result : answer.get("results")) {
            assertThat(result.has("latitude") || result.has("longitude")).isFalse();
            if (result.get("does_not_cover").size() > 0) {
                assertThat(result.get("explanation").asString()).contains("ne couvre pas");
            }
        }
        JsonNode bundle = answer.get("bundle");
        List<String> covered = bundle.get("services").valueStream().flatMap(s -> s.get("covers").valueStream())
                .map(JsonNode::asString).distinct().toList();
        assertThat(covered).as("the bundle covers what the demo offers near Montréal")
                .containsAll(List.of("legal-aid", "health").stream()
                        .filter(d -> bundle.get("uncovered").valueStream().noneMatch(u -> u.asString().equals(d))).toList());
    }

    @Test
    void explainsInEnglishToo() {
        JsonNode answer = json("/api/v1/matches?domain=short-term-housing&place=Toronto&radius=100&lang=en");

        assertThat(answer.get("results").get(0).get("explanation").asString()).contains("km").containsAnyOf("open", "closed");
    }

    @Test
    void anEmptyAnswerOffersAWiderRadiusWhenDistanceEmptiedIt() {
        JsonNode answer = json("/api/v1/matches?domain=legal-aid&place=Montréal&radius=0.2&lang=fr");

        assertThat(answer.get("total").asInt()).isZero();
        assertThat(answer.get("emptied_by").get(0).get("constraint").asString()).isEqualTo("radius");
        JsonNode wider = answer.get("relaxations").get(0);
        assertThat(wider.get("radius_km").asDouble()).isGreaterThan(0.2);
        assertThat(wider.get("label").asString()).startsWith("à moins de");
    }

    @Test
    void anEmptyAnswerSaysWhichConstraintsEmptiedItAndWhatWouldFindSomething() {
        JsonNode answer = json("/api/v1/matches?domain=legal-aid&place=Iqaluit&radius=1&language=uk&age=15"
                + "&trafficking_specific=true&lang=en");

        assertThat(answer.get("total").asInt()).isZero();
        assertThat(answer.get("emptied_by").size()).isPositive();
        assertThat(answer.get("relaxations").size()).isPositive();
        for (JsonNode relaxation : answer.get("relaxations")) {
            assertThat(relaxation.get("total").asInt()).isPositive();
            assertThat(relaxation.get("label").asString()).isNotBlank();
        }
    }

    @Test
    void refusesWhatItCannotReadInTheCallersLanguage() {
        HttpResponse<String> domain = visitor.get("/api/v1/matches?domain=nope&lang=fr");
        HttpResponse<String> place = visitor.get("/api/v1/matches?place=Atlantis&lang=en");
        HttpResponse<String> radius = visitor.get("/api/v1/matches?place=Laval&radius=far&lang=fr");

        assertThat(domain.statusCode()).isEqualTo(400);
        assertThat(domain.body()).contains("Domaine de besoin inconnu : nope");
        assertThat(place.statusCode()).isEqualTo(400);
        assertThat(place.body()).contains("No Canadian city or town is called “Atlantis”.");
        assertThat(radius.statusCode()).isEqualTo(400);
        assertThat(radius.body()).contains("Le paramètre radius doit être un nombre");
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = visitor.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

}
