package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A filtered, paged selection of ids from one HSDS table: conditions are added one by one, each
 * with its named parameters, and the same conditions count the total and select the page.
 */
final class HsdsQuery {

    /** Full-text search of services in French and English, accents and case ignored. */
    static final String TEXT_QUERY = ServiceFacetRefresh.searchFor("search");

    private final String from;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** {@code from} names the table as {@code t}, joins included: {@code services t}. */
    HsdsQuery(String from) {
        this.from = from;
    }

    HsdsQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    HsdsQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    HsdsQuery parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from " + from + where()).params(parameters).query(Long.class).single();
    }

    List<UUID> ids(JdbcClient jdbc, long offset, int limit) {
        return jdbc.sql("select t.id from " + from + where() + " order by t.id offset :offset limit :limit")
                .params(parameters).param("offset", offset).param("limit", limit)
                .query(UUID.class).list();
    }

    /** The next ids after {@code after}, for streaming every match without counting. */
    List<UUID> idsAfter(JdbcClient jdbc, UUID after, int limit) {
        String keyset = (conditions.isEmpty() ? " where " : " and ") + "(cast(:after as uuid) is null or t.id > cast(:after as uuid))";
        return jdbc.sql("select t.id from " + from + where() + keyset + " order by t.id limit :limit")
                .params(parameters).param("after", after == null ? null : after.toString()).param("limit", limit)
                .query(UUID.class).list();
    }

    private String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
