package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import ca.passerelle.support.HtmlForm;
import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.MovableClock;
import ca.passerelle.support.StaffSession;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The matching API on the demo directory, as a partner system or the finder calls it. */
@IntegrationTest
class MatchApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    MessageSource messages;

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
            assertThat(reasons(result, "does_not_cover")).as("what it lacks, by code")
                    .isEqualTo(result.get("does_not_cover").valueStream().map(JsonNode::asString).toList());
            assertThat(result.get("reasons").valueStream().filter(reason -> reason.has("text")))
                    .as("the words are in the explanation, not written twice").isEmpty();
        }
        JsonNode distance = first.get("reasons").valueStream()
                .filter(reason -> reason.get("code").asString().equals("distance")).findFirst().orElseThrow();
        assertThat(distance.get("value").asDouble()).isEqualTo(first.get("distance_km").asDouble());
        JsonNode bundle = answer.get("bundle");
        List<String> covered = bundle.get("services").valueStream().flatMap(s -> s.get("covers").valueStream())
                .map(JsonNode::asString).distinct().toList();
        assertThat(covered).as("the bundle covers what the demo offers near Montréal")
                .containsAll(List.of("legal-aid", "health").stream()
                        .filter(d -> bundle.get("uncovered").valueStream().noneMatch(u -> u.asString().equals(d))).toList());
        assertThat(bundle.get("services").valueStream().map(service -> service.get("explanation").asString()))
                .as("each says what it brings to the bundle, not what the others cover")
                .allSatisfy(explanation -> assertThat(explanation).contains("couvre : ").doesNotContain("ne couvre pas"));
    }

    @Test
    void aBundleThatLeavesNeedsUncoveredSaysForEachWhichSearchCoversItNearest() {
        JsonNode bundle = json("/api/v1/matches?lang=en&domain=short-term-housing&domain=legal-aid&domain=health"
                + "&place=Sudbury&radius=50").get("bundle");

        assertThat(bundle.get("uncovered").valueStream().map(JsonNode::asString)).containsExactly("health", "legal-aid");
        assertThat(bundle.get("relaxations").valueStream().map(r -> r.get("domain").asString() + " " + r.get("label").asString()))
                .containsExactly("health within 500 km", "legal-aid within 250 km");
        JsonNode legalAid = bundle.get("relaxations").get(1);
        assertThat(legalAid.get("constraints").valueStream().map(JsonNode::asString)).containsExactly("radius");
        assertThat(legalAid.get("radius_km").asDouble()).isEqualTo(250);
        assertThat(legalAid.get("total").asInt()).as("services giving legal aid within 250 km").isPositive()
                .isEqualTo(json("/api/v1/matches?domain=legal-aid&place=Sudbury&radius=250").get("total").asInt());
        assertThat(json("/api/v1/matches?domain=short-term-housing&place=Sudbury&radius=50").get("bundle")).as("one need, no bundle")
                .isNull();
    }

    /** The values of a result's reasons of this code. */
    private static List<String> reasons(JsonNode result, String code) {
        return coded(result, code).map(reason -> reason.get("value").asString()).toList();
    }

    private static Optional<JsonNode> reason(JsonNode result, String code) {
        return coded(result, code).findFirst();
    }

    private static Stream<JsonNode> coded(JsonNode result, String code) {
        return result.get("reasons").valueStream().filter(reason -> reason.get("code").asString().equals(code));
    }

    @Test
    void inEveryLargeCityOfTheDemoAPersonFindsAShelterHealthCareAndALawyerNearby() {
        for (String city : List.of("Montr%C3%A9al", "Laval", "Ottawa", "Edmonton", "Halifax", "Saskatoon", "Moncton", "St.%20John%27s")) {
            for (String domain : List.of("short-term-housing", "health", "legal-aid")) {
                assertThat(json("/api/v1/matches?domain=" + domain + "&place=" + city + "&radius=25").get("total").asInt())
                        .as(domain + " within 25 km of " + city).isPositive();
            }
        }
    }

    @Test
    void aShelterThatCanTakeThePersonTonightRanksAboveAFullOneNearerOnceBothAreConfirmed() {
        String asked = "/api/v1/matches?domain=short-term-housing&place=Montr%C3%A9al&radius=50&limit=50&lang=en";
        List<JsonNode> shelters = json(asked).get("results").valueStream().toList();
        // a shelter accepting people, and a full one less than 10 km nearer: the gap "full" is worth
        JsonNode[] pair = shelters.stream().filter(result -> result.get("capacity_status").asString("").equals("accepting"))
                .flatMap(accepting -> shelters.stream().filter(result -> result.get("capacity_status").asString("").equals("full"))
                        .filter(full -> full.get("distance_km").asDouble() < accepting.get("distance_km").asDouble()
                                && full.get("distance_km").asDouble() > accepting.get("distance_km").asDouble() - 10)
                        .map(full -> new JsonNode[] {accepting, full}))
                .findFirst().orElseThrow(() -> new AssertionError("the demo has a full shelter just nearer than one accepting"));
        String accepting = pair[0].get("id").asString();
        String full = pair[1].get("id").asString();
        StaffSession curator = StaffSession.signIn(port);

        for (String shelter : List.of(accepting, full)) {
            curator.submit(curator.form("/app/directory/services/" + shelter, "form:has(input[name=change][value=still-correct])"));
        }

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            List<String> ranked = json(asked).get("results").valueStream().map(result -> result.get("id").asString()).toList();
            assertThat(ranked.indexOf(accepting)).as("accepting, said just now").isNotNegative().isLessThan(ranked.indexOf(full));
        });
        List<JsonNode> confirmed = json(asked).get("results").valueStream()
                .filter(result -> List.of(accepting, full).contains(result.get("id").asString())).toList();
        assertThat(confirmed).extracting(result -> result.get("explanation").asString())
                .allSatisfy(explanation -> assertThat(explanation).doesNotContain("(as of"))
                .anySatisfy(explanation -> assertThat(explanation).contains("accepting new people"))
                .anySatisfy(explanation -> assertThat(explanation).contains("full"));
    }

    @Test
    void aCapacitySaidADayOrMoreAgoSaysOnWhichDaySoTheCallerChecksFirst() {
        JsonNode results = json("/api/v1/matches?domain=short-term-housing&place=Toronto&radius=province&limit=50&lang=en").get("results");

        List<JsonNode> dated = results.valueStream().filter(result -> dayCapacityWasSaid(result) != null).toList();
        assertThat(dated).as("the demo's capacities were said up to four days ago").isNotEmpty().allSatisfy(result -> {
            LocalDate day = dayCapacityWasSaid(result);
            Province where = Province.fromCode(result.get("province").asString("")).orElse(Province.ON);
            assertThat(day).as("said a day or more ago, where the service is").isBefore(LocalDate.ofInstant(clock.instant(), where.zone()));
            assertThat(result.get("explanation").asString())
                    .contains("(as of " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH).format(day) + ")");
        });
    }

    /** The day a result's capacity was said, when the answer tells it. */
    private static LocalDate dayCapacityWasSaid(JsonNode result) {
        return coded(result, result.get("capacity_status").asString("")).filter(reason -> reason.has("value"))
                .map(reason -> LocalDate.parse(reason.get("value").asString())).findFirst().orElse(null);
    }

    @Test
    void acrossTheProvinceWhatIsNearComesBeforeWhatIsADayAwayThatOnlySaysMoreOfItself() {
        List<JsonNode> results = json("/api/v1/matches?domain=short-term-housing&place=Toronto&radius=province&limit=50&lang=en")
                .get("results").valueStream().toList();

        assertThat(results).extracting(result -> result.get("distance_km").asDouble()).as("near and far shelters in the demo")
                .anyMatch(km -> km <= 100).anyMatch(km -> km >= 350);
        for (int later = 0; later < results.size(); later++) {
            JsonNode near = results.get(later);
            for (JsonNode earlier : results.subList(0, later)) {
                if (near.get("distance_km").asDouble() <= 100 && capacityCounted(earlier).equals(capacityCounted(near))) {
                    assertThat(earlier.get("distance_km").asDouble()).as("%s ranked before %s", earlier.get("explanation"), near.get("explanation"))
                            .isLessThan(near.get("distance_km").asDouble() + 250);
                }
            }
        }
    }

    /** The capacity a result ranked by: its status, or nothing when it was said a day or more ago. */
    private static String capacityCounted(JsonNode result) {
        return dayCapacityWasSaid(result) != null ? "" : result.get("capacity_status").asString("");
    }

    @Test
    void aServiceNamedForTheWordsTypedRanksAboveANearerOneWhoseTextsOnlyMentionThem() {
        List<JsonNode> results = json("/api/v1/matches?q=h%C3%A9bergement&place=Montr%C3%A9al&radius=50&lang=fr").get("results")
                .valueStream().toList();
        List<Boolean> named = results.stream().map(result -> result.get("name").asString().startsWith("Hébergement")).toList();

        int firstUnnamed = named.indexOf(false);
        assertThat(firstUnnamed).as("services named for the word, then the others").isPositive();
        assertThat(named.subList(firstUnnamed, named.size())).doesNotContain(true);
        assertThat(results.subList(0, firstUnnamed)).extracting(result -> result.get("distance_km").asDouble())
                .as("one named for it further than one nearer but only mentioning it")
                .anyMatch(km -> km > results.get(firstUnnamed).get("distance_km").asDouble());
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
        HttpResponse<String> age = visitor.get("/api/v1/matches?domain=health&age=seventeen&lang=en");

        assertThat(domain.statusCode()).isEqualTo(400);
        assertThat(domain.body()).contains("Domaine de besoin inconnu : nope");
        assertThat(place.statusCode()).isEqualTo(400);
        assertThat(place.body()).contains("No Canadian city or town is called “Atlantis”.");
        assertThat(radius.statusCode()).isEqualTo(400);
        assertThat(radius.body()).contains("Le paramètre radius doit être un nombre");
        assertThat(age.statusCode()).isEqualTo(400);
        assertThat(age.body()).contains("The age must be a whole number from 0 to 130.");
    }

    @Test
    void aRefusalRepeatsWhatWasTypedShortAndPrintable() {
        String pasted = "Montr\u00e9al\u0000 ".repeat(100);
        HttpResponse<String> refused = visitor.get("/api/v1/matches?lang=en&place=" + URLEncoder.encode(pasted, StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        String error = JsonMapper.shared().readTree(refused.body()).get("error").asString();
        assertThat(error).startsWith("No Canadian city or town is called “Montréal Montréal").contains("…”")
                .doesNotContain("\u0000").hasSizeLessThan(120);
    }

    @Test
    void aNeedIsReadAsPeopleAndProgramsWriteItsCode() {
        JsonNode written = json("/api/v1/matches?domain=legal-aid&place=Laval&lang=en");

        for (String code : new String[] {"LEGAL-AID", "legal_aid", " Legal_Aid "}) {
            JsonNode answer = json("/api/v1/matches?domain=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&place=Laval&lang=en");
            assertThat(answer.get("total").asInt()).as(code).isEqualTo(written.get("total").asInt()).isPositive();
        }
    }

    @Test
    void aPostalCodeStandsForItsProvinceTheOnlyThingItTells() {
        JsonNode montreal = json("/api/v1/matches?place=h2x%201y4&radius=10&domain=legal-aid&lang=fr");
        JsonNode quebec = json("/api/v1/matches?province=QC&domain=legal-aid&lang=fr");

        assertThat(montreal.get("place").get("postal_code").asString()).isEqualTo("h2x 1y4");
        assertThat(montreal.get("place").get("province").asString()).isEqualTo("QC");
        assertThat(montreal.get("total").asInt()).as("the whole province, the radius unknowable").isEqualTo(quebec.get("total").asInt())
                .isPositive();
        assertThat(montreal.get("results").valueStream().map(result -> result.get("province").asString())).containsOnly("QC");
        assertThat(json("/api/v1/matches?place=X0A%200H0").get("place").get("province").asString()).as("Iqaluit").isEqualTo("NU");
        assertThat(json("/api/v1/matches?place=X1A").get("place").get("province").asString()).as("Yellowknife").isEqualTo("NT");
        assertThat(json("/api/v1/matches?place=M5V").get("place").get("province").asString()).isEqualTo("ON");
        assertThat(visitor.get("/api/v1/matches?place=Z9Z%209Z9").statusCode()).as("no postal code starts with Z").isEqualTo(400);
    }

    @Test
    void atThreeOnASundayMorningAServiceClosedSaysWhenItOpens() {
        moveClockToTorontos(DayOfWeek.SUNDAY, 3);
        try {
            List<JsonNode> closed = json("/api/v1/matches?domain=legal-aid&place=Toronto&radius=50&limit=50&lang=en").get("results")
                    .valueStream().filter(result -> reason(result, "closed_now").isPresent()).toList();

            assertThat(closed).as("a weekday clinic, closed on Sunday night").isNotEmpty();
            for (JsonNode result : closed) {
                assertThat(reason(result, "closed_now").orElseThrow().get("value").asString()).matches("(MO|TU|WE|TH|FR|SA|SU) \\d\\d:\\d\\d");
                assertThat(result.get("explanation").asString()).matches("closed now, opens \\w+day at (\\d{1,2}:\\d\\d\\h[ap]\\.m\\.|noon|midnight) ·.*");
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void onATuesdayMorningAServiceOpenNowSaysUntilWhenInBothLanguages() {
        moveClockToTorontos(DayOfWeek.TUESDAY, 10);
        try {
            for (String lang : List.of("en", "fr")) {
                List<JsonNode> open = json("/api/v1/matches?domain=legal-aid&place=Toronto&radius=50&limit=50&lang=" + lang)
                        .get("results").valueStream().filter(result -> reason(result, "open_now").isPresent()).toList();

                assertThat(open).as("a weekday clinic, open on Tuesday morning").isNotEmpty().allSatisfy(result -> {
                    assertThat(reason(result, "open_now").orElseThrow().get("value").asString()).as("closes later on Tuesday").matches("TU (1[0-9]|2[0-3]):\\d\\d");
                    assertThat(result.get("explanation").asString()).matches(lang.equals("en")
                            ? "open now, until (\\d{1,2}:\\d\\d\\h[ap]\\.m\\.|noon|midnight) ·.*"
                            : "ouvert en ce moment, jusqu’à (\\d{2} h \\d\\d|midi|minuit) ·.*");
                });
            }
        } finally {
            clock.reset();
        }
    }

    /** Moves the clock to the next such day at that hour in Toronto; each test puts it back. */
    private void moveClockToTorontos(DayOfWeek day, int hour) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(Province.ON.zone()));
        clock.advance(Duration.between(now, now.with(TemporalAdjusters.next(day)).withHour(hour).withMinute(0)));
    }

    @Test
    void wordsFindWhatTheyMeanNotTheirFalseFriends() {
        JsonNode refugees = json("/api/v1/matches?q=refugees&lang=fr&limit=50");
        JsonNode refuge = json("/api/v1/matches?q=refuge&lang=fr&limit=50");

        assertThat(refugees.get("results").valueStream().map(r -> r.get("name").asString()))
                .anyMatch(name -> name.startsWith("Clinique juridique en immigration"));
        assertThat(refuge.get("results").valueStream().map(r -> r.get("name").asString()))
                .as("“refuge” is a shelter, not a refugee").noneMatch(name -> name.startsWith("Clinique juridique en immigration"));
    }

    @Test
    void aMistypedPlaceIsRefusedWithThePlacesItMayHaveMeant() {
        HttpResponse<String> typo = visitor.get("/api/v1/matches?domain=health&place=Tornto&lang=fr");
        JsonNode refusal = JsonMapper.shared().readTree(typo.body());

        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(refusal.get("error").asString()).isEqualTo("Aucune ville ni localité canadienne ne s’appelle « Tornto ».");
        assertThat(refusal.get("did_you_mean").get(0).get("name").asString()).isEqualTo("Toronto");
        assertThat(refusal.get("did_you_mean").get(0).get("province").asString()).isEqualTo("ON");
        JsonNode meant = json("/api/v1/matches?domain=health&place=Toronto,%20ON&lang=fr");
        assertThat(meant.get("place").get("name").asString()).isEqualTo("Toronto");
        assertThat(JsonMapper.shared().readTree(visitor.get("/api/v1/matches?place=Atlantis").body()).has("did_you_mean"))
                .as("nothing named near it").isFalse();
        assertThat(json("/api/v1/openapi.json").at("/components/schemas/Refusal/properties/did_you_mean").isMissingNode()).isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesEveryParameterTheApiReads() {
        JsonNode document = json("/api/v1/openapi.json");
        JsonNode parameters = document.get("paths").get("/api/v1/matches").get("get").get("parameters");

        assertThat(parameters.valueStream().map(p -> p.get("name").asString()).toList()).containsExactlyInAnyOrder(
                "domain", "place", "lat", "lon", "radius", "province", "language", "age", "gender", "open_now", "open_24_7",
                "substance_use_accessible", "no_status_required", "trafficking_specific", "accepting_new_clients", "q", "limit", "lang");
        assertThat(json("/api/v1/matches?domain=health&place=Halifax&radius=province&province=NS&language=en&age=30"
                + "&gender=women&open_now=false&open_24_7=false&substance_use_accessible=false&no_status_required=false"
                + "&trafficking_specific=false&accepting_new_clients=false&q=sant%C3%A9&limit=5&lang=pt").get("place")
                .get("name").asString()).isEqualTo("Halifax");
        assertThat(json("/api/v1/matches?lat=44.65&lon=-63.57&radius=10").get("total").asInt()).isPositive();
    }

    @Test
    void everyResultHasTheFieldsTheOpenApiDocumentNamesAndNoOther() {
        JsonNode match = json("/api/v1/openapi.json").get("components").get("schemas").get("Match");
        List<String> documented = List.copyOf(match.get("properties").propertyNames());
        JsonNode reason = match.get("properties").get("reasons").get("items");
        List<String> reasonCodes = reason.get("properties").get("code").get("enum").valueStream().map(JsonNode::asString).toList();
        JsonNode answer = json("/api/v1/matches?domain=legal-aid&domain=health&place=Calgary&radius=50&lang=en");

        assertThat(answer.get("results").size()).isPositive();
        for (JsonNode result : answer.get("results")) {
            // an organisation is named when the service has one; every other field is always there, null or not
            assertThat(result.propertyNames()).containsAll(documented.stream().filter(f -> !f.equals("organization")).toList())
                    .isSubsetOf(documented);
            assertThat(result.get("url").asString()).isEqualTo("/services/" + result.get("id").asString());
            assertThat(result.get("name_language").asString()).isIn("fr", "en");
            for (JsonNode said : result.get("reasons")) {
                assertThat(said.get("code").asString()).isIn(reasonCodes);
                assertThat(said.propertyNames()).isSubsetOf(reason.get("properties").propertyNames());
            }
        }
    }

    @Test
    void anAnswerArrivesWholeWithItsLengthAndMayBeKeptForHalfAMinute() {
        HttpResponse<String> answer = visitor.get("/api/v1/matches?domain=health&place=Toronto&radius=100&lang=en");

        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.headers().firstValue("Content-Length")).as("not sent in chunks")
                .contains(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(answer.headers().firstValue("Cache-Control")).contains("max-age=30, public");
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameAnswerCompressed() throws IOException {
        String path = "/api/v1/matches?domain=health&domain=legal-aid&place=Toronto&radius=50&lang=fr";
        HttpResponse<String> plain = visitor.get(path);
        HttpResponse<byte[]> compressed = visitor.getBytes(path, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        HttpResponse<String> refused = visitor.get(path, "Accept-Encoding", "gzip;q=0, identity");

        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
        assertThat(compressed.body().length).isLessThan(plain.body().length() / 4);
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());
        // a shared cache keeps the two apart
        for (HttpResponse<?> answer : List.of(plain, compressed, refused)) {
            assertThat(answer.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("accept-encoding"));
        }
    }

    @Test
    void everyActiveServiceOfTheDirectoryCanBeFound() {
        int active = jdbc.sql("select count(*) from services where status = 'active'").query(Integer.class).single();

        assertThat(active).isGreaterThan(400);
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(json("/api/v1/matches?limit=1").get("total").asInt()).isEqualTo(active));
    }

    @Test
    void anEditIsFindableWithinASecondWithoutARestart() {
        String word = "Zephyrine" + System.nanoTime();
        assertThat(json("/api/v1/matches?q=" + word).get("total").asInt()).isZero();

        StaffSession curator = StaffSession.signIn(port);
        HtmlForm service = newService(curator, word)
                .set("recordLanguage", "fr").set("nameFr", "Halte " + word).set("nameEn", "Drop-in " + word)
                .set("descriptionFr", "Accueil de jour.").set("descriptionEn", "Day drop-in.")
                .set("domains", "material-needs").set("phone", "(418) 555-0199")
                .set("address", "12 rue des Glaciers").set("city", "Sept-Îles").set("province", "QC")
                .set("postalCode", "G4R 1A1").set("latitude", "50.2169").set("longitude", "-66.3810").set("area", "LOCAL");
        assertThat(curator.submit(service).statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(
                json("/api/v1/matches?domain=material-needs&place=Sept-%C3%8Eles&radius=5&q=" + word).get("total").asInt())
                .isEqualTo(1));
        // written in French, translated into English: each reader gets the name in their language
        assertThat(json("/api/v1/matches?q=" + word + "&lang=en").get("results").get(0).get("name").asString())
                .isEqualTo("Drop-in " + word);
        assertThat(json("/api/v1/matches?q=" + word + "&lang=fr").get("results").get(0).get("name").asString())
                .isEqualTo("Halte " + word);
    }

    @Test
    void aServiceIsFoundByTheWordsOfWhatItOffersInBothItsLanguagesNotByThoseOfItsFees() {
        String word = "Zephyrine" + System.nanoTime();
        StaffSession curator = StaffSession.signIn(port);
        HtmlForm service = newService(curator, word)
                .set("recordLanguage", "fr").set("nameFr", "Halte " + word).set("nameEn", "Drop-in " + word)
                .set("descriptionFr", "Accueil de jour, quartier Alizarine.").set("descriptionEn", "Day drop-in, Bergamot district.")
                .set("eligibilityFr", "Personnes de Cinabre.").set("eligibilityEn", "People from Dolomite.")
                .set("feesFr", "Gratuit, Ecarlate.").set("feesEn", "Free, Fuchsine.")
                .set("domains", "material-needs").set("phone", "(418) 555-0198")
                .set("city", "Rimouski").set("province", "QC").set("area", "LOCAL");
        assertThat(curator.submit(service).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(found(word)).isEqualTo(1));

        for (String offered : List.of("halte", "drop-in", "alizarine", "bergamot", "cinabre", "dolomite")) {
            assertThat(found(offered + " " + word)).as(offered).isEqualTo(1);
        }
        for (String fees : List.of("ecarlate", "fuchsine")) {
            assertThat(found(fees + " " + word)).as("%s, of its fees, written in French or translated into English", fees).isZero();
        }
    }

    @Test
    void aWordTypedInFrenchFindsAServiceDescribedOnlyInEnglish() {
        String word = "Zephyrine" + System.nanoTime();
        StaffSession curator = StaffSession.signIn(port);
        HtmlForm service = newService(curator, word)
                .set("recordLanguage", "en").set("nameEn", "Overnight shelter " + word)
                .set("descriptionEn", "Beds for trafficked people; a doctor visits on Tuesdays.")
                .set("domains", "short-term-housing").set("phone", "(204) 555-0199")
                .set("city", "Brandon").set("province", "MB").set("area", "LOCAL");
        assertThat(curator.submit(service).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(found(word)).isEqualTo(1));

        assertThat(found("hébergement " + word)).isEqualTo(1);
        assertThat(found("HEBERGEMENTS " + word)).isEqualTo(1);
        assertThat(found("médecin " + word)).isEqualTo(1);
        assertThat(found("traite " + word)).as("“traite des personnes” is trafficking").isEqualTo(1);
        assertThat(found("traitement " + word)).as("a treatment is not trafficking").isZero();
        assertThat(found("avocat " + word)).as("nothing about a lawyer").isZero();
    }

    @Test
    void chineseTypedWithoutSpacesFindsWhatItsWordsFind() {
        int doctors = json("/api/v1/matches?lang=zh&q=" + URLEncoder.encode("医生", StandardCharsets.UTF_8)).get("total").asInt();

        assertThat(doctors).isPositive();
        assertThat(json("/api/v1/matches?lang=zh&q=" + URLEncoder.encode("我需要医生", StandardCharsets.UTF_8)).get("total").asInt())
                .as("I need a doctor").isEqualTo(doctors);
        JsonNode freeLawyer = json("/api/v1/matches?lang=zh&q=" + URLEncoder.encode("免费律师", StandardCharsets.UTF_8));
        assertThat(freeLawyer.get("total").asInt()).as("free lawyer")
                .isEqualTo(json("/api/v1/matches?q=free%20lawyer").get("total").asInt()).isPositive();
    }

    @Test
    void aMistypedWordIsAnsweredWithTheWordItMayHaveMeant() {
        JsonNode nothing = json("/api/v1/matches?q=hebregement&place=Gatineau&lang=en");

        assertThat(nothing.get("total").asInt()).isZero();
        JsonNode meant = nothing.get("relaxations").get(0);
        assertThat(meant.get("q").asString()).isEqualTo("hébergement");
        // the words typed are set apart (U+2068, U+2069), so a right-to-left sentence does not break them
        assertThat(meant.get("label").asString()).isEqualTo("“\u2068hébergement\u2069” instead of “\u2068hebregement\u2069”");
        assertThat(meant.get("total").asInt()).isEqualTo(found("hébergement"));
        assertThat(nothing.get("relaxations").get(1).get("label").asString()).as("and without the words")
                .isEqualTo("without “words”");
    }

    @Test
    void theWordsTheFinderSuggestsInEachOfItsLanguagesFindServicesInTheDemoDirectory() {
        for (String language : List.of("en", "fr", "es", "pt", "tl", "zh", "pa", "ar", "uk")) {
            String example = messages.getMessage("finder.words.example", null, Locale.forLanguageTag(language));
            // the example ends with its two words ("e.g. doctor, night"; "例如 医生、夜间")
            List<String> words = Pattern.compile("[\\p{L}\\p{M}]+").matcher(example).results().map(MatchResult::group).toList();
            assertThat(words.subList(words.size() - 2, words.size())).as(example)
                    .allSatisfy(word -> assertThat(found(word)).as("found by “%s”", word).isPositive());
        }
    }

    /** The new service form of a new organization, for a curator to fill in. */
    private HtmlForm newService(StaffSession curator, String word) {
        HtmlForm organization = curator.form("/app/directory/organizations/new", "form.curation")
                .set("recordLanguage", "fr").set("nameFr", "Organisme " + word)
                .set("descriptionFr", "Un organisme fictif pour les tests.").set("phone", "(418) 555-0100");
        String created = curator.submit(organization).headers().firstValue("Location").orElseThrow();
        String id = created.replaceAll(".*/organizations/([0-9a-f-]{36})/edit.*", "$1");
        return curator.form("/app/directory/services/new?organization=" + id, "form.curation");
    }

    private int found(String words) {
        return json("/api/v1/matches?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)).get("total").asInt();
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = visitor.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

}
