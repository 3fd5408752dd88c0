package ca.passerelle.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.Referring;
import ca.passerelle.support.StaffSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner system follows the loop through /api/v1/referrals with a staff member's token: a
 * creation retried with its Idempotency-Key sends nothing twice, and a step taken from an old
 * ETag changes nothing.
 */
@IntegrationTest
class ReferralApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesARequestWithoutAValidToken() {
        Http anonymous = new Http(port);
        HttpResponse<String> none = anonymous.get("/api/v1/referrals");
        HttpResponse<String> forged = anonymous.get("/api/v1/referrals", "Authorization", "Bearer psl_forged");

        assertThat(none.statusCode()).isEqualTo(401).isEqualTo(forged.statusCode());
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
    }

    @Test
    void sendsOncePerIdempotencyKeyAndRefusesTheKeyForAnotherRequest() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "intake-coordinator@aurore.example");
        String token = token(worker, "Logiciel de suivi");
        String person = Referring.recordPerson(worker, "Personne Api", "THROUGH_WORKER", "");
        Referring.consent(worker, person, organisation("Refuge Cèdre (démo)"), "NEEDS");
        String service = Referring.serviceOf(
                worker.get("/app/persons/" + person + "/referrals/new?place=Calgary").body(), "Refuge Cèdre (démo)");
        String body = "{\"person\":\"" + person + "\",\"services\":[\"" + service + "\"],\"urgency\":\"routine\","
                + "\"reason\":\"Needs a bed\"}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(token, "/api/v1/referrals", body, "Idempotency-Key", key);
        HttpResponse<String> replay = post(token, "/api/v1/referrals", body, "Idempotency-Key", key);
        HttpResponse<String> other = post(token, "/api/v1/referrals", body.replace("Needs a bed", "Needs two beds"),
                "Idempotency-Key", key, "Accept-Language", "fr");
        HttpResponse<String> keyless = post(token, "/api/v1/referrals", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"status\":\"sent\"", "\"status\":\"requested\"", "\"resourceType\":\"Task\"");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(idOf(replay.body())).isEqualTo(idOf(first.body()));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("Cette clé Idempotency-Key a servi pour une autre demande");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from referrals where person = :person").param("person", UUID.fromString(person))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void takesAStepOnlyFromTheCurrentETagAndOnlyAtItsOwnEnd() {
        StaffSession sender = StaffSession.signIn(port, jdbc, "case-manager@aurore.example");
        String person = Referring.recordPerson(sender, "Étape Api", "THROUGH_WORKER", "");
        Referring.consent(sender, person, organisation("Refuge Cèdre (démo)"), "IDENTITY");
        String referral = Referring.refer(sender, person, "Refuge Cèdre (démo)", "ROUTINE").getFirst();
        String senderToken = token(sender, "Aurore system");
        String receiverToken = token(StaffSession.signIn(port, jdbc, "intake-coordinator@cedre.example"), "Cèdre system");

        HttpResponse<String> seen = get(receiverToken, "/api/v1/referrals/" + referral);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("\"status\":\"viewed\"", "Étape Api");
        String etag = seen.headers().firstValue("ETag").orElseThrow();

        assertThat(post(receiverToken, "/api/v1/referrals/" + referral + "/accept", "{}").statusCode()).isEqualTo(428);
        assertThat(post(receiverToken, "/api/v1/referrals/" + referral + "/accept", "{}", "If-Match", "\"1\"").statusCode())
                .as("made from the state before it was viewed").isEqualTo(412);
        assertThat(post(senderToken, "/api/v1/referrals/" + referral + "/accept", "{}", "If-Match", etag).statusCode())
                .as("the sender does not answer its own referral").isEqualTo(403);
        HttpResponse<String> accepted = post(receiverToken, "/api/v1/referrals/" + referral + "/accept", "{}", "If-Match", etag);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"status\":\"accepted\"");
        assertThat(accepted.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        HttpResponse<String> illegal = post(receiverToken, "/api/v1/referrals/" + referral + "/decline",
                "{\"reason\":\"no-capacity\"}", "If-Match", accepted.headers().firstValue("ETag").orElseThrow(),
                "Accept-Language", "en");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(illegal.body()).contains("A referral that is “Accepted” cannot take this step");
        assertThat(get(senderToken, "/api/v1/referrals?box=sent").body()).contains(referral);
        assertThat(get(token(StaffSession.signIn(port, jdbc, "hotline-operator@boreale.example"), "Stranger"),
                "/api/v1/referrals/" + referral).statusCode()).isEqualTo(404);
    }

    @Test
    void aRevokedTokenOpensNothing() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@cedre.example");
        String token = token(worker, "To be revoked");
        assertThat(get(token, "/api/v1/referrals").statusCode()).isEqualTo(200);
        String page = worker.get("/app/account").body();
        String revoke = Jsoup.parse(page).select("form[action*=/revoke]").first().attr("action");

        worker.submit("/app/account", revoke, java.util.Map.of());

        assertThat(get(token, "/api/v1/referrals").statusCode()).isEqualTo(401);
    }

    private String token(StaffSession worker, String name) {
        HttpResponse<String> created = worker.submit("/app/account", "/app/account/api-tokens", java.util.Map.of("name", name));
        assertThat(created.statusCode()).isEqualTo(302);
        return Jsoup.parse(worker.get("/app/account").body()).select("#new-token").text();
    }

    private HttpResponse<String> get(String token, String path) {
        return new Http(port).get(path, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> post(String token, String path, String body, String... headers) {
        Http http = new Http(port);
        HttpRequest.Builder request = http.request(path, headers).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build());
    }

    private static String idOf(String body) {
        return body.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private String organisation(String name) {
        return jdbc.sql("select id::text from network_organisations where name = :name").param("name", name)
                .query(String.class).single();
    }
}
