package ca.passerelle.person;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import ca.passerelle.encryption.PersonalDataCipher;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Person records in the database, sealed field by field on the way in and opened on the way out.
 * Reads and writes go through the organisation-scoped connection, so row-level security keeps each
 * organisation to its own rows even if a query forgot to ask.
 */
@Repository
class Persons {

    private static final String NAME_INDEX = "person-name";

    private final JdbcClient jdbc;
    /** Only to learn which organisation an id belongs to, so a refused attempt is audited under it. */
    private final JdbcClient acrossOrganisations;
    private final PersonalDataCipher cipher;

    Persons(JdbcClient jdbc, @Qualifier("applicationPool") DataSource applicationPool, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.acrossOrganisations = JdbcClient.create(applicationPool);
        this.cipher = cipher;
    }

    void insert(Person person) {
        String id = person.id().toString();
        ContactPreference contact = person.contact();
        jdbc.sql("""
                        insert into persons (id, organisation, chosen_name, name_words, birth_year, gender, languages, province,
                            contact_channel, contact_language, safe_contact, contact_times, needs, recorded_by, recorded_at, version)
                        values (:id, :organisation, :name, array[:words]::bytea[], :birthYear, :gender, string_to_array(:languages, ','),
                            :province, :channel, :contactLanguage, :safeContact, :contactTimes, string_to_array(:needs, ','),
                            :recordedBy, :recordedAt, :version)""")
                .param("id", person.id().value())
                .param("organisation", person.organisation())
                .param("name", cipher.seal(person.chosenName(), context(id, "name")))
                .param("words", cipher.blindIndexes(NAME_INDEX, person.chosenName()))
                .param("birthYear", cipher.seal(person.birthYear() == null ? null : person.birthYear().toString(), context(id, "birth-year")))
                .param("gender", person.gender())
                .param("languages", String.join(",", person.languages()))
                .param("province", person.province() == null ? null : person.province().code())
                .param("channel", contact.channel().name())
                .param("contactLanguage", contact.language())
                .param("safeContact", cipher.seal(blankToNull(contact.safeContact()), context(id, "safe-contact")))
                .param("contactTimes", cipher.seal(blankToNull(contact.times()), context(id, "contact-times")))
                .param("needs", String.join(",", person.needs().stream().map(NeedDomain::code).sorted().toList()))
                .param("recordedBy", person.recordedBy())
                .param("recordedAt", Timestamp.from(person.recordedAt()))
                .param("version", person.version())
                .update();
    }

    Optional<Person> byId(PersonId id) {
        return jdbc.sql("select * from persons where id = :id").param("id", id.value()).query(this::person).optional();
    }

    /** A person of whichever organisation: only for a disclosure the share check allowed. */
    Optional<Person> acrossOrganisations(PersonId id) {
        return acrossOrganisations.sql("select * from persons where id = :id").param("id", id.value()).query(this::person)
                .optional();
    }

    /** The organisation a person belongs to, whichever it is. */
    Optional<UUID> ownerOf(PersonId id) {
        return acrossOrganisations.sql("select organisation from persons where id = :id").param("id", id.value())
                .query(UUID.class).optional();
    }

    /** The organisation's people, newest first; with a name, those whose name holds every word of it. */
    List<Person> of(UUID organisation, String name, int limit) {
        List<byte[]> words = name == null ? List.of() : cipher.blindIndexes(NAME_INDEX, name);
        return jdbc.sql("select * from persons where organisation = :organisation"
                        + (words.isEmpty() ? "" : " and name_words @> array[:words]::bytea[]")
                        + " order by recorded_at desc, id limit :limit")
                .param("organisation", organisation)
                .param("words", words.isEmpty() ? List.of(new byte[0]) : words)
                .param("limit", limit)
                .query(this::person).list();
    }

    private Person person(ResultSet row, int n) throws SQLException {
        String id = row.getString("id");
        String birthYear = cipher.open(row.getBytes("birth_year"), context(id, "birth-year"));
        ContactPreference contact = new ContactPreference(ContactChannel.valueOf(row.getString("contact_channel")),
                cipher.open(row.getBytes("safe_contact"), context(id, "safe-contact")),
                cipher.open(row.getBytes("contact_times"), context(id, "contact-times")), row.getString("contact_language"));
        Set<NeedDomain> needs = EnumSet.noneOf(NeedDomain.class);
        Arrays.stream(strings(row.getArray("needs"))).map(NeedDomain::fromCode).forEach(found -> found.ifPresent(needs::add));
        return new Person(new PersonId(UUID.fromString(id)), row.getObject("organisation", UUID.class),
                cipher.open(row.getBytes("chosen_name"), context(id, "name")),
                birthYear == null ? null : Integer.valueOf(birthYear), row.getString("gender"),
                List.of(strings(row.getArray("languages"))),
                row.getString("province") == null ? null : Province.fromCode(row.getString("province")).orElse(null),
                contact, needs, row.getObject("recorded_by", UUID.class), row.getTimestamp("recorded_at").toInstant(),
                row.getInt("version"));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static String context(String id, String field) {
        return "person/" + id + "/" + field;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
