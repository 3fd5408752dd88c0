package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every form HSDS 3.0 data comes in into one {@link HsdsDataset}: the CSV files of a
 * tabular data package (loose or zipped), the tabular JSON form, and the nested JSON documents
 * (a service, organization, service at location, location, taxonomy or taxonomy term; an array
 * of them; or an API page of them).
 */
final class HsdsReader {

    private static final HsdsSchema SCHEMA = HsdsSchema.official();
    private static final Set<String> TOP_LEVEL_TYPES = Set.of("service", "organization", "service_at_location",
            "location", "taxonomy", "taxonomy_term");

    private final HsdsDataset dataset = new HsdsDataset();

    /** What was read, with the links that nesting implies but the JSON forms leave unwritten. */
    HsdsDataset dataset() {
        inferProgramOrganizations();
        return dataset;
    }

    /**
     * A program nested in a service belongs to the service's organization: the JSON forms say so
     * by nesting alone, while the tables require it written.
     */
    private void inferProgramOrganizations() {
        var programs = dataset.rows().getOrDefault("program", Map.of());
        for (HsdsDataset.Draft service : dataset.rows().getOrDefault("service", Map.of()).values()) {
            Object program = service.values.get("program_id");
            Object organization = service.values.get("organization_id");
            HsdsDataset.Draft nested = program == null ? null : programs.get(program.toString().strip());
            if (nested != null && organization != null && blank(nested.values.get("organization_id"))) {
                nested.values.put("organization_id", organization);
            }
        }
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /** Reads one file; {@code type} names the HSDS table of a nested JSON document when it cannot be told. */
    void read(HsdsFile file, Optional<String> type) throws IOException {
        String name = file.name().toLowerCase(Locale.ROOT);
        try (InputStream in = file.content().open()) {
            if (name.endsWith(".zip")) {
                readZip(in);
            } else if (name.endsWith(".csv")) {
                readCsv(baseName(file.name()), in);
            } else if (name.endsWith(".json") || name.endsWith(".ndjson")) {
                readJson(baseName(file.name()), in, type);
            } else {
                dataset.problem(new ImportProblem(file.name(), "", "hsds.invalid.file-type"));
            }
        }
    }

    private void readZip(InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry entry;
        boolean any = false;
        while ((entry = zip.getNextEntry()) != null) {
            String name = baseName(entry.getName());
            if (entry.isDirectory() || name.startsWith(".") || name.equals("datapackage.json")) {
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                readCsv(name, zip);
                any = true;
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                readJson(name, zip, Optional.empty());
                any = true;
            }
        }
        if (!any) {
            dataset.problem(new ImportProblem("zip", "", "hsds.invalid.empty-package"));
        }
    }

    private void readCsv(String fileName, InputStream in) throws IOException {
        Optional<HsdsTable> table = SCHEMA.tableOfFile(fileName);
        if (table.isEmpty()) {
            dataset.problem(new ImportProblem(fileName, "", "hsds.invalid.unknown-file"));
            return;
        }
        // Closing the parser would close a zip entry's stream: read it fully, close nothing.
        Reader reader = new InputStreamReader(withoutByteOrderMark(in), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get().parse(reader);
        List<String> unknown = parser.getHeaderNames().stream()
                .filter(column -> table.get().field(column.strip()).isEmpty()).toList();
        for (String column : unknown) {
            dataset.problem(new ImportProblem(fileName, column, "hsds.invalid.unknown-field"));
        }
        for (CSVRecord record : parser) {
            var draft = new HsdsDataset.Draft(table.get().name(), fileName + ":" + (record.getRecordNumber() + 1));
            record.toMap().forEach((column, value) -> {
                if (table.get().field(column.strip()).isPresent()) {
                    draft.values.put(column.strip(), value);
                }
            });
            dataset.add(draft);
        }
    }

    private void readJson(String fileName, InputStream in, Optional<String> type) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(in);
        } catch (JacksonException e) {
            dataset.problem(new ImportProblem(fileName, "", "hsds.invalid.json",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
            return;
        }
        if (root == null || root.isMissingNode()) {
            dataset.problem(new ImportProblem(fileName, "", "hsds.invalid.empty-package"));
        } else if (root.isObject() && !root.isEmpty() && root.propertyNames().stream().allMatch(n -> n.endsWith(".csv"))) {
            readTabularJson(fileName, root);
        } else if (root.isObject() && root.has("contents") && root.get("contents").isArray()) {
            readDocuments(fileName, "/contents", root.get("contents"), type);
        } else if (root.isArray()) {
            readDocuments(fileName, "", root, type);
        } else if (root.isObject()) {
            readDocument(fileName, "", root, type.orElseGet(() -> guessType(root)));
        } else {
            dataset.problem(new ImportProblem(fileName, "", "hsds.invalid.not-hsds"));
        }
    }

    private void readTabularJson(String fileName, JsonNode root) {
        root.forEachEntry((file, rows) -> {
            Optional<HsdsTable> table = SCHEMA.tableOfFile(file);
            if (table.isEmpty() || !rows.isArray()) {
                dataset.problem(new ImportProblem(fileName, file, "hsds.invalid.unknown-file"));
                return;
            }
            int index = 0;
            for (JsonNode row : rows) {
                String where = fileName + ":/" + file + "/" + index++;
                var draft = new HsdsDataset.Draft(table.get().name(), where);
                readScalars(table.get(), row, where, draft, false);
                dataset.add(draft);
            }
        });
    }

    private void readDocuments(String fileName, String path, JsonNode array, Optional<String> type) {
        int index = 0;
        for (JsonNode document : array) {
            String where = path + "/" + index++;
            readDocument(fileName, where, document, type.orElseGet(() -> guessType(document)));
        }
    }

    private void readDocument(String fileName, String path, JsonNode document, String type) {
        if (!TOP_LEVEL_TYPES.contains(type) || !document.isObject()) {
            dataset.problem(new ImportProblem(fileName + ":" + path, "", "hsds.invalid.not-hsds"));
            return;
        }
        readNested(fileName, path, document, type, null, null);
    }

    /**
     * Reads a nested document of {@code table}: its own fields, the link to its parent that the
     * nesting implies, and its nested documents, which in turn learn their link to it.
     */
    private void readNested(String fileName, String path, JsonNode node, String table, HsdsNesting.Link fromParent,
            HsdsDataset.Draft parent) {
        HsdsTable definition = SCHEMA.table(table);
        String where = fileName + ":" + (path.isEmpty() ? "/" : path);
        if (!node.isObject()) {
            dataset.problem(new ImportProblem(where, "", "hsds.invalid.not-an-object"));
            return;
        }
        var draft = new HsdsDataset.Draft(table, where);
        readScalars(definition, node, where, draft, true);
        if (fromParent != null && fromParent.childRefersToParent() && parent.values.get("id") != null) {
            linkTo(draft, fromParent.field(), parent.values.get("id"), where);
            if (table.equals("attribute")) {
                draft.values.putIfAbsent("link_entity", parent.table);
            } else if (table.equals("metadata")) {
                draft.values.putIfAbsent("resource_type", parent.table);
            }
        }
        List<HsdsNesting.Link> links = HsdsNesting.linksOf(table);
        node.forEachEntry((property, value) -> {
            if (!value.isContainer()) {
                return;
            }
            Optional<HsdsNesting.Link> link = links.stream().filter(l -> l.property().equals(property)).findFirst();
            if (link.isEmpty()) {
                dataset.problem(new ImportProblem(where, property, "hsds.invalid.unknown-field"));
            } else if (link.get().single()) {
                readNested(fileName, path + "/" + property, value, link.get().table(), link.get(), draft);
                Object childId = value.path("id").asString(null);
                if (childId != null) {
                    linkTo(draft, link.get().field(), childId, where);
                }
            } else if (!value.isArray()) {
                dataset.problem(new ImportProblem(where, property, "hsds.invalid.not-an-array"));
            } else {
                int index = 0;
                for (JsonNode child : value) {
                    readNested(fileName, path + "/" + property + "/" + index++, child, link.get().table(), link.get(), draft);
                }
            }
        });
        dataset.add(draft);
    }

    private void linkTo(HsdsDataset.Draft draft, String field, Object id, String where) {
        Object written = draft.values.get(field);
        if (written == null || written.toString().isBlank()) {
            draft.values.put(field, id);
        } else if (!written.toString().strip().equalsIgnoreCase(id.toString().strip())) {
            dataset.problem(new ImportProblem(where, field, "hsds.invalid.nesting", id));
        }
    }

    /**
     * Reads a row's own values. Nested documents are read by the caller when {@code nesting} is
     * allowed; in a flat row they are a problem.
     */
    private void readScalars(HsdsTable table, JsonNode node, String where, HsdsDataset.Draft draft, boolean nesting) {
        node.forEachEntry((property, value) -> {
            if (value.isContainer()) {
                if (!nesting) {
                    dataset.problem(new ImportProblem(where, property, "hsds.invalid.not-a-value"));
                }
            } else if (table.field(property).isEmpty()) {
                dataset.problem(new ImportProblem(where, property, "hsds.invalid.unknown-field"));
            } else {
                draft.values.put(property, value.isNull() ? null : value.isNumber() ? value.decimalValue() : value.asString());
            }
        });
    }

    /** Tells a nested document's table by the fields only that table has. */
    private static String guessType(JsonNode document) {
        if (document.has("status") || document.has("service_at_locations") || document.has("eligibility_description")) {
            return "service";
        }
        if (document.has("location_type") || document.has("addresses")) {
            return "location";
        }
        if (document.has("service") || document.has("location") || document.has("service_id")) {
            return "service_at_location";
        }
        if (document.has("taxonomy_detail") || document.has("term_uri") || document.has("taxonomy_id")
                || document.has("parent_id") || document.has("code")) {
            return "taxonomy_term";
        }
        if (document.has("version") && !document.has("website")) {
            return "taxonomy";
        }
        return "organization";
    }

    private static String baseName(String path) {
        String name = path.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Skips the byte order mark spreadsheet programs put before UTF-8 text. */
    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        var pushback = new java.io.PushbackInputStream(in, 3);
        byte[] start = pushback.readNBytes(3);
        boolean mark = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
        if (!mark) {
            pushback.unread(start);
        }
        return pushback;
    }
}
