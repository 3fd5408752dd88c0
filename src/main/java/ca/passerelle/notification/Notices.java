package ca.passerelle.notification;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices and the e-mail outbox, as stored. */
@Repository
class Notices {

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An e-mail waiting to go, with what it announces. */
    record Mail(UUID id, String address, int attempts, Notice notice) {
    }

    /**
     * Records the notice and its e-mails once: the same happening told twice (an event delivered
     * again after a restart) changes nothing.
     */
    void post(Notice notice, Collection<String> addresses, Instant now) {
        int added = jdbc.sql("""
                        insert into notices (id, organisation, permission, kind, link, created_at)
                        values (:id, :organisation, :permission, :kind, :link, :at) on conflict (id) do nothing""")
                .param("id", notice.id()).param("organisation", notice.organisation()).param("permission", notice.permission())
                .param("kind", notice.kind()).param("link", notice.link()).param("at", Timestamp.from(notice.createdAt()))
                .update();
        if (added == 0) {
            return;
        }
        for (String address : addresses) {
            jdbc.sql("insert into outgoing_mail (id, notice, address, next_attempt_at) values (:id, :notice, :address, :at)")
                    .param("id", UUID.nameUUIDFromBytes((notice.id() + "/" + address).getBytes(StandardCharsets.UTF_8)))
                    .param("notice", notice.id()).param("address", address).param("at", Timestamp.from(now)).update();
        }
    }

    /** The organisation's latest notices for someone holding these permissions. */
    List<Notice> latest(UUID organisation, Collection<String> permissions, Instant since) {
        return jdbc.sql("""
                        select * from notices where organisation = :organisation and permission = any(:permissions)
                        and created_at > :since order by created_at desc limit 200""")
                .param("organisation", organisation).param("permissions", permissions.toArray(String[]::new))
                .param("since", Timestamp.from(since))
                .query((row, n) -> notice(row)).list();
    }

    /** E-mails due at {@code now}, locked for this delivery so that two never send the same one. */
    List<Mail> due(Instant now, int limit) {
        return jdbc.sql("""
                        select m.id as mail_id, m.address, m.attempts, n.* from outgoing_mail m join notices n on n.id = m.notice
                        where m.sent_at is null and m.next_attempt_at <= :now order by m.next_attempt_at limit :limit
                        for update of m skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((row, n) -> new Mail(row.getObject("mail_id", UUID.class), row.getString("address"),
                        row.getInt("attempts"), notice(row)))
                .list();
    }

    void sent(UUID mail, Instant at) {
        jdbc.sql("update outgoing_mail set sent_at = :at, attempts = attempts + 1, last_failure = null where id = :id")
                .param("at", Timestamp.from(at)).param("id", mail).update();
    }

    void failed(UUID mail, String failure, Instant retryAt) {
        jdbc.sql("update outgoing_mail set attempts = attempts + 1, last_failure = :failure, next_attempt_at = :retry where id = :id")
                .param("failure", failure).param("retry", Timestamp.from(retryAt)).param("id", mail).update();
    }

    private static Notice notice(ResultSet row) throws SQLException {
        return new Notice(row.getObject("id", UUID.class), row.getObject("organisation", UUID.class),
                row.getString("permission"), row.getString("kind"), row.getString("link"),
                row.getTimestamp("created_at").toInstant());
    }
}
