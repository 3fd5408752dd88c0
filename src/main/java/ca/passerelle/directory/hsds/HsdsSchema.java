package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HSDS 3.0 tables and fields, read from the official tabular data package bundled with
 * Passerelle, so the code never restates what the standard says.
 */
public final class HsdsSchema {

    public static final String VERSION = "3.0";
    private static final String DATAPACKAGE = "/hsds/datapackage.json";

    private static final HsdsSchema OFFICIAL = load();

    private final Map<String, HsdsTable> tablesByName;

    private HsdsSchema(Map<String, HsdsTable> tablesByName) {
        this.tablesByName = tablesByName;
    }

    public static HsdsSchema official() {
        return OFFICIAL;
    }

    public List<HsdsTable> tables() {
        return List.copyOf(tablesByName.values());
    }

    /** The table of an HSDS name such as {@code service} or {@code service_at_location}. */
    public HsdsTable table(String name) {
        HsdsTable table = tablesByName.get(name);
        if (table == null) {
            throw new NoSuchElementException("no HSDS table " + name);
        }
        return table;
    }

    public java.util.Optional<HsdsTable> tableOfFile(String file) {
        return tablesByName.values().stream().filter(t -> t.file().equals(file)).findFirst();
    }

    private static HsdsSchema load() {
        try (InputStream in = HsdsSchema.class.getResourceAsStream(DATAPACKAGE)) {
            JsonNode datapackage = JsonMapper.shared().readTree(in);
            Map<String, HsdsTable> tables = new LinkedHashMap<>();
            for (JsonNode resource : datapackage.get("resources")) {
                List<HsdsField> fields = new ArrayList<>();
                for (JsonNode field : resource.get("schema").get("fields")) {
                    fields.add(field(field));
                }
                String name = resource.get("name").asString();
                tables.put(name, new HsdsTable(name, resource.get("path").asString(), List.copyOf(fields)));
            }
            return new HsdsSchema(tables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DATAPACKAGE, e);
        }
    }

    private static HsdsField field(JsonNode field) {
        JsonNode constraints = field.path("constraints");
        List<String> allowed = new ArrayList<>();
        constraints.path("enum").forEach(value -> allowed.add(value.asString()));
        String format = field.path("format").asString("");
        HsdsField.Type type = switch (field.get("type").asString()) {
            case "number", "integer" -> HsdsField.Type.NUMBER;
            case "date" -> HsdsField.Type.DATE;
            case "datetime" -> HsdsField.Type.DATETIME;
            case "time" -> HsdsField.Type.TIME;
            default -> switch (format) {
                case "uuid" -> HsdsField.Type.UUID;
                case "uri" -> HsdsField.Type.URI;
                case "email" -> HsdsField.Type.EMAIL;
                default -> HsdsField.Type.TEXT;
            };
        };
        return new HsdsField(field.get("name").asString(), type,
                constraints.path("required").asBoolean(false), List.copyOf(allowed));
    }
}
