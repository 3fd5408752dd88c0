package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of an HSDS file before they are checked: one row per table and id, merged from every
 * place the file mentions it (a nested JSON document repeats a phone under its service, its
 * location and its contact), each remembering where it came from for the report.
 */
final class HsdsDataset {

    /** One row as the file wrote it: field values as read, and where they were read. */
    static final class Draft {

        final String table;
        final Map<String, Object> values = new LinkedHashMap<>();
        final String where;

        Draft(String table, String where) {
            this.table = table;
            this.where = where;
        }
    }

    private final Map<String, Map<Object, Draft>> rows = new LinkedHashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    /** Adds a row; a row with the same id merges into the first, and contradictions are problems. */
    void add(Draft draft) {
        Object id = draft.values.get("id");
        if (id == null || id.toString().isBlank()) {
            problems.add(new ImportProblem(draft.where, "id", "hsds.invalid.required"));
            return;
        }
        Map<Object, Draft> table = rows.computeIfAbsent(draft.table, t -> new LinkedHashMap<>());
        Draft existing = table.putIfAbsent(id.toString().strip(), draft);
        if (existing == null) {
            return;
        }
        draft.values.forEach((field, value) -> {
            Object known = existing.values.get(field);
            if (known == null || known.toString().isBlank()) {
                existing.values.put(field, value);
            } else if (value != null && !value.toString().isBlank() && !sameValue(known, value)) {
                problems.add(new ImportProblem(draft.where, field, "hsds.invalid.conflict", existing.where));
            }
        });
    }

    void problem(ImportProblem problem) {
        problems.add(problem);
    }

    List<ImportProblem> problems() {
        return problems;
    }

    Map<String, Map<Object, Draft>> rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a.toString().strip(), b.toString().strip());
    }
}
