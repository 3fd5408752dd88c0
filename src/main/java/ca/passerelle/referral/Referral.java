package ca.passerelle.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ca.passerelle.directory.ServiceId;

/**
 * A referral of one person to one service of another organisation, and the rules of its loop.
 * Every change is a method that guards the state machine and records the step it took; nothing
 * sets a state from outside.
 */
public final class Referral {

    private final ReferralId id;
    private final UUID sender;
    private final UUID sentBy;
    private final UUID person;
    private final ServiceId service;
    private final UUID receiver;
    private final Urgency urgency;
    private final String reason;
    private final String contactPlan;
    private final Instant createdAt;
    private ReferralStatus status;
    private Instant statusAt;
    private Instant answerDueAt;
    private int reminders;
    private LocalDate expectedOn;
    private final int version;
    private final List<ReferralStep> taken = new ArrayList<>();

    Referral(ReferralId id, UUID sender, UUID sentBy, UUID person, ServiceId service, UUID receiver, Urgency urgency,
            String reason, String contactPlan, Instant createdAt, ReferralStatus status, Instant statusAt,
            Instant answerDueAt, int reminders, LocalDate expectedOn, int version) {
        this.id = Objects.requireNonNull(id);
        this.sender = sender;
        this.sentBy = sentBy;
        this.person = person;
        this.service = service;
        this.receiver = receiver;
        this.urgency = urgency;
        this.reason = reason;
        this.contactPlan = contactPlan;
        this.createdAt = createdAt;
        this.status = status;
        this.statusAt = statusAt;
        this.answerDueAt = answerDueAt;
        this.reminders = reminders;
        this.expectedOn = expectedOn;
        this.version = version;
    }

    /** A referral sent now, awaiting an answer within {@code answerWithin}. */
    static Referral send(ReferralId id, UUID sender, UUID sentBy, UUID person, ServiceId service, UUID receiver,
            Urgency urgency, String reason, String contactPlan, Instant now, Duration answerWithin) {
        Referral referral = new Referral(id, sender, sentBy, person, service, receiver, urgency, reason, contactPlan, now,
                ReferralStatus.DRAFT, now, null, 0, null, 0);
        referral.move(ReferralStatus.SENT, sentBy, sender, null, null, now);
        referral.answerDueAt = now.plus(answerWithin);
        return referral;
    }

    /** The receiver opened it; only the first opening is a step. */
    void view(UUID by, Instant now) {
        if (status == ReferralStatus.SENT) {
            move(ReferralStatus.VIEWED, by, receiver, null, null, now);
        }
    }

    void accept(UUID by, Instant now) {
        move(ReferralStatus.ACCEPTED, by, receiver, null, null, now);
        answerDueAt = null;
    }

    void holdUntil(UUID by, LocalDate expected, Instant now) {
        move(ReferralStatus.ON_HOLD, by, receiver, null, null, now);
        expectedOn = expected;
        answerDueAt = null;
        taken.set(taken.size() - 1, withExpected(taken.getLast(), expected));
    }

    void decline(UUID by, ReferralReason why, String note, Instant now) {
        if (!ReferralReason.FOR_DECLINING.contains(why)) {
            throw new IllegalArgumentException("Not a reason to decline: " + why);
        }
        move(ReferralStatus.DECLINED, by, receiver, why, note, now);
        answerDueAt = null;
    }

    void startService(UUID by, Instant now) {
        move(ReferralStatus.IN_SERVICE, by, receiver, null, null, now);
    }

    void complete(UUID by, String outcome, Instant now) {
        move(ReferralStatus.COMPLETED, by, receiver, null, outcome, now);
    }

    void closeWithoutService(UUID by, ReferralReason why, String note, Instant now) {
        if (!ReferralReason.FOR_CLOSING.contains(why)) {
            throw new IllegalArgumentException("Not a reason to close: " + why);
        }
        move(ReferralStatus.CLOSED_WITHOUT_SERVICE, by, receiver, why, note, now);
    }

    void withdraw(UUID by, String note, Instant now) {
        move(ReferralStatus.WITHDRAWN, by, sender, null, note, now);
        answerDueAt = null;
    }

    /** Passerelle closes a referral nobody answered. */
    void expire(Instant now) {
        move(ReferralStatus.EXPIRED, null, null, null, null, now);
        answerDueAt = null;
    }

    /** A reminder went out; the next follow-up is due {@code after} from now. */
    void remind(Instant now, Duration after) {
        reminders++;
        answerDueAt = now.plus(after);
    }

    private void move(ReferralStatus to, UUID by, UUID organisation, ReferralReason why, String note, Instant now) {
        if (!status.next().contains(to)) {
            throw new IllegalTransition(status, to);
        }
        status = to;
        statusAt = now;
        taken.add(new ReferralStep(to, now, by, organisation, why, note == null || note.isBlank() ? null : note.strip(), null));
    }

    private static ReferralStep withExpected(ReferralStep step, LocalDate expected) {
        return new ReferralStep(step.status(), step.at(), step.by(), step.organisation(), step.reason(), step.note(), expected);
    }

    /** The steps taken since it was read, oldest first. */
    List<ReferralStep> taken() {
        return List.copyOf(taken);
    }

    public ReferralId id() {
        return id;
    }

    public UUID sender() {
        return sender;
    }

    public UUID sentBy() {
        return sentBy;
    }

    public UUID person() {
        return person;
    }

    public ServiceId service() {
        return service;
    }

    public UUID receiver() {
        return receiver;
    }

    public Urgency urgency() {
        return urgency;
    }

    /** Why the sender refers the person, in their words. */
    public String reason() {
        return reason;
    }

    /** How the receiver should reach the person, in the sender's words. */
    public String contactPlan() {
        return contactPlan;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReferralStatus status() {
        return status;
    }

    public Instant statusAt() {
        return statusAt;
    }

    /** When the next follow-up is due if nobody answers; null once answered. */
    public Instant answerDueAt() {
        return answerDueAt;
    }

    public int reminders() {
        return reminders;
    }

    public LocalDate expectedOn() {
        return expectedOn;
    }

    /** The version read: a change made from an older one is stale. */
    public int version() {
        return version;
    }

    public boolean sentFrom(UUID organisation) {
        return sender.equals(organisation);
    }

    public boolean sentTo(UUID organisation) {
        return receiver.equals(organisation);
    }
}
