package ca.passerelle.matching;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ca.passerelle.directory.Capacity;
import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.shared.Province;
import org.postgresql.PGConnection;

/**
 * The benchmark's baseline: the same directory and the same queries answered by PostgreSQL the way
 * a directory would without an engine: SQL filters, GIN on words, languages and provinces,
 * earthdistance boxes on a GiST index for place, the same score computed in SQL, top-k and total.
 * Hours are not stored, so the benchmark's queries never ask "open now".
 */
final class PostgresBaseline implements AutoCloseable {

    /** earthdistance's sphere is 6,378.168 km; GeoPoint's, the mean 6,371.0088 km: scale so both measure alike. */
    private static final double TO_MEAN_EARTH = 6371.0088 / 6378.168;

    private final Connection connection;
    private final String table;

    PostgresBaseline(String url, List<ServiceFacts> directory) throws SQLException {
        connection = DriverManager.getConnection(url, "postgres", "");
        // named for what its rows hold: a run finding an older table of the same size would load it again
        table = "bench_" + directory.size() + "_capacity_dated";
        try (var statement = connection.createStatement()) {
            statement.execute("create extension if not exists cube");
            statement.execute("create extension if not exists earthdistance");
        }
        if (!loaded()) {
            load(directory);
        }
    }

    private static int capacityPoints(String status) {
        return Ranking.standingPoints(status, false);
    }

    /** The total and the ids of the best {@code query.limit()}, best first. */
    Answer search(MatchQuery query, Province area) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String filters = filters(query, parameters);
        List<Object> namedParameters = new ArrayList<>();
        int mask = IndexedService.bits(query.domains());
        String coverage = query.domains().isEmpty() ? "50" : "50.0 * bit_count((s.domain_bits & " + mask + ")::bit(32)) / " + query.domains().size();
        String distance = query.near() == null ? "0" : "case when h.km is null then 10 else 30 / (1 + h.km / 10) - 10 * log(1 + h.km / 100) end";
        String score = coverage + " + " + distance + " + case when s.open247 then 8 else 0 end"
                + " + case when s.capacity_old_from <= '" + query.at() + "'::timestamptz then " + capacityPoints(null)
                + " else case s.capacity" + Capacity.STATUSES.stream().map(status -> " when '" + status + "' then " + capacityPoints(status)).collect(Collectors.joining())
                + " else " + capacityPoints(null) + " end end"
                + " + case when s.trafficking then 4 else 0 end"
                + " + " + namedPoints(query, namedParameters);
        String hits;
        List<Object> all = new ArrayList<>();
        if (query.near() != null && query.radiusKm() != null) {
            String here = "ll_to_earth(" + query.near().latitude() + ", " + query.near().longitude() + ")";
            double metres = query.radiusKm() * 1000 / TO_MEAN_EARTH;
            hits = "select s.id, n.km from " + table + " s join (select t.service, min(earth_distance(t.earth, " + here + ")) * "
                    + TO_MEAN_EARTH + " / 1000 as km"
                    + " from " + table + "_site t where earth_box(" + here + ", " + metres + ") @> t.earth"
                    + " and earth_distance(t.earth, " + here + ") <= " + metres + " group by t.service) n on n.service = s.id"
                    + " where " + filters;
            all.addAll(parameters);
            if (area != null) {
                hits += " union all select s.id, null from " + table + " s where not s.has_sites and s.provinces @> array['"
                        + area.code() + "'] and " + filters;
                all.addAll(parameters);
            }
        } else if (query.near() != null) {
            String here = "ll_to_earth(" + query.near().latitude() + ", " + query.near().longitude() + ")";
            // a service without a site is near only the provinces it serves
            String near = area == null ? "s.has_sites" : "(s.has_sites or s.provinces @> array['" + area.code() + "'])";
            hits = "select s.id, (select min(earth_distance(t.earth, " + here + ")) * " + TO_MEAN_EARTH + " / 1000 from " + table + "_site t where t.service = s.id) km"
                    + " from " + table + " s where " + near + " and " + filters;
            all.addAll(parameters);
        } else {
            hits = "select s.id, null::float8 as km from " + table + " s where " + filters;
            all.addAll(parameters);
        }
        String sql = "select s.uuid, count(*) over () as total from (" + hits + ") h join " + table + " s on s.id = h.id"
                + " order by " + score + " desc, h.km nulls last, s.uuid limit " + query.limit();
        all.addAll(namedParameters); // the score's, which the order by asks last
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < all.size(); i++) {
                statement.setObject(i + 1, all.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                int total = 0;
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    total = rows.getInt(2);
                }
                return new Answer(total, ids);
            }
        }
    }

    record Answer(int total, List<String> ids) {
    }

    private String filters(MatchQuery query, List<Object> parameters) throws SQLException {
        List<String> filters = new ArrayList<>(List.of("s.active"));
        if (!query.domains().isEmpty()) {
            filters.add("s.domain_bits & " + IndexedService.bits(query.domains()) + " <> 0");
        }
        if (query.province() != null) {
            filters.add("s.provinces @> ?");
            parameters.add(texts(Set.of(query.province().code())));
        }
        if (!query.languages().isEmpty()) {
            filters.add("s.languages && ?");
            parameters.add(texts(query.languages()));
        }
        if (query.open247()) {
            filters.add("s.open247");
        }
        if (query.substanceUseAccessible()) {
            filters.add("s.substance");
        }
        if (query.noStatusRequired()) {
            filters.add("s.no_status");
        }
        if (query.traffickingSpecific()) {
            filters.add("s.trafficking");
        }
        if (query.acceptingNewClients()) {
            filters.add("s.capacity = 'accepting'");
        }
        if (query.age() != null) {
            filters.add("(s.min_age is null or s.min_age <= " + query.age() + ") and (s.max_age is null or s.max_age >= " + query.age() + ")");
        }
        if (query.gender() != null) {
            filters.add("(cardinality(s.genders) = 0 or s.genders @> ?)");
            parameters.add(texts(Set.of(query.gender())));
        }
        if (query.text() != null) {
            for (String word : Words.searched(query.text())) {
                filters.add("s.terms && ?");
                parameters.add(texts(Words.sought(word)));
            }
        }
        return String.join(" and ", filters);
    }

    /** {@link Ranking#NAMED} for a service whose name holds every word typed, by any form it is sought by. */
    private String namedPoints(MatchQuery query, List<Object> parameters) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (String word : query.text() == null ? List.<String>of() : Words.searched(query.text())) {
            holding.add("s.name_terms && ?");
            parameters.add(texts(Words.sought(word)));
        }
        return holding.isEmpty() ? "0" : "case when " + String.join(" and ", holding) + " then " + Ranking.NAMED + " else 0 end";
    }

    private Array texts(Set<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private boolean loaded() throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("select count(*) from pg_tables where tablename = '" + table + "_site'")) {
            exists.next();
            return exists.getInt(1) == 1;
        }
    }

    /** Copies the directory in and indexes it, once per size: later runs reuse the tables. */
    private void load(List<ServiceFacts> directory) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("drop table if exists " + table + ", " + table + "_site");
            statement.execute("create table " + table + " (id int primary key, uuid uuid not null, active bool, domain_bits int,"
                    + " provinces text[], languages text[], open247 bool, substance bool, no_status bool, trafficking bool,"
                    + " capacity text, capacity_old_from timestamptz, min_age int, max_age int, genders text[], terms text[], name_terms text[], has_sites bool)");
            statement.execute("create table " + table + "_site (service int, latitude float8, longitude float8)");
        }
        StringBuilder services = new StringBuilder();
        StringBuilder sites = new StringBuilder();
        for (int id = 0; id < directory.size(); id++) {
            ServiceFacts s = directory.get(id);
            services.append(id).append('\t').append(s.id().value()).append('\t').append(s.active()).append('\t')
                    .append(IndexedService.bits(s.domains())).append('\t')
                    .append(array(s.provinces().stream().map(Province::code).collect(Collectors.toSet()))).append('\t')
                    .append(array(s.languages())).append('\t').append(s.open247()).append('\t').append(s.substanceUseAccessible())
                    .append('\t').append(s.noStatusRequired()).append('\t').append(s.traffickingSpecific()).append('\t')
                    .append(s.capacity() == null ? "\\N" : s.capacity().status()).append('\t')
                    .append(s.capacity() == null || s.capacity().oldFrom() == null ? "\\N" : s.capacity().oldFrom()).append('\t')
                    .append(s.minimumAge() == null ? "\\N" : s.minimumAge()).append('\t')
                    .append(s.maximumAge() == null ? "\\N" : s.maximumAge()).append('\t').append(array(s.genders())).append('\t')
                    .append(array(Words.terms(s.words()))).append('\t').append(array(Words.terms(IndexedService.names(s)))).append('\t')
                    .append(!s.sites().isEmpty()).append('\n');
            for (ServiceFacts.Site site : s.sites()) {
                sites.append(id).append('\t').append(site.point().latitude()).append('\t').append(site.point().longitude()).append('\n');
            }
        }
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy " + table + " from stdin", new StringReader(services.toString()));
            copy.copyIn("copy " + table + "_site from stdin", new StringReader(sites.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("alter table " + table + "_site add column earth earth");
            statement.execute("update " + table + "_site set earth = ll_to_earth(latitude, longitude)");
            statement.execute("create index on " + table + "_site using gist (earth)");
            statement.execute("create index on " + table + "_site (service)");
            statement.execute("create index on " + table + " using gin (terms)");
            statement.execute("create index on " + table + " using gin (languages)");
            statement.execute("create index on " + table + " using gin (provinces)");
            // vacuumed now, not by autovacuum during the measurement (the update above left a dead row a site)
            statement.execute("vacuum analyze " + table);
            statement.execute("vacuum analyze " + table + "_site");
        }
    }

    private static String array(Set<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
