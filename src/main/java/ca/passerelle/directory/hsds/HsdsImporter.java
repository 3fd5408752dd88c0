package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.directory.DirectoryImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports HSDS 3.0 data in any of its forms, all or nothing: every bad row and field is reported
 * and nothing is written, or everything is written in one transaction. Importing the same data
 * again changes nothing.
 */
@Component
public class HsdsImporter {

    /** Enough of the report to mend a file; the total tells how many more there are. */
    public static final int REPORTED_PROBLEMS = 500;

    /** The order that lets every written row find the rows it refers to. */
    private static final List<String> WRITE_ORDER = List.of("taxonomy", "taxonomy_term", "organization", "program",
            "service", "location", "service_at_location");

    private final HsdsSchema schema = HsdsSchema.official();
    private final HsdsWriter writer;
    /** Rows written beyond which planner statistics are refreshed before derived columns are. */
    private static final int ANALYZE_AFTER = 10_000;

    private final ServiceFacetRefresh refresh;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    HsdsImporter(HsdsWriter writer, ServiceFacetRefresh refresh, JdbcClient jdbc, TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.writer = writer;
        this.refresh = refresh;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
    }

    public ImportResult importFiles(List<HsdsFile> files, Optional<String> type) {
        HsdsReader reader = new HsdsReader();
        for (HsdsFile file : files) {
            try {
                reader.read(file, type);
            } catch (IOException | UncheckedIOException e) {
                // a truncated zip or a broken CSV stream: the file says nothing more we can trust
                reader.dataset().problem(new ImportProblem(file.name(), "", "hsds.invalid.unreadable"));
            }
        }
        HsdsDataset dataset = reader.dataset();
        if (dataset.isEmpty() && dataset.problems().isEmpty()) {
            dataset.problem(new ImportProblem(files.isEmpty() ? "" : files.getFirst().name(), "", "hsds.invalid.empty-package"));
        }
        List<ImportProblem> problems = new ArrayList<>(dataset.problems());
        Map<String, List<ParsedRow>> rows = parsedRows(dataset, problems);
        checkReferences(rows, problems);
        PasserelleAttributes.check(rows.getOrDefault("attribute", List.of()), problems);
        if (!problems.isEmpty()) {
            return ImportResult.refused(problems);
        }
        Map<String, List<Map<String, Object>>> values = new LinkedHashMap<>();
        rows.forEach((table, parsed) -> values.put(table, parsed.stream().map(ParsedRow::values).toList()));
        return transaction.execute(status -> write(values));
    }

    /**
     * Writes rows Passerelle made itself (the demo directory), already typed, the way an import
     * writes them: one transaction, derived columns refreshed, one event.
     */
    public ImportResult importRows(Map<String, List<Map<String, Object>>> rows) {
        return transaction.execute(status -> write(rows));
    }

    private ImportResult write(Map<String, List<Map<String, Object>>> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int changed = 0;
        for (String table : writeOrder()) {
            List<Map<String, Object>> tableRows = rows.getOrDefault(table, List.of());
            if (!tableRows.isEmpty()) {
                changed += writer.upsert(schema.table(table), tableRows);
                counts.put(table, tableRows.size());
            }
        }
        if (changed > ANALYZE_AFTER) {
            // Statistics of tables that just grew tenfold mislead the planner into nested loops that
            // run for hours; this transaction's own rows count when it samples them.
            jdbc.sql("analyze " + String.join(", ", writeOrder().stream().map(t -> schema.table(t).sqlTable()).toList())).update();
        }
        if (changed > 0) {
            Set<UUID> touched = new HashSet<>();
            rows.values().forEach(list -> list.forEach(row -> row.values().forEach(value -> {
                if (value instanceof UUID id) {
                    touched.add(id);
                }
            })));
            refresh.refreshLocations(touched);
            List<UUID> services = refresh.servicesTouchedBy(touched);
            refresh.refresh(services);
            events.publishEvent(new DirectoryImported(services.size()));
        }
        return new ImportResult(List.of(), counts, changed);
    }

    private List<String> writeOrder() {
        List<String> order = new ArrayList<>(WRITE_ORDER);
        schema.tables().stream().map(HsdsTable::name).filter(name -> !order.contains(name)).forEach(order::add);
        return order;
    }

    /** Each row's values as their fields define them, or a problem for each that does not fit. */
    private Map<String, List<ParsedRow>> parsedRows(HsdsDataset dataset, List<ImportProblem> problems) {
        Map<String, List<ParsedRow>> parsed = new LinkedHashMap<>();
        dataset.rows().forEach((table, drafts) -> {
            HsdsTable definition = schema.table(table);
            List<ParsedRow> list = new ArrayList<>(drafts.size());
            for (HsdsDataset.Draft draft : drafts.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (HsdsField field : definition.fields()) {
                    try {
                        Object value = field.parse(draft.values.get(field.name()));
                        if (value == null && field.required()) {
                            problems.add(new ImportProblem(draft.where, field.name(), "hsds.invalid.required"));
                        }
                        row.put(field.name(), value);
                    } catch (HsdsField.InvalidValue invalid) {
                        problems.add(new ImportProblem(draft.where, field.name(), invalid.messageKey(), invalid.arguments()));
                    }
                }
                list.add(new ParsedRow(draft.where, row));
            }
            parsed.put(table, list);
        });
        return parsed;
    }

    /** The links Passerelle relies on must lead somewhere: in the file, or already in the directory. */
    private void checkReferences(Map<String, List<ParsedRow>> rows, List<ImportProblem> problems) {
        checkReference(rows, "service", "organization_id", "organization", problems);
        checkReference(rows, "service_at_location", "service_id", "service", problems);
        checkReference(rows, "service_at_location", "location_id", "location", problems);
    }

    private void checkReference(Map<String, List<ParsedRow>> rows, String table, String field, String target,
            List<ImportProblem> problems) {
        Set<Object> inFile = new HashSet<>();
        rows.getOrDefault(target, List.of()).forEach(row -> inFile.add(row.values().get("id")));
        List<ParsedRow> referring = rows.getOrDefault(table, List.of()).stream()
                .filter(row -> row.values().get(field) != null && !inFile.contains(row.values().get(field))).toList();
        if (referring.isEmpty()) {
            return;
        }
        String[] wanted = referring.stream().map(row -> row.values().get(field).toString()).distinct().toArray(String[]::new);
        Set<UUID> existing = new HashSet<>(jdbc.sql("select id from " + schema.table(target).sqlTable()
                + " where id = any(cast(:ids as uuid[]))").param("ids", wanted).query(UUID.class).list());
        for (ParsedRow row : referring) {
            if (!existing.contains(row.values().get(field))) {
                problems.add(new ImportProblem(row.where(), field, "hsds.invalid.reference",
                        new DefaultMessageSourceResolvable("hsds.table." + target)));
            }
        }
    }
}
