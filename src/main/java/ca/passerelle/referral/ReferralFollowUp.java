package ca.passerelle.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nobody waits unseen: an unanswered referral first reminds its receiver, then alerts its sender
 * (who is offered alternatives), and expires once {@link ReferralProperties#expireAfter()} has
 * passed. Each referral is followed up in its own transaction, so one failure stops nothing else.
 */
@Component
class ReferralFollowUp {

    /** Passerelle itself, as the audit trail records its own steps. */
    static final Actor PASSERELLE = Actor.anonymous("passerelle");
    private static final int BATCH = 200;

    private final Referrals referrals;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ReferralProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReferralFollowUp(Referrals referrals, AuditTrail audit, ApplicationEventPublisher events, ReferralProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.referrals = referrals;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${passerelle.referrals.follow-up-every:60s}", initialDelayString = "${passerelle.referrals.follow-up-every:60s}")
    void followUp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ReferralId id : referrals.due(now, BATCH)) {
            try {
                transactions.executeWithoutResult(status -> followUp(id, now));
            } catch (StaleReferral answeredMeanwhile) {
                // the receiver answered while we looked: nothing left to follow up
            }
        }
    }

    private void followUp(ReferralId id, Instant now) {
        Referral referral = referrals.byId(id).orElseThrow();
        if (!referral.status().awaitingAnswer() || referral.answerDueAt() == null || referral.answerDueAt().isAfter(now)) {
            return;
        }
        Duration answerWithin = properties.answerWithin(referral.urgency());
        Instant expiry = referral.createdAt().plus(properties.expireAfter());
        switch (referral.reminders()) {
            case 0 -> {
                referral.remind(now, answerWithin);
                audit.record(AuditEvent.granted(PASSERELLE, "referral.remind", referral.receiver(), ReferralManagement.RECORD_TYPE, id));
                referrals.update(referral);
                events.publishEvent(new ReferralReminderDue(id, referral.receiver(), referral.urgency()));
            }
            case 1 -> {
                referral.remind(now, Duration.between(now, expiry.isAfter(now) ? expiry : now));
                audit.record(AuditEvent.granted(PASSERELLE, "referral.alert-sender", referral.sender(), ReferralManagement.RECORD_TYPE, id));
                referrals.update(referral);
                events.publishEvent(new ReferralOverdue(id, referral.sender(), referral.sentBy(), referral.receiver(),
                        referral.urgency()));
            }
            default -> {
                referral.expire(now);
                audit.record(AuditEvent.granted(PASSERELLE, "referral.expire", referral.sender(), ReferralManagement.RECORD_TYPE, id));
                referrals.update(referral);
                events.publishEvent(new ReferralStatusChanged(id, referral.sender(), referral.sentBy(), referral.receiver(),
                        referral.status(), referral.urgency()));
            }
        }
    }
}
