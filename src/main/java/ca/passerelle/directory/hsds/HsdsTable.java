package ca.passerelle.directory.hsds;

import java.util.List;
import java.util.Optional;

/**
 * One HSDS table: its singular name ({@code service}), its file in a tabular data package
 * ({@code services.csv}), which is also the name of its database table, and its fields.
 */
public record HsdsTable(String name, String file, List<HsdsField> fields) {

    public String sqlTable() {
        return file.substring(0, file.length() - ".csv".length());
    }

    public Optional<HsdsField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(HsdsField::name).toList();
    }
}
