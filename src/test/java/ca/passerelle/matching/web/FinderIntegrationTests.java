package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public finder through HTTP, as a phone on a slow network or a privacy-minded person sees it. */
@IntegrationTest
class FinderIntegrationTests {

    @LocalServerPort
    int port;

    Http visitor;

    @BeforeEach
    void visit() {
        visitor = new Http(port);
    }

    @Test
    void anAnswerWeighsFarLessThanAHundredKilobytesWithEverythingItLoads() {
        HttpResponse<String> answer = visitor.get("/?lang=fr&domain=health&domain=legal-aid&domain=short-term-housing"
                + "&place=Montr%C3%A9al&radius=");
        Document page = Jsoup.parse(answer.body());

        assertThat(page.select(".result")).as("a full page of results").hasSize(20);
        assertThat(page.select(".bundle li")).isNotEmpty();
        long bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
        List<String> assets = new ArrayList<>(page.select("link[rel=stylesheet]").eachAttr("href"));
        assets.addAll(page.select("script[src]").eachAttr("src"));
        assertThat(assets).hasSize(2);
        for (String asset : assets) {
            bytes += visitor.getBytes(asset).body().length;
        }
        assertThat(bytes).as("bytes of the page, its stylesheet and its script, uncompressed").isLessThan(100_000);
        assertThat(page.select("img[src^=http], script[src^=http], link[href^=http]")).as("no third-party request").isEmpty();
    }

    @Test
    void aLongAnswerShowsTheBestFirstAndALinkToTheNextOnesThatLandsOnThem() {
        Document first = Jsoup.parse(visitor.get("/?lang=en&domain=health&place=Montr%C3%A9al").body());
        int total = Integer.parseInt(first.selectFirst("#results-heading").text().replaceAll("\\D", ""));

        assertThat(total).as("more than a page of health services in the demo").isGreaterThan(40);
        assertThat(first.select(".result")).hasSize(20);
        assertThat(first.selectFirst(".shown").text()).startsWith("Showing 20 of " + total);
        Element more = first.selectFirst(".shown a");
        assertThat(more.text()).isEqualTo("Show 20 more");
        assertThat(more.attr("href")).contains("limit=40").endsWith("#result-21");

        Document next = Jsoup.parse(visitor.get(more.attr("href")).body());
        assertThat(next.select(".result")).hasSize(40);
        List<String> firstTwenty = first.select(".result h3 a").eachAttr("href");
        assertThat(next.select("#result-21 .result h3 a").attr("href")).as("the first new one, where the link lands")
                .isNotEmpty().isNotIn(firstTwenty);
        assertThat(next.select(".result h3 a").eachAttr("href").subList(0, 20)).as("the first twenty, as they were")
                .isEqualTo(firstTwenty);
        assertThat(next.selectFirst(".shown a").attr("href")).contains("limit=60").endsWith("#result-41");

        int most = Math.min(total, 200);
        Document everything = Jsoup.parse(visitor.get("/?lang=en&domain=health&place=Montr%C3%A9al&limit=" + most).body());
        assertThat(everything.select(".result")).hasSize(most);
        assertThat(everything.select(".shown a")).as("as many as a search shows: nothing more to show").isEmpty();
    }

    @Test
    void leavesNoCookieAndKeepsNoResultPageInTheBrowsersCache() {
        HttpResponse<String> form = visitor.get("/");
        HttpResponse<String> answer = visitor.get("/?domain=health&place=Regina");

        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(form.headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aSlowPhoneFetchesTheStylesheetAndScriptOnceAVisitNotOnceAPage() {
        for (String asset : List.of("/css/passerelle.css", "/js/quick-exit.js")) {
            HttpResponse<byte[]> first = visitor.getBytes(asset);

            assertThat(first.headers().firstValue("Cache-Control")).as(asset).hasValueSatisfying(
                    cacheControl -> assertThat(cacheControl).contains("max-age=3600", "public").doesNotContain("no-store"));
            assertThat(visitor.getBytes(asset, "If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow())
                    .statusCode()).as("unchanged since: nothing sent again").isEqualTo(304);
        }
    }

    @Test
    void aPlaceItCannotFindIsExplainedInThePersonsLanguageAndNothingElseIsShown() {
        HttpResponse<String> answer = visitor.get("/?lang=es&place=Atlantis&domain=health");
        Document page = Jsoup.parse(answer.body());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(page.select("[role=alert]").text()).isEqualTo("Ninguna ciudad o pueblo de Canadá se llama «Atlantis».");
        assertThat(page.select("#place").val()).as("what was typed stays, to be corrected").isEqualTo("Atlantis");
        assertThat(page.select(".result")).isEmpty();
    }

    @Test
    void theLanguagesAServiceMaySpeakAreListedInTheReadersOwnWordsAndAlphabet() {
        List<String> spanish = Jsoup.parse(visitor.get("/?lang=es").body()).select("select[name=language] option[value]").eachText();
        List<String> punjabi = Jsoup.parse(visitor.get("/?lang=pa").body()).select("select[name=language] option[value]").eachText();

        assertThat(spanish.indexOf("árabe")).as("before chino, not after every unaccented name")
                .isGreaterThan(spanish.indexOf("amárico")).isLessThan(spanish.indexOf("chino"));
        assertThat(punjabi).as("Tagalog and Cree in Gurmukhi, as every other name").contains("ਤਾਗਾਲੋਗ", "ਕ੍ਰੀ")
                .noneMatch(name -> name.matches(".*[A-Za-z].*"));
    }

    @Test
    void aLinkNamingANeedItDoesNotKnowSaysSoInWordsAndLeavesTheNeedsToChooseFrom() {
        HttpResponse<String> answer = visitor.get("/?lang=fr&domain=sant%C3%A9-mentale&domain=health");
        Document page = Jsoup.parse(answer.body());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(page.select("[role=alert]").text())
                .isEqualTo("Passerelle ne connaît pas le besoin « santé-mentale ». Choisissez ce dont vous avez besoin dans la liste ci-dessus.");
        assertThat(page.select("input[name=domain]")).hasSize(12);
        assertThat(page.select("input[name=domain][checked]").eachAttr("value")).containsExactly("health");
        assertThat(page.select(".result")).isEmpty();
    }

    @Test
    void anAddressCutShortInATextMessageIsAnsweredInThePersonsLanguageWithTheHotlineNotTheServersBareError() throws IOException {
        String answer = raw("GET /services/%C3% HTTP/1.1", "Accept-Language: es");
        String api = raw("GET /api/v1/matches/% HTTP/1.1", "Accept-Language: fr");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("<html lang=\"es\"")
                .contains("No se pudo leer esta dirección").contains("href=\"tel:+18339001010\"").contains("data-quick-exit")
                .contains("<a href=\"/\">Encuentre ayuda en cualquier lugar de Canadá</a>").doesNotContain("Tomcat");
        assertThat(api).startsWith("HTTP/1.1 400").contains("text/plain").contains("Cette adresse n’a pas pu être lue")
                .contains("1-833-900-1010");
    }

    @Test
    void aSearchLinkCutShortInItsQueryIsRefusedInThePersonsLanguageWithTheHotline() throws IOException {
        String answer = raw("GET /?domain=health&place=Montr%C3%A HTTP/1.1", "Accept-Language: uk,en;q=0.5\r\nAccept: text/html");
        Document page = Jsoup.parse(answer.substring(answer.indexOf("<!DOCTYPE")));

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(page.select("html").attr("lang")).isEqualTo("uk");
        assertThat(page.select("h1").text()).isEqualTo("Цей запит не вдалося прийняти");
        assertThat(page.select("a[href^=tel:+1833]")).isNotEmpty();
        assertThat(page.select("a[data-quick-exit]")).isNotEmpty();
    }

    /** A request as a mangled link sends it, which no HTTP client of Java's would: the server's raw answer. */
    private String raw(String requestLine, String headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void arabicIsDeclaredRightToLeftAndTheQuickExitAndHotlineAreOnThePage() {
        Document page = Jsoup.parse(visitor.get("/?lang=ar").body());

        assertThat(page.select("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("a[data-quick-exit]").text()).isEqualTo("خروج سريع");
        assertThat(page.select("a[href^=tel:+1833]")).isNotEmpty();
        assertThat(page.select("nav.languages a")).hasSize(9);
    }

    @Test
    void aMultiNeedSearchShowsServicesThatTogetherCoverEveryNeed() {
        Document page = Jsoup.parse(visitor.get("/?lang=en&domain=short-term-housing&domain=legal-aid&domain=health"
                + "&place=Toronto&radius=50").body());

        assertThat(page.select(".bundle h3").text()).isEqualTo("Together, these cover your needs");
        assertThat(page.select(".bundle li")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void eachNeedNoServiceFoundCoversIsNamedWithTheNearestSearchThatFindsOneAndItsLinkKeepsEveryNeed() {
        String nearSudbury = "domain=short-term-housing&domain=legal-aid&domain=health&place=Sudbury&radius=50";
        Document page = Jsoup.parse(visitor.get("/?lang=en&" + nearSudbury).body());
        Element uncovered = page.select(".answer > .notice").first();

        assertThat(page.select(".result")).hasSize(1);
        assertThat(uncovered).isNotNull();
        assertThat(uncovered.select("> p").eachText()).containsExactly("None of the services found covers: Health, Legal aid.",
                "These searches would find services that do:");
        assertThat(uncovered.select("> ul > li").eachText()).containsExactly("Health within 500 km: 14 services",
                "Legal aid within 250 km: 2 services");
        Document wider = Jsoup.parse(visitor.get(uncovered.select("> ul > li").get(1).select("a").attr("href")).body());
        assertThat(wider.select("input[name=domain][checked]").eachAttr("value")).as("every need kept")
                .containsExactlyInAnyOrder("short-term-housing", "legal-aid", "health");
        assertThat(wider.select(".bundle li")).as("a shelter nearby and legal aid farther").hasSize(2);
        assertThat(wider.select(".answer > .notice > p").first().text()).isEqualTo("None of the services found covers: Health.");

        Document enFrançais = Jsoup.parse(visitor.get("/?lang=fr&" + nearSudbury).body());
        assertThat(enFrançais.select(".answer > .notice").text()).isEqualTo("Aucun des services trouvés ne couvre : Santé,"
                + " Aide juridique. Ces recherches trouveraient des services qui y répondent : Santé à moins de 500 km : 14 services"
                + " Aide juridique à moins de 250 km : 2 services");
    }

    @Test
    void aWiderDistanceItSuggestsIsCountedInWordsAndKeptByTheFormOnceFollowed() {
        Document nothing = Jsoup.parse(visitor.get("/?lang=en&domain=psychological-support&place=Yellowknife&radius=1").body());
        Element wider = nothing.select(".answer .notice a[href*=radius=]").first();

        assertThat(wider).isNotNull();
        assertThat(wider.text()).isEqualTo("within 250 km: 1 service");
        Document widened = Jsoup.parse(visitor.get(wider.attr("href")).body());
        assertThat(widened.select("#radius option[selected]").eachText()).containsExactly("within 250 km");
        assertThat(widened.select("#radius option[selected]").attr("value")).isEqualTo("250");
        assertThat(widened.select("#radius option").eachAttr("value")).as("among the usual distances, in order")
                .containsExactly("10", "25", "50", "100", "250", "province", "");
        assertThat(widened.select(".result")).hasSize(1);

        Document enFrançais = Jsoup.parse(visitor.get("/?lang=fr&domain=psychological-support&place=Yellowknife&radius=1").body());
        assertThat(enFrançais.select(".answer .notice a[href*=radius=]").text()).isEqualTo("à moins de 250 km : 1 service");
    }

    @Test
    void aMistypedPlaceOffersThePlacesItMayHaveMeantWithTheSameSearch() {
        HttpResponse<String> typo = visitor.get("/?lang=en&domain=health&place=Montreall&radius=25");
        Document page = Jsoup.parse(typo.body());
        Element meant = page.select(".notice.error a").first();

        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(page.select(".notice.error").text()).startsWith("No Canadian city or town is called “Montreall”. Did you mean: Montréal (QC)");
        assertThat(meant).isNotNull();
        Document there = Jsoup.parse(visitor.get(meant.attr("href")).body());
        assertThat(there.select("#results-heading").text()).startsWith("Services found near Montréal:");
        assertThat(there.select("#radius option[selected]").attr("value")).as("the rest of the search kept").isEqualTo("25");
        assertThat(there.select("input[name=domain][checked]").eachAttr("value")).containsExactly("health");
    }

    @Test
    void aMistypedWordOffersTheWordItMayHaveMeantWithWhatItFinds() {
        Document nothing = Jsoup.parse(visitor.get("/?lang=fr&place=Montr%C3%A9al&q=shleter").body());
        Element meant = nothing.select(".answer .notice a[href*=q=shelter]").first();

        assertThat(meant).isNotNull();
        assertThat(meant.text()).matches("« \u2068shelter\u2069 » au lieu de « \u2068shleter\u2069 » : \\d+ services");
        Document found = Jsoup.parse(visitor.get(meant.attr("href")).body());
        assertThat(found.select("#q").val()).isEqualTo("shelter");
        assertThat(found.select(".result")).isNotEmpty();
        assertThat(found.select("#results-heading").text()).startsWith("Services trouvés près de Montréal");
    }

    @Test
    void aPostalCodeFindsServicesInItsProvinceAndSaysWhyNotTheNearest() {
        Document page = Jsoup.parse(visitor.get("/?lang=en&domain=legal-aid&place=H2X+1Y4").body());

        assertThat(page.select(".notice.postal-code").text()).isEqualTo("A postal code tells Passerelle only its province (Quebec):"
                + " these services are anywhere in it. Type your city or town to see the nearest first.");
        assertThat(page.select(".result")).isNotEmpty();
        assertThat(page.select("#place").val()).as("kept, to be corrected").isEqualTo("H2X 1Y4");
    }

    @Test
    void anotherPageOfPasserelleStaysInFrenchOrEnglish() {
        Document page = Jsoup.parse(visitor.get("/services?lang=ar", "Accept-Language", "ar,fr;q=0.8").body());

        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("html").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void staffFindServicesInsideTheirAreaAndAnonymousVisitorsAreSentToSignIn() {
        StaffSession staff = StaffSession.signIn(port);
        HttpResponse<String> answer = staff.get("/app/match?lang=en&domain=short-term-housing&place=Toronto&radius=50");
        Document page = Jsoup.parse(answer.body());
        Document nothing = Jsoup.parse(staff.get("/app/match?lang=en&domain=legal-aid&place=Iqaluit&radius=2&open_24_7=on"
                + "&language=uk").body());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.select("form.finder-form").attr("action")).isEqualTo("/app/match#results");
        assertThat(page.select(".result")).isNotEmpty();
        assertThat(nothing.select(".answer .notice a").eachAttr("href")).as("what would find something, staying in the staff area")
                .isNotEmpty().allMatch(href -> href.startsWith("/app/match?"));
        assertThat(page.select("nav.languages")).as("staff pages are in French and English").isEmpty();
        assertThat(visitor.get("/app/match?domain=health").headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
