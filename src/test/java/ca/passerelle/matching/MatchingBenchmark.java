package ca.passerelle.matching;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
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

/**
 * The engine against PostgreSQL on the same synthetic directory and the same queries, in one run:
 * a typical mix (the oracle test's random queries, without "open now", which the baseline cannot
 * answer) and a selective tail (rare languages and filters together). Run with
 * {@code perf/matching-benchmark.sh}; PostgreSQL is {@code -Dbench.db} (the machine's by default).
 *
 * <p>The fork's young generation is fixed at 512 MB, about what the application's 1 GiB heap gives
 * it: left to grow, it grew for the whole run, and searches paid for touching fresh memory (the
 * kernel's page faults) rather than for searching, a fifth of the time and most of the spread
 * between iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-Xmn512m", "-XX:+UseParallelGC"})
public class MatchingBenchmark {

    private static final int QUERIES = 1_000;

    @Param({"250000", "1000000"})
    int services;

    private Places places;
    private ServiceIndex engine;
    private PostgresBaseline postgres;
    private Asked[] typical;
    private Asked[] selective;
    private int next;

    record Asked(MatchQuery query, Province area) {
    }

    @Setup(Level.Trial)
    public void build() throws SQLException {
        places = new Places();
        List<ServiceFacts> directory = new RandomDirectory(20261124, places).services(services);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        engine = ServiceIndex.of(directory);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("%nindex of %,d services: about %,d bytes a service (heap growth after GC)%n", services, (after - before) / services);
        postgres = new PostgresBaseline(System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/test"), directory);
        RandomDirectory random = new RandomDirectory(7, places);
        typical = new Asked[QUERIES];
        selective = new Asked[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            typical[i] = asked(random.query().toBuilder().openNow(false).build());
            selective[i] = asked(selectiveFrom(random.query()));
        }
        checkBothAgree(typical);
        checkBothAgree(selective);
    }

    /** A query narrowed the way the rare asks are: a language few services speak, with several filters at once. */
    static MatchQuery selectiveFrom(MatchQuery random) {
        Set<String> rare = new HashSet<>(List.of(RandomDirectory.LANGUAGES.get(random.limit() % RandomDirectory.LANGUAGES.size())));
        rare.removeAll(Set.of("fr", "en"));
        return random.toBuilder().openNow(false).languages(rare.isEmpty() ? Set.of("tl") : rare).traffickingSpecific(true)
                .noStatusRequired(true).domains(Set.of(NeedDomain.values()[random.limit() % NeedDomain.values().length])).build();
    }

    private Asked asked(MatchQuery query) {
        return new Asked(query, places.areaOf(query));
    }

    /** The baseline answers the same queries: the same totals and, ranking aside, the same best service where scores differ. */
    private void checkBothAgree(Asked[] queries) throws SQLException {
        for (int i = 0; i < 50; i++) {
            int fromEngine = engine.search(queries[i].query(), queries[i].area()).total();
            int fromPostgres = postgres.search(queries[i].query(), queries[i].area()).total();
            if (fromEngine != fromPostgres) {
                throw new IllegalStateException("engine found " + fromEngine + ", PostgreSQL " + fromPostgres + " for " + queries[i].query());
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        postgres.close();
    }

    @Benchmark
    public Search.Found engineTypical() {
        Asked asked = typical[next++ % QUERIES];
        return engine.search(asked.query(), asked.area());
    }

    @Benchmark
    public Search.Found engineSelective() {
        Asked asked = selective[next++ % QUERIES];
        return engine.search(asked.query(), asked.area());
    }

    @Benchmark
    public PostgresBaseline.Answer postgresTypical() throws SQLException {
        Asked asked = typical[next++ % QUERIES];
        return postgres.search(asked.query(), asked.area());
    }

    @Benchmark
    public PostgresBaseline.Answer postgresSelective() throws SQLException {
        Asked asked = selective[next++ % QUERIES];
        return postgres.search(asked.query(), asked.area());
    }
}
