package ca.passerelle.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and withdrawing a person's consent, and the share check every disclosure goes
 * through. The check reads the database on every call, so a withdrawal applies to the very next
 * request, everywhere. Every reading, change and refused share is audited, by id only.
 */
@Service
public class ConsentManagement {

    static final String RECORD_TYPE = "consent";
    /** How long a vital-interest share lasts: long enough to get the person to safety, no longer. */
    public static final Duration VITAL_INTEREST_LASTS = Duration.ofHours(72);
    public static final int SHORTEST_REASON = 10;
    /** What a vital-interest share discloses: enough to reach and protect the person, nothing about health or status. */
    public static final Set<DataCategory> VITAL_INTEREST_CATEGORIES =
            EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.NEEDS, DataCategory.SAFETY_NOTES);

    private final Consents consents;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentManagement(Consents consents, Organisations organisations, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.consents = consents;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The consent recorded, or what is wrong with the draft (by field, as message keys), with nothing written. */
    public record Recording(Optional<ConsentId> recorded, Map<String, String> problems) {
    }

    /**
     * Records a consent about a person of the worker's organisation. The database refuses a person of
     * another organisation (the consent's organisation must be the person's), so callers read the
     * person first and answer a stranger's id as missing.
     */
    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    @Transactional
    public Recording record(StaffMember worker, UUID person, ConsentDraft draft, Actor actor) {
        Map<String, String> problems = draft.problems(today(), worker.organisation(), knownOrganisations());
        if (!problems.isEmpty()) {
            return new Recording(Optional.empty(), problems);
        }
        ConsentId id = new ConsentId(UUID.randomUUID());
        audit.record(AuditEvent.granted(actor, "consent.record", worker.organisation(), RECORD_TYPE, id));
        consents.insert(new Consent(id, worker.organisation(), person, draft.categories(), draft.recipients(), draft.purpose(),
                draft.givenAs(), draft.explainedIn(), draft.expiresOn(), worker.account(), now(), null, null));
        return new Recording(Optional.of(id), Map.of());
    }

    /** The consents given about a person of the reader's organisation, newest first. */
    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    public List<Consent> of(StaffMember reader, UUID person, Actor actor) {
        audit.record(AuditEvent.granted(actor, "consent.list", reader.organisation(), "person", person));
        return consents.ofPerson(person);
    }

    /**
     * What the active consents (and running vital-interest shares) about a person of the reader's
     * organisation cover now, by recipient, for a purpose: what a referral to each would show.
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public Map<UUID, Set<DataCategory>> coverage(StaffMember reader, UUID person, ConsentPurpose purpose, Actor actor) {
        audit.record(AuditEvent.granted(actor, "consent.list", reader.organisation(), "person", person));
        Instant now = clock.instant();
        Map<UUID, Set<DataCategory>> coverage = new HashMap<>();
        consents.ofPerson(person).stream()
                .filter(consent -> consent.organisation().equals(reader.organisation()) && consent.purpose() == purpose
                        && consent.activeAt(now))
                .forEach(consent -> consent.recipients().forEach(recipient -> coverage
                        .computeIfAbsent(recipient, r -> EnumSet.noneOf(DataCategory.class)).addAll(consent.categories())));
        consents.vitalInterests(person, reader.organisation(), now).forEach(share -> coverage
                .computeIfAbsent(share.recipient(), r -> EnumSet.noneOf(DataCategory.class)).addAll(VITAL_INTEREST_CATEGORIES));
        return coverage;
    }

    /** One consent of the reader's organisation; empty for anyone else's, as if it did not exist. */
    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    public Optional<Consent> one(StaffMember reader, ConsentId id, Actor actor) {
        Optional<Consent> consent = consents.byId(id).filter(found -> found.organisation().equals(reader.organisation()));
        audit.record(consent.isPresent()
                ? AuditEvent.granted(actor, "consent.read", reader.organisation(), RECORD_TYPE, id)
                : AuditEvent.refused(actor, "consent.read", reader.organisation(), RECORD_TYPE, id));
        return consent;
    }

    /** Withdraws a consent of the worker's organisation from now on; empty for anyone else's. */
    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    @Transactional
    public Optional<Consent> withdraw(StaffMember worker, ConsentId id, Actor actor) {
        Optional<Consent> found = consents.byId(id).filter(consent -> consent.organisation().equals(worker.organisation()));
        if (found.isEmpty()) {
            audit.record(AuditEvent.refused(actor, "consent.withdraw", worker.organisation(), RECORD_TYPE, id));
            return Optional.empty();
        }
        audit.record(AuditEvent.granted(actor, "consent.withdraw", worker.organisation(), RECORD_TYPE, id));
        Consent withdrawn = found.get().withdraw(worker.account(), now());
        consents.saveWithdrawal(withdrawn);
        events.publishEvent(new ConsentWithdrawn(id, worker.organisation()));
        return Optional.of(withdrawn);
    }

    /**
     * The share check: may the owner's information about a person reach the recipient, for this
     * purpose, now? Allowed with exactly the categories that active consents (and running
     * vital-interest shares) cover; refused, with the reason and an audit entry, otherwise.
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public ShareDecision check(UUID person, UUID owner, UUID recipient, ConsentPurpose purpose, Actor actor) {
        Instant now = clock.instant();
        List<Consent> naming = consents.naming(person, owner, recipient);
        Set<DataCategory> covered = naming.stream().filter(consent -> consent.covers(recipient, purpose, now))
                .flatMap(consent -> consent.categories().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class)));
        if (!covered.isEmpty()) {
            return new ShareDecision.Allowed(new Disclosure(person, owner, recipient, covered, Disclosure.Basis.CONSENT));
        }
        if (!consents.vitalInterests(person, owner, recipient, now).isEmpty()) {
            return new ShareDecision.Allowed(new Disclosure(person, owner, recipient, VITAL_INTEREST_CATEGORIES,
                    Disclosure.Basis.VITAL_INTEREST));
        }
        String reason = naming.isEmpty() ? "consent.refused.none"
                : naming.stream().anyMatch(consent -> consent.withdrawnAt() != null) ? "consent.refused.withdrawn"
                : naming.stream().anyMatch(consent -> consent.expiredAt(now)) ? "consent.refused.expired"
                : "consent.refused.purpose";
        audit.record(AuditEvent.refused(actor, "consent.share", owner, "person", person).because(reason));
        return new ShareDecision.Refused(reason);
    }

    /**
     * Shares a person's record with one organisation without consent because they are in imminent
     * danger, for {@link #VITAL_INTEREST_LASTS}; empty, with nothing shared, when the reason is too
     * short to say anything or the recipient is unknown.
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    @Transactional
    public Optional<VitalInterest> invokeVitalInterest(StaffMember worker, UUID person, UUID recipient, String reason,
            Actor actor) {
        String given = reason == null ? "" : reason.strip();
        if (given.codePointCount(0, given.length()) < SHORTEST_REASON || recipient.equals(worker.organisation())
                || !knownOrganisations().contains(recipient)) {
            return Optional.empty();
        }
        Instant now = now();
        VitalInterest share = new VitalInterest(UUID.randomUUID(), worker.organisation(), person, recipient,
                worker.account(), now, now.plus(VITAL_INTEREST_LASTS));
        // the reason may describe the danger, so the trail says only that one was given; the record keeps it sealed
        audit.record(AuditEvent.granted(actor, "consent.vital-interest", worker.organisation(), "person", person)
                .because("vital-interest"));
        consents.insert(share, given);
        events.publishEvent(new VitalInterestInvoked(share.id(), worker.organisation(), recipient));
        return Optional.of(share);
    }

    private Set<UUID> knownOrganisations() {
        return organisations.all().stream().map(Organisations.Organisation::id).collect(Collectors.toSet());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
