package ca.passerelle.matching;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * time goes to and which queries are slowest: what the JMH figures cannot name. Given another
 * build's classes, it times both engines side by side in one JVM, query by query in turn (each
 * build in a class loader of its own), so a change is measured against its base in one sitting
 * rather than in two runs a noisy machine can tell apart. Run with {@code perf/query-times.sh};
 * not a test and not a benchmark of record.
 */
final class QueryTimes {

    private static final int QUERIES = 1_000;
    private static final int WARM_UP_ROUNDS = 15;
    private static final int TIMED_ROUNDS = 8;

    private QueryTimes() {
    }

    /**
     * Arguments: how many services (250,000), which mix (typical or selective), how many of the
     * slowest to list (20), and the classes folder of a build to compare with (none).
     */
    public static void main(String[] arguments) throws Exception {
        int services = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 250_000;
        boolean selective = arguments.length > 1 && arguments[1].equals("selective");
        int slowest = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 20;
        List<Path> builds = new ArrayList<>(List.of(codeOf(Segment.class)));
        if (arguments.length > 3) {
            builds.addFirst(Path.of(arguments[3]).toAbsolutePath());
        }

        List<Timed> engines = new ArrayList<>();
        for (Path build : builds) {
            engines.add(builds.size() == 1 ? new Engine(services, selective) : Timed.loadedFrom(build, services, selective));
        }
        long[][] best = new long[engines.size()][QUERIES];
        for (long[] times : best) {
            Arrays.fill(times, Long.MAX_VALUE);
        }
        for (int round = 0; round < WARM_UP_ROUNDS + TIMED_ROUNDS; round++) {
            for (int i = 0; i < QUERIES; i++) {
                for (int turn = 0; turn < engines.size(); turn++) {
                    // each engine goes first as often as the other: the second runs on a cache the first has stirred
                    int e = (turn + i + round) % engines.size();
                    long nanos = engines.get(e).nanos(i);
                    if (round >= WARM_UP_ROUNDS) {
                        best[e][i] = Math.min(best[e][i], nanos);
                    }
                }
            }
        }

        // the queries, to name them: the same seeds make the same ones, whichever class loader
        Engine queries = engines.getLast() instanceof Engine engine ? engine : new Engine(0, selective);
        for (int e = 0; e < engines.size(); e++) {
            long[] sorted = best[e].clone();
            Arrays.sort(sorted);
            System.out.printf("%s, %,d services, best of %d per query%s: mean %.1f µs, p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                    selective ? "selective" : "typical", services, TIMED_ROUNDS, builds.size() == 1 ? "" : ", " + builds.get(e),
                    Arrays.stream(best[e]).average().orElse(0) / 1e3, sorted[QUERIES / 2] / 1e3, sorted[QUERIES * 9 / 10] / 1e3,
                    sorted[QUERIES * 99 / 100] / 1e3, sorted[QUERIES - 1] / 1e3);
        }
        long[] mine = best[engines.size() - 1];
        long all = Arrays.stream(mine).sum();
        Map<String, long[]> byKind = new TreeMap<>();
        for (int i = 0; i < QUERIES; i++) {
            long[] kind = byKind.computeIfAbsent(kindOf(queries.query(i)), k -> new long[3]);
            kind[0]++;
            kind[1] += mine[i];
            kind[2] += best[0][i];
        }
        byKind.forEach((kind, times) -> System.out.printf("  %-30s %4d queries, mean %7.1f µs, %4.1f %% of the time%s%n", kind,
                times[0], times[1] / 1e3 / times[0], 100.0 * times[1] / all,
                builds.size() == 1 ? "" : String.format(" (the other: %7.1f µs, %.2fx)", times[2] / 1e3 / times[0],
                        (double) times[2] / times[1])));
        IntStream.range(0, QUERIES).boxed().sorted(Comparator.comparingLong(i -> -mine[i])).limit(slowest)
                .forEach(i -> System.out.printf("  %7.1f µs  %s%n", mine[i] / 1e3, queries.query(i)));
    }

    private static String kindOf(MatchQuery query) {
        String place = query.near() == null ? "no place" : query.radiusKm() == null ? "place, no radius"
                : query.radiusKm() >= 200 ? "place, 200 km" : "place, up to 50 km";
        int domains = query.domains().size();
        return place + ", " + domains + (domains == 1 ? " domain" : " domains");
    }

    private static Path codeOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** An engine answering the mix, timed one query at a time. */
    interface Timed {

        long nanos(int query);

        /**
         * The same engine built from another build's classes: this checkout's test classes (the
         * directory and queries) over them, in a class loader of its own.
         */
        static Timed loadedFrom(Path build, int services, boolean selective) throws Exception {
            Path tests = codeOf(QueryTimes.class);
            Path classes = codeOf(Segment.class);
            List<URL> path = new ArrayList<>(List.of(tests.toUri().toURL(), build.toUri().toURL()));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path dependency = Path.of(entry).toAbsolutePath();
                if (!dependency.equals(tests) && !dependency.equals(classes)) {
                    path.add(dependency.toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader); // the gazetteer is read through it
            try {
                Class<?> engine = loader.loadClass(Engine.class.getName());
                Object loaded = engine.getConstructor(int.class, boolean.class).newInstance(services, selective);
                Method nanos = engine.getMethod("nanos", int.class);
                return query -> {
                    try {
                        return (long) nanos.invoke(loaded, query);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                };
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    /** The engine over the seeded directory, and the mix's queries. */
    public static final class Engine implements Timed {

        private final ServiceIndex index;
        private final MatchQuery[] queries = new MatchQuery[QUERIES];
        private final Province[] areas = new Province[QUERIES];
        /** What the searches found, kept so none of them is optimised away. */
        private long found;

        public Engine(int services, boolean selective) {
            Places places = new Places();
            List<ServiceFacts> directory = new RandomDirectory(20261124, places).services(services);
            index = ServiceIndex.of(directory);
            RandomDirectory random = new RandomDirectory(7, places);
            for (int i = 0; i < QUERIES; i++) {
                MatchQuery typical = random.query().toBuilder().openNow(false).build();
                queries[i] = selective ? MatchingBenchmark.selectiveFrom(typical) : typical;
                areas[i] = queries[i].near() == null ? null : places.provinceOf(queries[i].near()).orElse(null);
            }
        }

        @Override
        public long nanos(int query) {
            long start = System.nanoTime();
            found += index.search(queries[query], areas[query]).total();
            return System.nanoTime() - start;
        }

        MatchQuery query(int i) {
            return queries[i];
        }
    }
}
