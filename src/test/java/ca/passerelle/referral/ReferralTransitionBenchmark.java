package ca.passerelle.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ca.passerelle.PasserelleApplication;
import ca.passerelle.audit.Actor;
import ca.passerelle.consent.ConsentDraft;
import ca.passerelle.consent.ConsentManagement;
import ca.passerelle.consent.ConsentManner;
import ca.passerelle.consent.ConsentPurpose;
import ca.passerelle.consent.DataCategory;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.identity.Role;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.person.ContactChannel;
import ca.passerelle.person.ContactPreference;
import ca.passerelle.person.PersonDetails;
import ca.passerelle.person.PersonRecords;
import ca.passerelle.support.TestDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Durable referral transitions (read the referral, guard the step in the aggregate, save it under
 * its version, add the timeline step and the audit entry, record the event, commit with fsync)
 * against a plain single-row insert committed on the same PostgreSQL, in one run. Run with
 * {@code perf/referral-benchmark.sh}; PostgreSQL is {@code -Dpasserelle.test.db.url} (the machine's
 * by default), on a database made for the run and dropped after it.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dpasserelle.test.db.url=jdbc:postgresql://127.0.0.1:5432/test"})
public class ReferralTransitionBenchmark {

    /** Referrals sent before measuring; each takes three steps (accept, start, complete). */
    @Param("12000")
    int referrals;

    private ConfigurableApplicationContext application;
    private ReferralManagement management;
    private StaffMember receiver;
    private final Actor actor = new Actor(null, null, "benchmark");
    private Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private Connection plain;

    /** One referral's progress along accept, start, complete. */
    static final class Loop {
        final ReferralId id;
        volatile int version = 1;
        volatile int taken;

        Loop(ReferralId id) {
            this.id = id;
        }
    }

    @Setup(Level.Trial)
    public void start() throws SQLException {
        application = new SpringApplicationBuilder(PasserelleApplication.class).initializers(new TestDatabase())
                .run("--passerelle.demo=true", "--server.port=0");
        JdbcClient jdbc = application.getBean(JdbcClient.class);
        StaffMember sender = member(jdbc, "hotline-operator@aurore.example", Role.HOTLINE_OPERATOR);
        receiver = member(jdbc, "intake-coordinator@cedre.example", Role.INTAKE_COORDINATOR);
        management = application.getBean(ReferralManagement.class);

        actAs(sender);
        UUID person = application.getBean(PersonRecords.class).record(sender, new PersonDetails("Benchmark", null, null,
                List.of("fr"), null, new ContactPreference(ContactChannel.THROUGH_WORKER, null, null, null), Set.of()), actor)
                .recorded().orElseThrow().value();
        application.getBean(ConsentManagement.class).record(sender, person, new ConsentDraft(Set.of(DataCategory.NEEDS),
                Set.of(receiver.organisation()), ConsentPurpose.REFERRAL, ConsentManner.SPOKEN, "fr",
                LocalDate.now().plusMonths(1)), actor);
        ServiceId service = new ServiceId(jdbc.sql("""
                        select s.id from services s join network_organisations o on o.directory_organization = s.organization_id
                        where o.id = :receiver limit 1""").param("receiver", receiver.organisation()).query(UUID.class).single());
        List<Loop> sent = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            sent.add(new Loop(management.send(sender, person, List.of(service),
                    new ReferralDraft(Urgency.ROUTINE, "benchmark", null), actor).sent().getFirst()));
        }
        loops = sent.toArray(Loop[]::new);

        String url = application.getEnvironment().getProperty("passerelle.database.url");
        plain = DriverManager.getConnection(url, System.getProperty("passerelle.test.db.user", "postgres"),
                System.getProperty("passerelle.test.db.password", ""));
        plain.createStatement().execute("create table plain_rows (id uuid primary key, at timestamptz not null, payload text)");
        plain.setAutoCommit(true);
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        plain.close();
        application.close();
    }

    /** The receiver's next step on the next referral: accepted, in service, completed, each committed. */
    @Benchmark
    public Referral durableTransition() {
        actAs(receiver);
        Loop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        ReferralAction action = switch (loop.taken) {
            case 0 -> new ReferralAction.Accept();
            case 1 -> new ReferralAction.StartService();
            case 2 -> new ReferralAction.Complete(null);
            default -> throw new IllegalStateException("Every referral has closed its loop: raise -p referrals");
        };
        Referral after = management.act(receiver, loop.id, loop.version, action, actor).orElseThrow();
        loop.version = after.version();
        loop.taken++;
        return after;
    }

    /** A plain single-row insert, committed on the same server: the floor a durable write stands on. */
    @Benchmark
    public int plainInsert() throws SQLException {
        try (PreparedStatement insert = plain.prepareStatement("insert into plain_rows (id, at, payload) values (?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, "accepted");
            return insert.executeUpdate();
        }
    }

    private static StaffMember member(JdbcClient jdbc, String email, Role role) {
        return jdbc.sql("select m.account, m.organisation from memberships m join accounts a on a.id = m.account where a.email = :email")
                .param("email", email)
                .query((row, n) -> new StaffMember(row.getObject("account", UUID.class), row.getObject("organisation", UUID.class),
                        email, Set.of(role)))
                .single();
    }

    private static void actAs(StaffMember member) {
        var authorities = member.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null, authorities));
        SecurityContextHolder.setContext(context);
    }
}
