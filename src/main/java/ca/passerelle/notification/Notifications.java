package ca.passerelle.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.consent.VitalInterestInvoked;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.Permission;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.referral.ReferralOverdue;
import ca.passerelle.referral.ReferralReminderDue;
import ca.passerelle.referral.ReferralStatus;
import ca.passerelle.referral.ReferralStatusChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Turns what happened elsewhere into notices for the staff concerned, and e-mails when a mail
 * server is configured. Events reach it only once their change is committed (the event
 * publication registry keeps them until handled), so nothing is told of a change that rolled back,
 * and a notice is recorded once however many times its event is delivered.
 */
@Service
public class Notifications {

    private static final Duration SHOWN_FOR = Duration.ofDays(30);

    private final Notices notices;
    private final Organisations organisations;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    Notifications(Notices notices, Organisations organisations, ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.notices = notices;
        this.organisations = organisations;
        this.mail = mail;
        this.clock = clock;
    }

    /** The notices of the reader's organisation that their permissions let them see, from the last 30 days. */
    @PreAuthorize("isAuthenticated()")
    public List<Notice> latest(StaffMember reader) {
        return notices.latest(reader.organisation(), reader.permissions().stream().map(Permission::name).toList(),
                clock.instant().minus(SHOWN_FOR));
    }

    @ApplicationModuleListener
    void on(ReferralStatusChanged changed) {
        String link = "/app/referrals/" + changed.id();
        String once = "referral/" + changed.id() + "/" + changed.status();
        switch (changed.status()) {
            case SENT -> post(once, changed.receiver(), Permission.REFER, "referral-received", link,
                    organisations.addressesOf(changed.receiver(), Permission.REFER));
            case WITHDRAWN -> post(once, changed.receiver(), Permission.REFER, "referral-withdrawn", link,
                    organisations.addressesOf(changed.receiver(), Permission.REFER));
            case EXPIRED -> {
                post(once + "/receiver", changed.receiver(), Permission.REFER, "referral-expired", link, List.of());
                post(once, changed.sender(), Permission.REFER, "referral-expired", link, sendingWorker(changed.sentBy()));
            }
            case DRAFT, VIEWED -> {
                // seen on the timeline; not worth anyone's attention
            }
            default -> post(once, changed.sender(), Permission.REFER, "referral-" + changed.status().slug(), link,
                    sendingWorker(changed.sentBy()));
        }
    }

    @ApplicationModuleListener
    void on(ReferralReminderDue due) {
        post("referral/" + due.id() + "/reminder", due.receiver(), Permission.REFER, "referral-reminder",
                "/app/referrals/" + due.id(), organisations.addressesOf(due.receiver(), Permission.REFER));
    }

    @ApplicationModuleListener
    void on(ReferralOverdue overdue) {
        post("referral/" + overdue.id() + "/overdue", overdue.sender(), Permission.REFER, "referral-overdue",
                "/app/referrals/" + overdue.id(), sendingWorker(overdue.sentBy()));
    }

    @ApplicationModuleListener
    void on(VitalInterestInvoked invoked) {
        post("vital-interest/" + invoked.id(), invoked.organisation(), Permission.AUDIT_ORGANISATION, "vital-interest",
                "/app/audit", organisations.addressesOf(invoked.organisation(), Permission.AUDIT_ORGANISATION));
    }

    private List<String> sendingWorker(UUID account) {
        return organisations.addressOf(account).stream().toList();
    }

    private void post(String happening, UUID organisation, Permission permission, String kind, String link,
            Collection<String> addresses) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.nameUUIDFromBytes(happening.getBytes(StandardCharsets.UTF_8));
        notices.post(new Notice(id, organisation, permission.name(), kind, link, now),
                mail.getIfAvailable() == null ? Set.of() : addresses, now);
    }
}
