package ca.passerelle.person;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import ca.passerelle.consent.Disclosure;
import ca.passerelle.identity.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and reading the people an organisation supports. Every reading and every change is
 * audited before it happens (by record id, never a value from it); another organisation's person
 * answers exactly like one that does not exist, and the attempt is audited under the organisation
 * that was tried.
 */
@Service
public class PersonRecords {

    static final String RECORD_TYPE = "person";
    private static final int LIST_LIMIT = 200;

    private final Persons persons;
    private final AuditTrail audit;
    private final Clock clock;

    PersonRecords(Persons persons, AuditTrail audit, Clock clock) {
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person recorded, or what is wrong with the details (by field, as message keys), with nothing written. */
    public record Recording(Optional<PersonId> recorded, Map<String, String> problems) {
    }

    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    @Transactional
    public Recording record(StaffMember worker, PersonDetails details, Actor actor) {
        Map<String, String> problems = details.problems(Year.now(clock));
        if (!problems.isEmpty()) {
            return new Recording(Optional.empty(), problems);
        }
        PersonId id = new PersonId(UUID.randomUUID());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        audit.record(AuditEvent.granted(actor, "person.record", worker.organisation(), RECORD_TYPE, id));
        persons.insert(new Person(id, worker.organisation(), details.chosenName(), details.birthYear(), details.gender(),
                details.languages(), details.province(), details.contact(), details.needs(), worker.account(), now, 1));
        return new Recording(Optional.of(id), Map.of());
    }

    /** The person, if they belong to the reader's organisation; empty for anyone else's, as if they did not exist. */
    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    public Optional<Person> read(StaffMember reader, PersonId id, Actor actor) {
        Optional<UUID> owner = persons.ownerOf(id);
        if (owner.isEmpty() || !owner.get().equals(reader.organisation())) {
            audit.record(AuditEvent.refused(actor, "person.read", owner.orElse(null), RECORD_TYPE, id));
            return Optional.empty();
        }
        audit.record(AuditEvent.granted(actor, "person.read", reader.organisation(), RECORD_TYPE, id));
        return persons.byId(id);
    }

    /**
     * What the share check allows the recipient to see of a person, for this request only; audited
     * under the person's organisation, with the recipient as the actor.
     */
    @PreAuthorize("hasAuthority('PERMISSION_REFER')")
    public Optional<SharedPerson> disclose(Disclosure disclosure, Actor actor) {
        PersonId id = new PersonId(disclosure.person());
        audit.record(AuditEvent.granted(actor, "person.disclose", disclosure.owner(), RECORD_TYPE, id)
                .because(disclosure.basis().name().toLowerCase().replace('_', '-')));
        return persons.acrossOrganisations(id).filter(person -> person.organisation().equals(disclosure.owner()))
                .map(person -> SharedPerson.of(person, disclosure.categories()));
    }

    /**
     * The reader's organisation's people, newest first; with a name, those whose chosen name holds
     * every word typed (found by blind index: the database never sees the name).
     */
    @PreAuthorize("hasAuthority('PERMISSION_RECORD_PEOPLE')")
    public List<Person> list(StaffMember reader, String name, Actor actor) {
        audit.record(AuditEvent.granted(actor, name == null || name.isBlank() ? "person.list" : "person.search",
                reader.organisation(), RECORD_TYPE, null));
        return persons.of(reader.organisation(), name, LIST_LIMIT);
    }
}
