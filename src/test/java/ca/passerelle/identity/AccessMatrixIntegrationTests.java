package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application answers, tried by an anonymous visitor, by a member of each role,
 * and, where a route reaches an organisation's data, by a member of another organisation: each is
 * refused unless a rule declares it may pass, and every refusal is audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

    /** Everything anyone may reach without signing in: the public finder, directory, HSDS API and sign-in. */
    static final Set<String> PUBLIC = Set.of("GET /", "GET /services", "GET /services/{id}", "GET /api/v1/matches",
            "GET /hsds", "GET /hsds/services", "GET /hsds/services/{id}", "GET /hsds/organizations",
            "GET /hsds/organizations/{id}", "GET /hsds/service_at_locations", "GET /hsds/service_at_locations/{id}",
            "GET /hsds/taxonomies", "GET /hsds/taxonomies/{id}", "GET /hsds/taxonomy_terms", "GET /hsds/taxonomy_terms/{id}",
            "GET /hsds/export.zip", "GET /hsds/export.json", "GET /hsds/profile", "GET /login", "POST /login",
            "GET /login/code", "POST /login/code", "GET /login/second-factor", "POST /login/second-factor",
            "GET /invitation/{token}", "POST /invitation/{token}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    final Map<Role, StaffSession> members = new EnumMap<>(Role.class);

    @BeforeAll
    void signInOnePersonPerRole() {
        for (Role role : Role.values()) {
            String domain = role == Role.PLATFORM_ADMINISTRATOR ? "passerelle.example" : "aurore.example";
            members.put(role, StaffSession.signIn(port, jdbc, role.slug() + "@" + domain));
        }
    }

    /** Every route, as {@code METHOD /pattern}. */
    List<String> routes() {
        Set<String> routes = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(mapping -> {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                        .forEach(method -> routes.add(method + " " + pattern));
            }
        });
        routes.removeIf(route -> route.endsWith(" /error") || route.equals("GET /hsds/"));
        return new ArrayList<>(routes);
    }

    @Test
    void letsAnonymousVisitorsReachOnlyThePublicRoutes() {
        long refusalsBefore = refusals();
        int refused = 0;
        for (String route : routes()) {
            var answer = anonymous(route);
            boolean reached = answer.statusCode() != 401 && answer.statusCode() != 403 && answer.statusCode() != 404
                    && !answer.headers().firstValue("Location").orElse("").endsWith("/login");
            String path = route.substring(route.indexOf(' ') + 1);
            if (path.startsWith("/app") || path.startsWith("/api/v1/referrals")) {
                assertThat(reached).as(route + " is not public").isFalse();
                refused++;
            } else {
                assertThat(PUBLIC).as(route + " is reachable anonymously: declare it public, or guard it").contains(route);
            }
        }
        assertThat(refused).as("staff routes tried").isGreaterThan(15);
        assertThat(refusals() - refusalsBefore).as("each refusal audited").isGreaterThanOrEqualTo(refused);
    }

    @Test
    void refusesEveryStaffRouteToEachRoleItDoesNotDeclareAndAuditsTheRefusal() {
        long refusalsBefore = refusals();
        int refused = 0;
        for (String route : routes()) {
            if (!route.contains(" /app")) {
                continue;
            }
            Map<Role, Integer> answers = new EnumMap<>(Role.class);
            members.forEach((role, member) -> answers.put(role, as(member, route).statusCode()));
            assertThat(answers.values()).as(route + " must be declared for some role").anyMatch(status -> status != 403);
            refused += (int) answers.values().stream().filter(status -> status == 403).count();
            if (route.matches("\\w+ /app(/roles)?")) {
                assertThat(answers.values()).as(route + " is for every signed-in person").doesNotContain(403);
            }
        }
        assertThat(answers(Role.RESEARCHER, "GET /app/people")).isEqualTo(403);
        assertThat(answers(Role.HOTLINE_OPERATOR, "GET /app/directory/import")).isEqualTo(403);
        assertThat(answers(Role.ORGANISATION_ADMINISTRATOR, "GET /app/audit/verification")).isEqualTo(403);
        assertThat(refused).isGreaterThan(30);
        assertThat(refusals() - refusalsBefore).as("each refusal audited").isGreaterThanOrEqualTo(refused);
    }

    @Test
    void answersAnotherOrganisationsAccountExactlyLikeOneThatDoesNotExist() {
        StaffSession otherAdministrator = StaffSession.signIn(port, jdbc, "organisation-administrator@boreale.example");
        String aurorePerson = jdbc.sql("select id::text from accounts where email = 'case-manager@aurore.example'")
                .query(String.class).single();
        long refusalsBefore = jdbc.sql("select count(*) from audit_trail where record_id = :id and outcome = 'refused'")
                .param("id", aurorePerson).query(Long.class).single();

        var theirs = otherAdministrator.get("/app/people/" + aurorePerson);
        String nobody = UUID.randomUUID().toString();
        var nobodys = otherAdministrator.get("/app/people/" + nobody);
        var disable = otherAdministrator.submit("/app", "/app/people/" + aurorePerson + "/disable", Map.of());
        var roles = otherAdministrator.submit("/app", "/app/people/" + aurorePerson + "/roles", Map.of("role", "researcher"));

        assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(nobodys.statusCode());
        assertThat(Http.sameness(theirs.body(), aurorePerson)).isEqualTo(Http.sameness(nobodys.body(), nobody));
        assertThat(disable.statusCode()).isEqualTo(404);
        assertThat(roles.statusCode()).isEqualTo(404);
        assertThat(otherAdministrator.get("/app/people").body()).doesNotContain("case-manager@aurore.example");
        assertThat(jdbc.sql("select enabled from accounts where id = cast(:id as uuid)").param("id", aurorePerson)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_trail where record_id = :id and outcome = 'refused'")
                .param("id", aurorePerson).query(Long.class).single()).isEqualTo(refusalsBefore + 3);
        assertThat(jdbc.sql("""
                        select count(*) from audit_trail a join network_organisations o on o.id = a.organisation
                        where a.record_id = :id and a.outcome = 'refused' and o.name like 'Maison Aurore%'""")
                .param("id", aurorePerson).query(Long.class).single())
                .as("visible to the tried organisation's administrators").isEqualTo(refusalsBefore + 3);
    }

    private int answers(Role role, String route) {
        return as(members.get(role), route).statusCode();
    }

    private HttpResponse<String> as(StaffSession member, String route) {
        String path = concrete(route);
        return route.startsWith("POST") ? member.submit("/app", path, Map.of()) : member.get(path);
    }

    private HttpResponse<String> anonymous(String route) {
        String path = concrete(route);
        Http http = new Http(port);
        return route.startsWith("POST") ? http.postForm(path, "") : http.get(path);
    }

    private static String concrete(String route) {
        return route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private long refusals() {
        return jdbc.sql("select count(*) from audit_trail where outcome = 'refused'").query(Long.class).single();
    }
}
