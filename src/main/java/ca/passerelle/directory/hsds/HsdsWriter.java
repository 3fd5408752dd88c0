package ca.passerelle.directory.hsds;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes HSDS rows: a row whose id exists is updated only where a value differs, so writing the
 * same rows twice changes nothing, and the count of changed rows says so.
 */
@Component
public class HsdsWriter {

    /** Tables whose rows curators edit through forms, where a version detects a stale form. */
    private static final Set<String> VERSIONED = Set.of("organizations");
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    HsdsWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts or updates {@code rows} of {@code table}; returns how many rows were inserted or
     * changed. Each batch is one statement: every column travels as one array, unnested on the
     * server, so a hundred thousand rows cost a hundred round trips rather than a hundred thousand.
     */
    public int upsert(HsdsTable table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<HsdsField> fields = table.fields();
        String columns = fields.stream().map(f -> quoted(f.name())).collect(Collectors.joining(", "));
        String arrays = IntStream.range(0, fields.size()).mapToObj(i -> "cast(? as text[])").collect(Collectors.joining(", "));
        String typed = IntStream.range(0, fields.size())
                .mapToObj(i -> "cast(c" + i + " as " + SQL_TYPES.get(fields.get(i).type()) + ")")
                .collect(Collectors.joining(", "));
        String aliases = IntStream.range(0, fields.size()).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
        List<HsdsField> updatable = fields.stream().filter(f -> !f.name().equals("id")).toList();
        String assignments = updatable.stream().map(f -> quoted(f.name()) + " = excluded." + quoted(f.name()))
                .collect(Collectors.joining(", "));
        if (VERSIONED.contains(table.sqlTable())) {
            assignments += ", version = t.version + 1";
        }
        String changed = "(" + updatable.stream().map(f -> "t." + quoted(f.name())).collect(Collectors.joining(", "))
                + ") is distinct from (" + updatable.stream().map(f -> "excluded." + quoted(f.name()))
                .collect(Collectors.joining(", ")) + ")";
        String sql = "insert into " + table.sqlTable() + " as t (" + columns + ") select " + typed
                + " from unnest(" + arrays + ") as u(" + aliases + ")"
                + " on conflict (id) do update set " + assignments + " where " + changed;
        int count = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Object[] columnArrays = new Object[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                HsdsField field = fields.get(i);
                columnArrays[i] = batch.stream().map(row -> field.toText(row.get(field.name()))).toArray(String[]::new);
            }
            count += jdbc.update(sql, columnArrays);
        }
        return count;
    }

    /** The column type of each kind of HSDS field. */
    private static final Map<HsdsField.Type, String> SQL_TYPES = Map.of(
            HsdsField.Type.UUID, "uuid",
            HsdsField.Type.TEXT, "text",
            HsdsField.Type.URI, "text",
            HsdsField.Type.EMAIL, "text",
            HsdsField.Type.NUMBER, "numeric",
            HsdsField.Type.DATE, "date",
            HsdsField.Type.DATETIME, "timestamptz",
            HsdsField.Type.TIME, "time");

    static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }
}
