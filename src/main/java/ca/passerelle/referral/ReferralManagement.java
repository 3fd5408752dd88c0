package ca.passerelle.referral;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import ca.passerelle.consent.ConsentManagement;
import ca.passerelle.consent.ConsentPurpose;
import ca.passerelle.consent.ShareDecision;
import ca.passerelle.directory.Directory;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.person.PersonRecords;
import ca.passerelle.person.SharedPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending referrals and following them, from both ends. A referral leaves only under the person's
 * consent to share with its receiver; the receiver sees the person only as the share check allows
 * at that moment, and only while the referral is open plus {@link ReferralProperties#retention()}.
 * Every reading and every step is audited, by id only.
 */
@Service
public class ReferralManagement {

    static final String RECORD_TYPE = "referral";
    private static final int LIST_LIMIT = 300;

    private final Referrals referrals;
    private final ConsentManagement consents;
    private final PersonRecords persons;
    private final Organisations organisations;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ReferralProperties properties;
    private final Clock clock;

    ReferralManagement(Referrals referrals, ConsentManagement consents, PersonRecords persons, Organisations organisations,
            Directory directory, AuditTrail audit, ApplicationEventPublisher events, ReferralProperties properties,
            Clock clock) {
        this.referrals = referrals;
        this.consents = consents;
        this.persons = persons;
        this.organisations = organisations;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The referrals sent, one per service, or what is wrong (by field, as message keys) with nothing sent.
     *
     * @param replayed whether they were sent by an earlier request with the same Idempotency-Key
     */
    public record Sending(List<ReferralId> sent, Map<String, String> problems, boolean replayed) {
    }

    /** The member organisation that would receive referrals to a service, if one does. */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public Map<ServiceId, Organisations.Organisation> receivers(List<ServiceId> services) {
        Map<ServiceId, Organisations.Organisation> receivers = new LinkedHashMap<>();
        directory.organizationsOf(services).forEach((service, organization) ->
                organisations.receiving(organization.value()).ifPresent(receiver -> receivers.put(service, receiver)));
        return receivers;
    }

    /**
     * Sends the person (of the worker's organisation) to each service: all or nothing. Refused,
     * with nothing sent, when a service has no member organisation to receive it, or when the
     * person has not consented to share with one of them.
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    @Transactional
    public Sending send(StaffMember worker, UUID person, List<ServiceId> services, ReferralDraft draft, Actor actor) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        Map<ServiceId, Organisations.Organisation> receivers = receivers(services);
        if (services.isEmpty()) {
            problems.put("services", "referral.problem.no-service");
        } else if (!receivers.keySet().containsAll(services)) {
            problems.put("services", "referral.problem.not-on-passerelle");
        } else if (receivers.values().stream().anyMatch(receiver -> receiver.id().equals(worker.organisation()))) {
            problems.put("services", "referral.problem.own-organisation");
        } else {
            for (Organisations.Organisation receiver : receivers.values()) {
                if (consents.check(person, worker.organisation(), receiver.id(), ConsentPurpose.REFERRAL, actor)
                        instanceof ShareDecision.Refused refused) {
                    problems.put("services", refused.reason());
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Sending(List.of(), problems, false);
        }
        Instant now = now();
        List<ReferralId> sent = new ArrayList<>();
        for (ServiceId service : services) {
            Organisations.Organisation receiver = receivers.get(service);
            Referral referral = Referral.send(new ReferralId(UUID.randomUUID()), worker.organisation(), worker.account(), person,
                    service, receiver.id(), draft.urgency(), draft.reason(), draft.contactPlan(), now,
                    properties.answerWithin(draft.urgency()));
            audit.record(AuditEvent.granted(actor, "referral.send", worker.organisation(), RECORD_TYPE, referral.id()));
            referrals.insert(referral);
            publish(referral);
            sent.add(referral.id());
        }
        return new Sending(sent, Map.of(), false);
    }

    /**
     * {@link #send}, once per Idempotency-Key: a replay of the same request answers the referrals
     * it sent the first time, and sends nothing.
     *
     * @param digest what identifies the request's content: the same key with another content is refused
     * @throws IdempotencyKeyReused when the key was used for another request
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    @Transactional
    public Sending sendOnce(StaffMember worker, String key, byte[] digest, UUID person, List<ServiceId> services,
            ReferralDraft draft, Actor actor) {
        Optional<Referrals.RememberedRequest> earlier = referrals.request(worker.organisation(), key);
        if (earlier.isPresent()) {
            if (!MessageDigest.isEqual(earlier.get().digest(), digest)) {
                audit.record(AuditEvent.refused(actor, "referral.send", worker.organisation(), RECORD_TYPE, null)
                        .because("idempotency-key-reused"));
                throw new IdempotencyKeyReused();
            }
            return new Sending(earlier.get().referrals(), Map.of(), true);
        }
        Sending sending = send(worker, person, services, draft, actor);
        if (sending.problems().isEmpty()) {
            referrals.remember(worker.organisation(), key, digest, sending.sent(), now());
        }
        return sending;
    }

    /**
     * A referral as one of its two ends sees it: the timeline, and for the receiver the person as
     * the share check allows now. The receiver's first reading marks it viewed. Empty for anyone
     * else, as if it did not exist, and the attempt is audited.
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    @Transactional
    public Optional<ReferralView> read(StaffMember reader, ReferralId id, Actor actor) {
        Optional<Referral> found = referrals.byId(id).filter(r -> r.sentFrom(reader.organisation()) || r.sentTo(reader.organisation()));
        if (found.isEmpty()) {
            audit.record(AuditEvent.refused(actor, "referral.read", reader.organisation(), RECORD_TYPE, id));
            return Optional.empty();
        }
        Referral referral = found.get();
        audit.record(AuditEvent.granted(actor, "referral.read", reader.organisation(), RECORD_TYPE, id));
        if (referral.sentFrom(reader.organisation())) {
            return Optional.of(new ReferralView(referral, referrals.stepsOf(id), ReferralView.Side.SENDER, Optional.empty(), null));
        }
        if (referral.status() == ReferralStatus.SENT) {
            referral.view(reader.account(), now());
            try {
                referrals.update(referral);
                publish(referral);
            } catch (StaleReferral answeredMeanwhile) {
                // someone of the same organisation answered at this very moment; their step stands
            }
            referral = referrals.byId(id).orElseThrow();
        }
        Optional<SharedPerson> person = Optional.empty();
        String withheld = "referral.person.retention-over";
        if (referral.status().open() || clock.instant().isBefore(referral.statusAt().plus(properties.retention()))) {
            ShareDecision decision = consents.check(referral.person(), referral.sender(), reader.organisation(),
                    ConsentPurpose.REFERRAL, actor);
            if (decision instanceof ShareDecision.Allowed allowed) {
                person = persons.disclose(allowed.disclosure(), actor);
                withheld = null;
            } else {
                withheld = ((ShareDecision.Refused) decision).reason();
            }
        }
        return Optional.of(new ReferralView(referral, referrals.stepsOf(id), ReferralView.Side.RECEIVER, person, withheld));
    }

    /**
     * Takes a step, if the referral is still as the person last saw it ({@code version}).
     *
     * @return the referral after the step; empty for anyone but its two ends
     * @throws StaleReferral when someone changed it meanwhile: nothing is changed
     * @throws IllegalTransition when its state does not allow the step: nothing is changed
     * @throws AccessDeniedException when the step is the other end's to take
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    @Transactional
    public Optional<Referral> act(StaffMember worker, ReferralId id, int version, ReferralAction action, Actor actor) {
        Optional<Referral> found = referrals.byId(id).filter(r -> r.sentFrom(worker.organisation()) || r.sentTo(worker.organisation()));
        String audited = "referral." + action.slug();
        if (found.isEmpty()) {
            audit.record(AuditEvent.refused(actor, audited, worker.organisation(), RECORD_TYPE, id));
            return Optional.empty();
        }
        Referral referral = found.get();
        if (action.bySender() ? !referral.sentFrom(worker.organisation()) : !referral.sentTo(worker.organisation())) {
            audit.record(AuditEvent.refused(actor, audited, worker.organisation(), RECORD_TYPE, id));
            throw new AccessDeniedException("The other end of the referral takes this step");
        }
        if (referral.version() != version) {
            throw new StaleReferral(referral.status());
        }
        Instant now = now();
        UUID by = worker.account();
        switch (action) {
            case ReferralAction.Accept accept -> referral.accept(by, now);
            case ReferralAction.Hold hold -> referral.holdUntil(by, hold.expectedOn(), now);
            case ReferralAction.Decline decline -> referral.decline(by, decline.reason(), decline.note(), now);
            case ReferralAction.StartService start -> referral.startService(by, now);
            case ReferralAction.Complete complete -> referral.complete(by, complete.outcome(), now);
            case ReferralAction.CloseWithoutService close -> referral.closeWithoutService(by, close.reason(), close.note(), now);
            case ReferralAction.Withdraw withdraw -> referral.withdraw(by, withdraw.note(), now);
        }
        audit.record(AuditEvent.granted(actor, audited, worker.organisation(), RECORD_TYPE, id));
        referrals.update(referral);
        publish(referral);
        return referrals.byId(id);
    }

    /** The referrals the reader's organisation sent: open ones first, newest change first. */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public List<Referral> sent(StaffMember reader, Actor actor) {
        audit.record(AuditEvent.granted(actor, "referral.list-sent", reader.organisation(), RECORD_TYPE, null));
        return referrals.of(reader.organisation(), true, LIST_LIMIT);
    }

    /** The referrals the reader's organisation received: open ones by urgency, then the longest waiting first. */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public List<Referral> received(StaffMember reader, Actor actor) {
        audit.record(AuditEvent.granted(actor, "referral.list-received", reader.organisation(), RECORD_TYPE, null));
        return referrals.of(reader.organisation(), false, LIST_LIMIT).stream()
                .sorted(Comparator.comparing((Referral r) -> !r.status().open()).thenComparing(Referral::urgency)
                        .thenComparing(Referral::statusAt))
                .toList();
    }

    /** The referrals of a person of the reader's organisation, newest first. */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public List<Referral> ofPerson(StaffMember reader, UUID person, Actor actor) {
        audit.record(AuditEvent.granted(actor, "referral.list-person", reader.organisation(), "person", person));
        return referrals.ofPerson(person).stream().filter(referral -> referral.sentFrom(reader.organisation())).toList();
    }

    private void publish(Referral referral) {
        events.publishEvent(new ReferralStatusChanged(referral.id(), referral.sender(), referral.sentBy(), referral.receiver(),
                referral.status(), referral.urgency()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
