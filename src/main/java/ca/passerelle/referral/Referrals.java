package ca.passerelle.referral;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.directory.ServiceId;
import ca.passerelle.encryption.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals and their steps as stored, the sender's words sealed. Staff requests see only the
 * referrals their organisation sent or received (row-level security); Passerelle's own follow-up
 * runs without an organisation and sees them all.
 */
@Repository
class Referrals {

    private static final String COLUMNS = "id, sender, sent_by, person, service, receiver, urgency, reason, contact_plan,"
            + " created_at, status, status_at, answer_due_at, reminders, expected_on, version";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Referrals(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Referral referral) {
        String id = referral.id().toString();
        jdbc.sql("insert into referrals (" + COLUMNS + ") values (:id, :sender, :sentBy, :person, :service, :receiver, :urgency,"
                        + " :reason, :contactPlan, :createdAt, :status, :statusAt, :due, :reminders, :expectedOn, 1)")
                .param("id", referral.id().value()).param("sender", referral.sender()).param("sentBy", referral.sentBy())
                .param("person", referral.person()).param("service", referral.service().value())
                .param("receiver", referral.receiver()).param("urgency", referral.urgency().name())
                .param("reason", cipher.seal(referral.reason(), "referral/" + id + "/reason"))
                .param("contactPlan", cipher.seal(referral.contactPlan(), "referral/" + id + "/contact-plan"))
                .param("createdAt", Timestamp.from(referral.createdAt())).param("status", referral.status().name())
                .param("statusAt", Timestamp.from(referral.statusAt())).param("due", timestamp(referral.answerDueAt()))
                .param("reminders", referral.reminders()).param("expectedOn", date(referral.expectedOn()))
                .update();
        insertSteps(referral, 0);
    }

    /**
     * Saves the referral's new state and steps, if nobody changed it since it was read.
     *
     * @throws StaleReferral when someone did, with what it became
     */
    void update(Referral referral) {
        int changed = jdbc.sql("""
                        update referrals set status = :status, status_at = :statusAt, answer_due_at = :due, reminders = :reminders,
                            expected_on = :expectedOn, version = version + 1
                        where id = :id and version = :version""")
                .param("status", referral.status().name()).param("statusAt", Timestamp.from(referral.statusAt()))
                .param("due", timestamp(referral.answerDueAt())).param("reminders", referral.reminders())
                .param("expectedOn", date(referral.expectedOn())).param("id", referral.id().value())
                .param("version", referral.version())
                .update();
        if (changed == 0) {
            throw new StaleReferral(byId(referral.id()).map(Referral::status).orElse(referral.status()));
        }
        insertSteps(referral, jdbc.sql("select count(*) from referral_steps where referral = :id")
                .param("id", referral.id().value()).query(Integer.class).single());
    }

    private void insertSteps(Referral referral, int from) {
        int position = from;
        for (ReferralStep step : referral.taken()) {
            position++;
            String context = "referral/" + referral.id() + "/step/" + position + "/note";
            jdbc.sql("""
                            insert into referral_steps (referral, position, status, at, by_account, organisation, reason, note, expected_on)
                            values (:referral, :position, :status, :at, :by, :organisation, :reason, :note, :expectedOn)""")
                    .param("referral", referral.id().value()).param("position", position).param("status", step.status().name())
                    .param("at", Timestamp.from(step.at())).param("by", step.by()).param("organisation", step.organisation())
                    .param("reason", step.reason() == null ? null : step.reason().name())
                    .param("note", cipher.seal(step.note(), context)).param("expectedOn", date(step.expectedOn()))
                    .update();
        }
    }

    Optional<Referral> byId(ReferralId id) {
        return jdbc.sql("select " + COLUMNS + " from referrals where id = :id").param("id", id.value())
                .query(this::referral).optional();
    }

    List<ReferralStep> stepsOf(ReferralId id) {
        return jdbc.sql("select * from referral_steps where referral = :id order by position").param("id", id.value())
                .query((row, n) -> {
                    String reason = row.getString("reason");
                    Date expected = row.getDate("expected_on");
                    return new ReferralStep(ReferralStatus.valueOf(row.getString("status")), row.getTimestamp("at").toInstant(),
                            row.getObject("by_account", UUID.class), row.getObject("organisation", UUID.class),
                            reason == null ? null : ReferralReason.valueOf(reason),
                            cipher.open(row.getBytes("note"), "referral/" + id + "/step/" + row.getInt("position") + "/note"),
                            expected == null ? null : expected.toLocalDate());
                }).list();
    }

    /** The organisation's referrals sent ({@code sent}) or received, open ones first, then the latest closed. */
    List<Referral> of(UUID organisation, boolean sent, int limit) {
        return jdbc.sql("select " + COLUMNS + " from referrals where " + (sent ? "sender" : "receiver") + " = :organisation"
                        + " order by status in ('DECLINED', 'COMPLETED', 'CLOSED_WITHOUT_SERVICE', 'WITHDRAWN', 'EXPIRED'),"
                        + " status_at desc limit :limit")
                .param("organisation", organisation).param("limit", limit).query(this::referral).list();
    }

    /** The referrals about a person, newest first, as their own organisation sees them. */
    List<Referral> ofPerson(UUID person) {
        return jdbc.sql("select " + COLUMNS + " from referrals where person = :person order by created_at desc")
                .param("person", person).query(this::referral).list();
    }

    /** The referrals whose follow-up is due at {@code now}. */
    List<ReferralId> due(Instant now, int limit) {
        return jdbc.sql("select id from referrals where answer_due_at <= :now order by answer_due_at limit :limit")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((row, n) -> new ReferralId(row.getObject("id", UUID.class))).list();
    }

    /**
     * What an earlier request with this Idempotency-Key answered, if there was one; requests with the
     * same key wait here for each other, so two at once never both send.
     */
    Optional<RememberedRequest> request(UUID organisation, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", organisation + "/" + key)
                .query((row, n) -> 1).single();
        return jdbc.sql("select request_digest, referrals from referral_requests where organisation = :organisation and idempotency_key = :key")
                .param("organisation", organisation).param("key", key)
                .query((row, n) -> new RememberedRequest(row.getBytes("request_digest"),
                        Arrays.stream((UUID[]) row.getArray("referrals").getArray()).map(ReferralId::new).toList()))
                .optional();
    }

    void remember(UUID organisation, String key, byte[] digest, List<ReferralId> sent, Instant at) {
        jdbc.sql("""
                        insert into referral_requests (organisation, idempotency_key, request_digest, referrals, created_at)
                        values (:organisation, :key, :digest, :referrals, :at)""")
                .param("organisation", organisation).param("key", key).param("digest", digest)
                .param("referrals", sent.stream().map(ReferralId::value).toArray(UUID[]::new)).param("at", Timestamp.from(at))
                .update();
    }

    record RememberedRequest(byte[] digest, List<ReferralId> referrals) {
    }

    private Referral referral(ResultSet row, int n) throws SQLException {
        String id = row.getString("id");
        Timestamp due = row.getTimestamp("answer_due_at");
        Date expected = row.getDate("expected_on");
        return new Referral(new ReferralId(UUID.fromString(id)), row.getObject("sender", UUID.class),
                row.getObject("sent_by", UUID.class), row.getObject("person", UUID.class),
                new ServiceId(row.getObject("service", UUID.class)), row.getObject("receiver", UUID.class),
                Urgency.valueOf(row.getString("urgency")), cipher.open(row.getBytes("reason"), "referral/" + id + "/reason"),
                cipher.open(row.getBytes("contact_plan"), "referral/" + id + "/contact-plan"),
                row.getTimestamp("created_at").toInstant(), ReferralStatus.valueOf(row.getString("status")),
                row.getTimestamp("status_at").toInstant(), due == null ? null : due.toInstant(), row.getInt("reminders"),
                expected == null ? null : expected.toLocalDate(), row.getInt("version"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
