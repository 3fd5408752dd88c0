package ca.passerelle.directory.hsds;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an import: either the problems that stopped it (and nothing was written), or
 * how many rows each table received and how many of them were new or changed.
 */
public record ImportResult(List<ImportProblem> problems, Map<String, Integer> rowsByTable, int changedRows) {

    public static ImportResult refused(List<ImportProblem> problems) {
        return new ImportResult(List.copyOf(problems), Map.of(), 0);
    }

    public boolean imported() {
        return problems.isEmpty();
    }

    public int rows() {
        return rowsByTable.values().stream().mapToInt(Integer::intValue).sum();
    }
}
