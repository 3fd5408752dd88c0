package ca.passerelle.directory.hsds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads HSDS rows as the public may see them. A confidential location loses its coordinates and
 * every detail that could lead to it; its addresses, and metadata recording them, never leave the
 * database; its confidentiality attribute names only its city. Every HSDS answer and export reads
 * through here, so no public door can forget the rule.
 */
@Component
public class HsdsRows {

    /** Location fields a confidential location never shows to the public. */
    private static final List<String> WITHHELD_LOCATION_FIELDS = List.of(
            "latitude", "longitude", "description", "transportation", "external_identifier", "external_identifier_type");

    private static final String CONFIDENTIAL = "exists (select 1 from locations l where l.confidential and l.id = %s)";

    private final JdbcClient jdbc;

    HsdsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of {@code table} whose {@code field} is one of {@code values}, in id order. */
    public List<Map<String, Object>> where(HsdsTable table, String field, Collection<UUID> values) {
        List<UUID> wanted = values.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        String sql = select(table) + " where t.\"" + field + "\" = any(cast(:values as uuid[])) order by t.id";
        return jdbc.sql(sql)
                .param("values", wanted.stream().map(UUID::toString).toArray(String[]::new))
                .query((row, n) -> publicRow(table, row))
                .list()
                .stream().filter(Objects::nonNull).toList();
    }

    /**
     * A batch of the rows of {@code table} in id order after {@code after} (keyset paging), with
     * the id to continue after, or {@code null} when the table has no more rows.
     */
    public Batch after(HsdsTable table, UUID after, int limit) {
        String sql = select(table) + " where (cast(:after as uuid) is null or t.id > cast(:after as uuid)) order by t.id limit :limit";
        List<UUID> ids = new java.util.ArrayList<>();
        List<Map<String, Object>> found = jdbc.sql(sql)
                .param("after", after == null ? null : after.toString())
                .param("limit", limit)
                .query((row, n) -> {
                    ids.add(row.getObject("id", UUID.class));
                    return publicRow(table, row);
                })
                .list();
        return new Batch(found.stream().filter(Objects::nonNull).toList(), ids.size() < limit ? null : ids.getLast());
    }

    /** Rows read in one go, and where the next batch starts ({@code null}: none). */
    public record Batch(List<Map<String, Object>> rows, UUID next) {
    }

    private static String select(HsdsTable table) {
        String withheld = switch (table.name()) {
            case "location" -> "t.confidential";
            case "address" -> CONFIDENTIAL.formatted("t.location_id");
            case "metadata" -> CONFIDENTIAL.formatted("t.resource_id") + " or exists (select 1 from addresses a join locations l"
                    + " on l.id = a.location_id where l.confidential and a.id = t.resource_id)";
            case "attribute" -> "t.taxonomy_term_id = '" + PasserelleTaxonomy.CONFIDENTIAL_LOCATION.id() + "'";
            default -> "false";
        };
        String place = table.name().equals("attribute")
                ? ", (select concat_ws(', ', a.city, a.state_province) from addresses a where a.location_id = t.link_id"
                        + " order by a.address_type <> 'physical', a.id limit 1) as place"
                : "";
        return "select t.*, (" + withheld + ") as withheld" + place + " from " + table.sqlTable() + " t";
    }

    private static Map<String, Object> publicRow(HsdsTable table, ResultSet row) throws SQLException {
        boolean withheld = row.getBoolean("withheld");
        if (withheld && (table.name().equals("address") || table.name().equals("metadata"))) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (HsdsField field : table.fields()) {
            values.put(field.name(), field.read(row));
        }
        if (withheld && table.name().equals("location")) {
            WITHHELD_LOCATION_FIELDS.forEach(values::remove);
        }
        if (withheld && table.name().equals("attribute")) {
            values.put("value", row.getString("place"));
        }
        return values;
    }
}
