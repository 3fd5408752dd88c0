package ca.passerelle.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shelter's address and exact position never leave the staff area: no public page, HSDS
 * answer, stream or export holds them, while the staff pages do.
 */
@IntegrationTest
class ConfidentialLocationIntegrationTests {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    /** Each secret (street address, postal code, latitude, longitude) and the service it belongs to. */
    Map<String, UUID> secrets;

    @BeforeEach
    void readTheSecrets() {
        http = new Http(port);
        secrets = new LinkedHashMap<>();
        jdbc.sql("""
                select sal.service_id, a.address_1, a.postal_code, l.latitude, l.longitude
                from locations l join addresses a on a.location_id = l.id
                join service_at_location sal on sal.location_id = l.id
                where l.confidential""")
                .query((row, n) -> {
                    UUID service = row.getObject("service_id", UUID.class);
                    secrets.put(row.getString("address_1"), service);
                    secrets.put(row.getString("postal_code"), service);
                    secrets.put(plain(row.getBigDecimal("latitude")), service);
                    secrets.put(plain(row.getBigDecimal("longitude")), service);
                    return service;
                })
                .list();
        // A value some public location shares by chance (two sites on one postal code) is no secret.
        jdbc.sql("""
                select a.address_1, a.postal_code, l.latitude, l.longitude
                from locations l left join addresses a on a.location_id = l.id where not l.confidential""")
                .query((row, n) -> {
                    secrets.remove(row.getString("address_1"));
                    secrets.remove(row.getString("postal_code"));
                    if (row.getBigDecimal("latitude") != null) {
                        secrets.remove(plain(row.getBigDecimal("latitude")));
                        secrets.remove(plain(row.getBigDecimal("longitude")));
                    }
                    return 1;
                })
                .list();
        assertThat(secrets).as("the demo directory has confidential locations").hasSizeGreaterThan(20);
    }

    @Test
    void noPublicAnswerHoldsAConfidentialAddressOrPosition() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (UUID service : secrets.values().stream().distinct().toList()) {
            answers.put("/services/" + service + "?lang=fr", ok("/services/" + service + "?lang=fr"));
            answers.put("/services/" + service + "?lang=en", ok("/services/" + service + "?lang=en"));
            answers.put("/hsds/services/" + service, ok("/hsds/services/" + service));
        }
        for (String path : List.of("/services?lang=en&domain=short-term-housing", "/services?lang=fr&q=h%C3%A9bergement",
                "/hsds/services?full=true&per_page=1000", "/hsds/service_at_locations?full=true&per_page=1000",
                "/hsds/organizations?full=true&full_service=true&per_page=1000", "/hsds/services?format=ndjson&full=true",
                "/hsds/export.json")) {
            answers.put(path, ok(path));
        }
        answers.put("/hsds/export.zip", unzipped(http.getBytes("/hsds/export.zip").body()));

        List<String> leaks = new ArrayList<>();
        // Coordinates are compared as whole numbers (-73.689 is not a prefix of -73.6891), words as text.
        answers.forEach((path, body) -> {
            java.util.Set<String> numbers = NUMBER.matcher(body).results().map(m -> m.group()).collect(java.util.stream.Collectors.toSet());
            secrets.keySet().forEach(secret -> {
                boolean number = NUMBER.matcher(secret).matches();
                if (number ? numbers.contains(secret) : body.contains(secret)) {
                    leaks.add(path + " holds " + secret);
                }
            });
        });
        assertThat(leaks).isEmpty();
    }

    @Test
    void thePublicSeesTheCityAndAWayToCall() {
        UUID service = secrets.values().iterator().next();
        String page = ok("/services/" + service + "?lang=en");

        assertThat(page).contains("The address is confidential to keep people safe").contains("href=\"tel:");
        String city = jdbc.sql("""
                select a.city from service_at_location sal join addresses a on a.location_id = sal.location_id
                where sal.service_id = :id limit 1""").param("id", service).query(String.class).single();
        assertThat(page).contains(city);
        assertThat(ok("/hsds/services/" + service)).contains("\"value\":\"" + city + ", ");
    }

    @Test
    void staffSeeTheAddressTheyNeed() {
        StaffSession curator = StaffSession.signIn(port);
        Map.Entry<String, UUID> secret = secrets.entrySet().iterator().next();

        String page = curator.get("/app/directory/services/" + secret.getValue() + "?lang=en").body();

        assertThat(page).contains(secret.getKey()).contains("Confidential address: never give it out.");
    }

    private String ok(String path) {
        var answer = http.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    private static String unzipped(byte[] zip) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
