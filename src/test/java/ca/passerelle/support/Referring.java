package ca.passerelle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;

/** What a worker does through the pages before a referral can be followed: record, consent, refer. */
public final class Referring {

    /** The reason every referral sent here gives, in the sender's words. */
    public static final String REASON = "Needs a safe place and a health check";

    private Referring() {
    }

    /** Records a person in Alberta who needs health care, housing and safety; returns their id. */
    public static String recordPerson(StaffSession worker, String name, String channel, String safeContact) {
        String location = worker.submit(worker.form("/app/persons/new", "form[action$='/app/persons']").set("chosenName", name)
                        .set("province", "AB").set("needs", "health", "short-term-housing", "immediate-safety")
                        .set("contactChannel", channel).set("safeContact", safeContact))
                .headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*/app/persons/([0-9a-f-]{36}).*", "$1");
    }

    /** Records the person's spoken consent to share these categories with one organisation, for referral; returns its id. */
    public static String consent(StaffSession worker, String person, String recipient, String... categories) {
        worker.submit(worker.form("/app/persons/" + person + "/consents/new", "form.stacked")
                .set("categories", categories).set("recipients", recipient).set("givenAs", "SPOKEN"));
        return worker.get("/app/persons/" + person).body().replaceAll("(?s).*/consents/([0-9a-f-]{36})/withdraw.*", "$1");
    }

    /** Refers the person to the organisation's first service near Calgary; returns the ids on the person's board. */
    public static List<String> refer(StaffSession worker, String person, String receiver, String urgency) {
        String page = worker.get("/app/persons/" + person + "/referrals/new?place=Calgary&lang=en").body();
        HttpResponse<String> sent = worker.submit(HtmlForm.of(page, "form.stacked").set("services", serviceOf(page, receiver))
                .set("urgency", urgency).set("reason", REASON));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String board = worker.get("/app/referrals?person=" + person).body();
        return Jsoup.parse(board).select("a[href*=/app/referrals/]").stream()
                .map(link -> link.attr("href").replaceAll(".*/app/referrals/([0-9a-f-]{36}).*", "$1"))
                .filter(id -> id.length() == 36).toList();
    }

    /** The first service on the referral page that the organisation receives. */
    public static String serviceOf(String page, String organisation) {
        return Jsoup.parse(page).select("li.candidate").stream()
                .filter(candidate -> candidate.text().contains(organisation)).findFirst()
                .map(candidate -> candidate.attr("data-service"))
                .orElseThrow(() -> new AssertionError("no service of " + organisation + " on the page"));
    }
}
