package ca.passerelle.consent;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import ca.passerelle.encryption.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consents and vital-interest shares as stored. Workers' reads and writes go through the
 * organisation-scoped connection; the share check reads across organisations, because it runs for
 * the organisation receiving the information.
 */
@Repository
class Consents {

    private final JdbcClient jdbc;
    private final JdbcClient acrossOrganisations;
    private final PersonalDataCipher cipher;

    Consents(JdbcClient jdbc, @Qualifier("applicationPool") DataSource applicationPool, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.acrossOrganisations = JdbcClient.create(applicationPool);
        this.cipher = cipher;
    }

    void insert(Consent consent) {
        jdbc.sql("""
                        insert into consents (id, organisation, person, categories, recipients, purpose, given_as, explained_in,
                            expires_on, recorded_by, recorded_at)
                        values (:id, :organisation, :person, :categories, :recipients, :purpose, :givenAs, :explainedIn,
                            :expiresOn, :recordedBy, :recordedAt)""")
                .param("id", consent.id().value())
                .param("organisation", consent.organisation())
                .param("person", consent.person())
                .param("categories", consent.categories().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("recipients", consent.recipients().toArray(UUID[]::new))
                .param("purpose", consent.purpose().name())
                .param("givenAs", consent.givenAs().name())
                .param("explainedIn", consent.explainedIn())
                .param("expiresOn", Date.valueOf(consent.expiresOn()))
                .param("recordedBy", consent.recordedBy())
                .param("recordedAt", Timestamp.from(consent.recordedAt()))
                .update();
    }

    void saveWithdrawal(Consent consent) {
        jdbc.sql("update consents set withdrawn_at = :at, withdrawn_by = :by where id = :id and withdrawn_at is null")
                .param("at", Timestamp.from(consent.withdrawnAt())).param("by", consent.withdrawnBy())
                .param("id", consent.id().value()).update();
    }

    Optional<Consent> byId(ConsentId id) {
        return jdbc.sql("select * from consents where id = :id").param("id", id.value()).query(Consents::consent).optional();
    }

    /** The consents given about a person, newest first, as the person's own organisation sees them. */
    List<Consent> ofPerson(UUID person) {
        return jdbc.sql("select * from consents where person = :person order by recorded_at desc, id")
                .param("person", person).query(Consents::consent).list();
    }

    /** Every consent the owner recorded about a person that names a recipient, whichever organisation is asking. */
    List<Consent> naming(UUID person, UUID owner, UUID recipient) {
        return acrossOrganisations.sql("""
                        select * from consents where person = :person and organisation = :owner and :recipient = any (recipients)""")
                .param("person", person).param("owner", owner).param("recipient", recipient).query(Consents::consent).list();
    }

    void insert(VitalInterest share, String reason) {
        jdbc.sql("""
                        insert into vital_interest_shares (id, organisation, person, recipient, reason, invoked_by, invoked_at, expires_at)
                        values (:id, :organisation, :person, :recipient, :reason, :by, :at, :until)""")
                .param("id", share.id()).param("organisation", share.organisation()).param("person", share.person())
                .param("recipient", share.recipient()).param("reason", cipher.seal(reason, "vital-interest/" + share.id() + "/reason"))
                .param("by", share.invokedBy()).param("at", Timestamp.from(share.invokedAt()))
                .param("until", Timestamp.from(share.expiresAt())).update();
    }

    /** The owner's vital-interest shares of a person with a recipient still running at {@code now}, whichever organisation is asking. */
    List<VitalInterest> vitalInterests(UUID person, UUID owner, UUID recipient, Instant now) {
        return acrossOrganisations.sql("""
                        select * from vital_interest_shares
                        where person = :person and organisation = :owner and recipient = :recipient and expires_at > :now""")
                .param("person", person).param("owner", owner).param("recipient", recipient).param("now", Timestamp.from(now))
                .query(Consents::vitalInterest).list();
    }

    /** The owner's vital-interest shares of a person still running at {@code now}, with any recipient. */
    List<VitalInterest> vitalInterests(UUID person, UUID owner, Instant now) {
        return jdbc.sql("select * from vital_interest_shares where person = :person and organisation = :owner and expires_at > :now")
                .param("person", person).param("owner", owner).param("now", Timestamp.from(now))
                .query(Consents::vitalInterest).list();
    }

    private static Consent consent(ResultSet row, int n) throws SQLException {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Arrays.stream((String[]) row.getArray("categories").getArray()).map(DataCategory::valueOf).forEach(categories::add);
        Timestamp withdrawnAt = row.getTimestamp("withdrawn_at");
        return new Consent(new ConsentId(row.getObject("id", UUID.class)), row.getObject("organisation", UUID.class),
                row.getObject("person", UUID.class), categories, Set.of(uuids(row.getArray("recipients"))),
                ConsentPurpose.valueOf(row.getString("purpose")), ConsentManner.valueOf(row.getString("given_as")),
                row.getString("explained_in"), row.getDate("expires_on").toLocalDate(),
                row.getObject("recorded_by", UUID.class), row.getTimestamp("recorded_at").toInstant(),
                withdrawnAt == null ? null : withdrawnAt.toInstant(), row.getObject("withdrawn_by", UUID.class));
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return (UUID[]) array.getArray();
    }

    private static VitalInterest vitalInterest(ResultSet row, int n) throws SQLException {
        return new VitalInterest(row.getObject("id", UUID.class), row.getObject("organisation", UUID.class),
                row.getObject("person", UUID.class), row.getObject("recipient", UUID.class),
                row.getObject("invoked_by", UUID.class), row.getTimestamp("invoked_at").toInstant(),
                row.getTimestamp("expires_at").toInstant());
    }
}
