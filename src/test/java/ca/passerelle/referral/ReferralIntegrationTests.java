package ca.passerelle.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import ca.passerelle.support.Events;
import ca.passerelle.support.HtmlForm;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.MovableClock;
import ca.passerelle.support.Referring;
import ca.passerelle.support.SchemaOwner;
import ca.passerelle.support.StaffSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A referral leaves only under consent, shows its receiver only what the consent covers (and
 * nothing from the moment it is withdrawn), has one winner when two people answer at once, and
 * is followed up when nobody answers.
 */
@IntegrationTest
class ReferralIntegrationTests {

    private static final String BOREALE = "Clinique Boréale (démo)";
    private static final String CEDRE = "Refuge Cèdre (démo)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void sendsNothingWithoutConsentAndSaysWhyInTheWorkersLanguage() {
        StaffSession sender = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String person = recordPerson(sender, "Sans Consentement");
        String page = sender.get("/app/persons/" + person + "/referrals/new?place=Calgary&lang=fr").body();
        assertThat(page).contains("La personne n’a pas consenti au partage avec " + BOREALE);
        String service = Referring.serviceOf(page, BOREALE);
        long before = jdbc.sql("select count(*) from referrals").query(Long.class).single();

        HttpResponse<String> refused = sender.submit(HtmlForm.of(page, "form.stacked").set("services", service)
                .set("urgency", "ROUTINE").set("reason", "Besoin d’un suivi de santé"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("La personne n’a pas consenti au partage avec cet organisme dans ce but.");
        assertThat(jdbc.sql("select count(*) from referrals").query(Long.class).single()).isEqualTo(before);
        assertThat(SchemaOwner.sql(context).sql("select count(*) from audit_trail where action = 'consent.share'"
                + " and outcome = 'refused' and record_id = :person").param("person", person).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void farFromEveryServiceAWorkerIsShownTheNearestFartherOutRatherThanAnEmptyList() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String person = recordPerson(worker, "Loin De Tout");

        Document banff = Jsoup.parse(worker.get("/app/persons/" + person + "/referrals/new?place=Banff&lang=en").body());
        assertThat(banff.select("#services .notice").text())
                .isEqualTo("Nothing within 50 km of that place: these services are within 250 km.");
        assertThat(banff.select(".candidate")).isNotEmpty();

        Document calgary = Jsoup.parse(worker.get("/app/persons/" + person + "/referrals/new?place=Calgary&lang=fr").body());
        assertThat(calgary.select("#services .notice")).as("services within 50 km: nothing to say").isEmpty();
        assertThat(Jsoup.parse(worker.get("/app/persons/" + person + "/referrals/new?place=Banff&lang=fr").body())
                .select("#services .notice").text())
                .isEqualTo("Rien à moins de 50 km de ce lieu : ces services sont à moins de 250 km.");
    }

    @Test
    void aWorkerIsOfferedOnlyServicesThatWouldTakeThePersonForTheirAgeAndGender() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String man = recordPerson(worker, "Homme Adulte", "1990", "man");
        String girl = recordPerson(worker, "Jeune Femme", String.valueOf(Year.now().getValue() - 17), "woman");

        Document forHim = Jsoup.parse(worker.get("/app/persons/" + man + "/referrals/new?place=Calgary&lang=en").body());
        assertThat(forHim.select("#fitting").text()).isEqualTo("Only services that take people aged " + (Year.now().getValue() - 1990)
                + ", the age the person turns this year, and are open to men.");
        assertThat(forHim.select(".candidate").eachText()).isNotEmpty()
                .noneMatch(text -> text.contains("Emergency shelter for women")).noneMatch(text -> text.contains("Youth emergency shelter"));

        Document forHer = Jsoup.parse(worker.get("/app/persons/" + girl + "/referrals/new?place=Calgary&lang=fr").body());
        assertThat(forHer.select("#fitting").text()).isEqualTo(
                "Seulement les services qui accueillent les personnes de 17 ans, l’âge que la personne atteint cette année, et ouverts aux femmes.");
        assertThat(forHer.select(".candidate").eachText()).anyMatch(text -> text.contains("Hébergement d’urgence pour femmes"))
                .noneMatch(text -> text.contains("Logement de deuxième étape")); // 18 and over
    }

    @Test
    void servicesSpeakingThePersonsLanguageComeFirstAndSaySoWithoutHidingTheOthers() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String person = recordPerson(worker, "Parle Tagalog", "1990", "woman", "tl");

        Elements candidates = Jsoup.parse(worker.get("/app/persons/" + person + "/referrals/new?place=Calgary&lang=en").body())
                .select(".candidate");
        List<Boolean> speaking = candidates.stream().map(candidate -> !candidate.select(".speaks").isEmpty()).toList();
        assertThat(speaking).as("those speaking Tagalog first").startsWith(true).contains(false)
                .isSortedAccordingTo(Comparator.comparing((Boolean speaks) -> !speaks));
        assertThat(candidates.select(".speaks").eachText()).containsOnly("Speaks Tagalog, as the person does.");
    }

    @Test
    void aPostalCodeForAPlaceFindsServicesInItsProvince() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String person = recordPerson(worker, "Code Postal"); // in Alberta

        Document page = Jsoup.parse(worker.get("/app/persons/" + person + "/referrals/new?place=M5V+3L9&lang=en").body());
        assertThat(page.select(".notice.postal-code").text()).isEqualTo("A postal code tells only its province (Ontario):"
                + " these services are anywhere in it. Type the city or town to see the nearest first.");
        assertThat(page.select(".candidate").eachText()).as("Ontario's services, not those of the person's Alberta")
                .anyMatch(text -> text.contains("Toronto")).noneMatch(text -> text.contains("Calgary") || text.contains("Edmonton"));
    }

    @Test
    void aMistypedPlaceOffersThePlacesTheWorkerMayHaveMeant() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String person = recordPerson(worker, "Faute De Frappe");

        Document typo = Jsoup.parse(worker.get("/app/persons/" + person + "/referrals/new?place=Calgray&lang=en").body());
        assertThat(typo.select(".notice").text()).startsWith("That place is not known").contains("Did you mean: Calgary (AB)");
        Document calgary = Jsoup.parse(worker.get(typo.select("a.place-meant").first().attr("href")).body());
        assertThat(calgary.select("#place").val()).isEqualTo("Calgary, AB");
        assertThat(calgary.select(".notice")).as("the place is known now").isEmpty();
        assertThat(calgary.text()).contains(BOREALE);
    }

    @Test
    void showsTheReceiverOnlyWhatIsConsentedAndNothingOnceConsentIsWithdrawn() {
        StaffSession sender = StaffSession.signIn(port, jdbc, "intake-coordinator@aurore.example");
        String person = recordPerson(sender, "Nadia Partagée");
        String consent = Referring.consent(sender, person, organisation(BOREALE), "IDENTITY", "NEEDS");
        String referral = refer(sender, person, BOREALE).getFirst();
        StaffSession receiver = StaffSession.signIn(port, jdbc, "case-manager@boreale.example");

        String seen = receiver.get("/app/referrals/" + referral + "?lang=en").body();
        assertThat(seen).contains("Nadia Partagée", "Viewed", "Not directly: through the worker who refers them")
                .doesNotContain("555 0142");

        sender.submit(sender.form("/app/persons/" + person, "form[action$='/consents/" + consent + "/withdraw']"));

        String after = receiver.get("/app/referrals/" + referral + "?lang=en").body();
        assertThat(after).doesNotContain("Nadia").contains("The person withdrew their consent to share with this organisation.")
                .contains(Referring.REASON);
        assertThat(SchemaOwner.sql(context).sql("select r::text from referrals r where id = :id")
                .param("id", UUID.fromString(referral)).query(String.class).single())
                .as("the sender's words are ciphertext at rest").doesNotContain("safe place", "health check");
    }

    @Test
    void letsExactlyOneOfTwoSimultaneousAnswersWin() throws Exception {
        StaffSession sender = StaffSession.signIn(port, jdbc, "case-manager@aurore.example");
        String person = recordPerson(sender, "Deux Réponses");
        Referring.consent(sender, person, organisation(CEDRE), "NEEDS");
        String referral = refer(sender, person, CEDRE).getFirst();
        StaffSession first = StaffSession.signIn(port, jdbc, "hotline-operator@cedre.example");
        StaffSession second = StaffSession.signIn(port, jdbc, "case-manager@cedre.example");
        HtmlForm accept = first.form("/app/referrals/" + referral, "form[action$='/accept']");
        HtmlForm decline = second.form("/app/referrals/" + referral, "form[action$='/decline']").set("reason", "NO_CAPACITY");
        assertThat(accept.value("version")).as("both made from the same version").isEqualTo(decline.value("version"));

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<HttpResponse<String>> accepting = CompletableFuture.supplyAsync(() -> {
            await(together);
            return first.submit(accept, "Accept-Language", "en");
        });
        CompletableFuture<HttpResponse<String>> declining = CompletableFuture.supplyAsync(() -> {
            await(together);
            return second.submit(decline, "Accept-Language", "en");
        });
        List<Integer> statuses = List.of(accepting.get().statusCode(), declining.get().statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        HttpResponse<String> loser = accepting.get().statusCode() == 409 ? accepting.get() : declining.get();
        assertThat(loser.body()).contains("Someone else changed this referral meanwhile", "Nothing was changed");
        assertThat(jdbc.sql("select count(*) from referral_steps where referral = :id and status in ('ACCEPTED', 'DECLINED')")
                .param("id", UUID.fromString(referral)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsAReferralBetweenItsTwoEnds() {
        StaffSession sender = StaffSession.signIn(port, jdbc, "hotline-operator@boreale.example");
        String person = recordPerson(sender, "Entre Deux");
        Referring.consent(sender, person, organisation(CEDRE), "IDENTITY");
        String referral = refer(sender, person, CEDRE).getFirst();
        StaffSession stranger = StaffSession.signIn(port, jdbc, "intake-coordinator@aurore.example");

        assertThat(stranger.get("/app/referrals/" + referral).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/app/referrals/inbox").body()).doesNotContain(referral);
        assertThat(stranger.submit("/app/referrals/inbox", "/app/referrals/" + referral + "/withdraw",
                java.util.Map.of("version", "1")).statusCode()).isEqualTo(404);
        assertThat(sender.submit("/app/referrals/" + referral, "/app/referrals/" + referral + "/accept",
                java.util.Map.of("version", "1")).statusCode()).as("the sender does not answer its own referral").isEqualTo(403);
        assertThat(jdbc.sql("select status from referrals where id = :id").param("id", UUID.fromString(referral))
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void sharesWithoutConsentOnlyForImminentDangerWithAReasonAndTellsTheAdministrators() {
        StaffSession sender = StaffSession.signIn(port, jdbc, "hotline-operator@cedre.example");
        String person = recordPerson(sender, "Danger Imminent");
        String form = "/app/persons/" + person + "/consents/vital-interest?recipient=" + organisation(BOREALE) + "&lang=en";

        HttpResponse<String> refused = sender.submit(sender.form(form, "form.stacked").set("reason", "urgent"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Give the reason, in at least 10 characters");
        assertThat(sender.get("/app/persons/" + person + "/referrals/new?place=Calgary&lang=en").body())
                .contains("The person has not consented to share with " + BOREALE);

        HttpResponse<String> shared = sender.submit(sender.form(form, "form.stacked")
                .set("reason", "Threatened tonight by the person who controls her"));
        assertThat(shared.statusCode()).isEqualTo(302);
        String referral = Referring.refer(sender, person, BOREALE, "EMERGENCY").getFirst();
        StaffSession receiver = StaffSession.signIn(port, jdbc, "hotline-operator@boreale.example");
        assertThat(receiver.get("/app/referrals/" + referral).body()).contains("Danger Imminent");

        Events.settle(context);
        StaffSession administrator = StaffSession.signIn(port, jdbc, "organisation-administrator@cedre.example");
        assertThat(administrator.get("/app/notices?lang=en").body())
                .contains("A person’s record was shared without consent because of imminent danger");
        assertThat(SchemaOwner.sql(context).sql("select string_agg(v::text, ' ') from vital_interest_shares v")
                .query(String.class).single()).doesNotContain("Threatened");
    }

    @Test
    void remindsTheReceiverThenAlertsTheSenderThenExpiresAnUnansweredEmergency() {
        MovableClock clock = context.getBean(MovableClock.class);
        ReferralFollowUp followUp = context.getBean(ReferralFollowUp.class);
        StaffSession sender = StaffSession.signIn(port, jdbc, "case-manager@boreale.example");
        String person = recordPerson(sender, "Urgence Oubliée");
        Referring.consent(sender, person, organisation(CEDRE), "NEEDS");
        String referral = Referring.refer(sender, person, CEDRE, "EMERGENCY").getFirst();
        try {
            clock.advance(Duration.ofMinutes(119));
            followUp.followUp();
            assertThat(reminders(referral)).as("not before two hours").isZero();

            clock.advance(Duration.ofMinutes(2));
            followUp.followUp();
            assertThat(reminders(referral)).as("the receiver is reminded").isEqualTo(1);
            followUp.followUp();
            assertThat(reminders(referral)).as("once").isEqualTo(1);

            clock.advance(Duration.ofHours(2));
            followUp.followUp();
            assertThat(reminders(referral)).as("then the sender is alerted").isEqualTo(2);
            String seen = sender.get("/app/referrals/" + referral + "?lang=en").body();
            assertThat(seen).contains("Other services to try", "the referral expires at");

            clock.advance(Duration.ofDays(14));
            followUp.followUp();
            assertThat(jdbc.sql("select status from referrals where id = :id").param("id", UUID.fromString(referral))
                    .query(String.class).single()).isEqualTo("EXPIRED");
        } finally {
            clock.reset();
        }
    }

    private int reminders(String referral) {
        return jdbc.sql("select reminders from referrals where id = :id").param("id", UUID.fromString(referral))
                .query(Integer.class).single();
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    private static String recordPerson(StaffSession worker, String name) {
        return Referring.recordPerson(worker, name, "THROUGH_WORKER", "+1 403 555 0142");
    }

    /** A person in Alberta who needs a place to stay and safety, of this year of birth and gender, speaking these languages. */
    private static String recordPerson(StaffSession worker, String name, String birthYear, String gender, String... languages) {
        String location = worker.submit(worker.form("/app/persons/new", "form[action$='/app/persons']").set("chosenName", name)
                        .set("province", "AB").set("needs", "short-term-housing", "long-term-housing", "immediate-safety")
                        .set("birthYear", birthYear).set("gender", gender).set("languages", languages)
                        .set("contactChannel", "THROUGH_WORKER"))
                .headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*/app/persons/([0-9a-f-]{36}).*", "$1");
    }

    private static List<String> refer(StaffSession worker, String person, String receiver) {
        return Referring.refer(worker, person, receiver, "ROUTINE");
    }

    private String organisation(String name) {
        return jdbc.sql("select id::text from network_organisations where name = :name").param("name", name)
                .query(String.class).single();
    }
}
