package ca.passerelle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ca.passerelle.referral.ReferralId;
import ca.passerelle.referral.ReferralStatus;
import ca.passerelle.referral.ReferralStatusChanged;
import ca.passerelle.referral.Urgency;
import ca.passerelle.support.Events;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.MovableClock;
import ca.passerelle.support.Referring;
import ca.passerelle.support.SchemaOwner;
import ca.passerelle.support.StaffSession;
import ca.passerelle.support.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff hear of what concerns them, in the application and by e-mail, only once the change is
 * committed, even when the mail server was away, and never a word about the person.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationIntegrationTests {

    private static final String CANARY = "Canari Oiseau-Lyre";
    private static final String CANARY_CONTACT = "403 555 0177";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void tellsTheReceiverThenTheSenderWithALinkAndNeverAWordAboutThePerson(CapturedOutput output) throws Exception {
        StaffSession sender = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        String person = recordPerson(sender, CANARY);
        consent(sender, person, "Refuge Cèdre (démo)");
        String referral = refer(sender, person, "Refuge Cèdre (démo)");
        delivery().deliver();

        List<MimeMessage> received = to(referral, "intake-coordinator@cedre.example");
        assertThat(received).hasSize(1);
        assertThat(text(received.getFirst())).contains("Une orientation a été envoyée à votre organisme",
                "A referral was sent to your organisation", "/app/referrals/" + referral);
        assertThat(to(referral, "directory-curator@cedre.example")).as("only those who answer referrals").isEmpty();

        StaffSession receiver = StaffSession.signIn(port, jdbc, "intake-coordinator@cedre.example");
        assertThat(receiver.get("/app/notices?lang=en").body()).contains("A referral was sent to your organisation",
                "/app/referrals/" + referral);
        receiver.submit(receiver.form("/app/referrals/" + referral, "form[action$='/accept']"));
        delivery().deliver();
        assertThat(to(referral, "hotline-operator@aurore.example")).singleElement()
                .satisfies(mail -> assertThat(text(mail)).contains("A referral you sent was accepted"));

        for (MimeMessage mail : TestMailServer.received()) {
            assertThat(text(mail) + mail.getSubject()).doesNotContain("Canari", "Oiseau", CANARY_CONTACT);
        }
        assertThat(SchemaOwner.sql(context).sql("select coalesce(string_agg(serialized_event, ' '), '') from event_publication")
                .query(String.class).single()).doesNotContain("Canari", "Oiseau", CANARY_CONTACT);
        assertThat(output.getAll()).doesNotContain("Canari", "Oiseau", CANARY_CONTACT);
    }

    @Test
    void keepsAnEmailUntilTheMailServerIsBack() throws Exception {
        MovableClock clock = context.getBean(MovableClock.class);
        StaffSession sender = StaffSession.signIn(port, jdbc, "case-manager@boreale.example");
        String person = recordPerson(sender, "Patience Courrier");
        consent(sender, person, "Maison Aurore (démo)");
        TestMailServer.stop();
        String referral;
        try {
            referral = refer(sender, person, "Maison Aurore (démo)");
            delivery().deliver();
            assertThat(waiting(referral)).as("still waiting, attempted once").isEqualTo(List.of(1));
        } finally {
            TestMailServer.start();
        }
        try {
            delivery().deliver();
            assertThat(to(referral, "case-manager@aurore.example")).as("not before its pause is over").isEmpty();
            clock.advance(Duration.ofMinutes(2));
            delivery().deliver();
        } finally {
            clock.reset();
        }
        assertThat(to(referral, "case-manager@aurore.example")).hasSize(1);
        assertThat(waiting(referral)).isEmpty();
    }

    @Test
    void tellsNothingOfAChangeThatRolledBack() {
        ReferralId never = new ReferralId(UUID.randomUUID());
        UUID organisation = jdbc.sql("select id from network_organisations where name like 'Refuge Cèdre%'")
                .query(UUID.class).single();

        context.getBean(TransactionTemplate.class).executeWithoutResult(transaction -> {
            context.publishEvent(new ReferralStatusChanged(never, organisation,
                    UUID.randomUUID(), organisation, ReferralStatus.SENT, Urgency.EMERGENCY));
            transaction.setRollbackOnly();
        });
        delivery().deliver();

        assertThat(SchemaOwner.sql(context).sql("select count(*) from notices where link = :link")
                .param("link", "/app/referrals/" + never).query(Long.class).single()).isZero();
    }

    /** The delivery, once every listener has handled the events published so far: they run after their commit, apart. */
    private MailDelivery delivery() {
        Events.settle(context);
        return context.getBean(MailDelivery.class);
    }

    private List<Integer> waiting(String referral) {
        return SchemaOwner.sql(context).sql("""
                        select m.attempts from outgoing_mail m join notices n on n.id = m.notice
                        where n.link = :link and m.sent_at is null and m.last_failure is not null""")
                .param("link", "/app/referrals/" + referral).query(Integer.class).list().stream().distinct().toList();
    }

    private static List<MimeMessage> to(String referral, String address) throws MessagingException {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage mail : TestMailServer.received()) {
            boolean addressed = Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
            if (addressed && text(mail).contains(referral)) {
                found.add(mail);
            }
        }
        return found;
    }

    private static String text(MimeMessage mail) {
        try {
            return new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String recordPerson(StaffSession worker, String name) {
        return Referring.recordPerson(worker, name, "PHONE", CANARY_CONTACT);
    }

    private void consent(StaffSession worker, String person, String organisation) {
        Referring.consent(worker, person, jdbc.sql("select id::text from network_organisations where name = :name")
                .param("name", organisation).query(String.class).single(), "IDENTITY", "CONTACT", "NEEDS");
    }

    private static String refer(StaffSession worker, String person, String organisation) {
        return Referring.refer(worker, person, organisation, "WITHIN_72_HOURS").getFirst();
    }
}
