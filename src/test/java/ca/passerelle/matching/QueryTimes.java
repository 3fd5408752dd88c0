package ca.passerelle.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.shared.Province;

/**
 * Times each query of a benchmark mix alone, the best of eight, and says which kinds of query the
 * time goes to and which queries are slowest: what the JMH figures cannot name. Run with
 * {@code perf/query-times.sh}; not a test and not a benchmark of record.
 */
final class QueryTimes {

    private static final int QUERIES = 1_000;
    private static final int WARM_UP_ROUNDS = 15;
    private static final int TIMED_ROUNDS = 8;

    private QueryTimes() {
    }

    /** Arguments: how many services (250,000), which mix (typical or selective), how many of the slowest to list (20). */
    public static void main(String[] arguments) {
        int services = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 250_000;
        boolean selective = arguments.length > 1 && arguments[1].equals("selective");
        int slowest = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 20;

        Places places = new Places();
        List<ServiceFacts> directory = new RandomDirectory(20261124, places).services(services);
        ServiceIndex engine = ServiceIndex.of(directory);
        RandomDirectory random = new RandomDirectory(7, places);
        MatchQuery[] queries = new MatchQuery[QUERIES];
        Province[] areas = new Province[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            MatchQuery typical = random.query().toBuilder().openNow(false).build();
            queries[i] = selective ? MatchingBenchmark.selectiveFrom(typical) : typical;
            areas[i] = queries[i].near() == null ? null : places.provinceOf(queries[i].near()).orElse(null);
        }

        long found = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (int i = 0; i < QUERIES; i++) {
                found += engine.search(queries[i], areas[i]).total();
            }
        }
        long[] best = new long[QUERIES];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (int i = 0; i < QUERIES; i++) {
                long start = System.nanoTime();
                found += engine.search(queries[i], areas[i]).total();
                best[i] = Math.min(best[i], System.nanoTime() - start);
            }
        }

        long[] sorted = best.clone();
        Arrays.sort(sorted);
        System.out.printf("%s, %,d services, best of %d per query: mean %.1f µs, p50 %.1f, p90 %.1f, p99 %.1f, max %.1f (%,d found)%n",
                selective ? "selective" : "typical", services, TIMED_ROUNDS, Arrays.stream(best).average().orElse(0) / 1e3,
                sorted[QUERIES / 2] / 1e3, sorted[QUERIES * 9 / 10] / 1e3, sorted[QUERIES * 99 / 100] / 1e3, sorted[QUERIES - 1] / 1e3, found);
        long all = Arrays.stream(best).sum();
        Map<String, long[]> byKind = new TreeMap<>();
        for (int i = 0; i < QUERIES; i++) {
            long[] kind = byKind.computeIfAbsent(kindOf(queries[i]), k -> new long[2]);
            kind[0]++;
            kind[1] += best[i];
        }
        byKind.forEach((kind, times) -> System.out.printf("  %-22s %4d queries, mean %7.1f µs, %4.1f %% of the time%n", kind, times[0],
                times[1] / 1e3 / times[0], 100.0 * times[1] / all));
        IntStream.range(0, QUERIES).boxed().sorted(Comparator.comparingLong(i -> -best[i])).limit(slowest)
                .forEach(i -> System.out.printf("  %7.1f µs  %s%n", best[i] / 1e3, queries[i]));
    }

    private static String kindOf(MatchQuery query) {
        String place = query.near() == null ? "no place" : query.radiusKm() == null ? "place, no radius"
                : query.radiusKm() >= 200 ? "place, 200 km" : "place, up to 50 km";
        int domains = query.domains().size();
        return place + ", " + domains + (domains == 1 ? " domain" : " domains");
    }
}
