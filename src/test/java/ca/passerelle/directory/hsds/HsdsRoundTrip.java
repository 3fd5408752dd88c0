package ca.passerelle.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test's own, independent reading of HSDS: where each nested property of the JSON forms
 * lands in the tables, and whether every value that went in came out.
 */
final class HsdsRoundTrip {

    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    /** The HSDS file each nested property of the JSON forms holds rows of. */
    static final Map<String, String> FILE_OF_PROPERTY = Map.ofEntries(
            Map.entry("phones", "phones.csv"), Map.entry("schedules", "schedules.csv"),
            Map.entry("service_areas", "service_areas.csv"), Map.entry("service_at_locations", "service_at_location.csv"),
            Map.entry("languages", "languages.csv"), Map.entry("organization", "organizations.csv"),
            Map.entry("funding", "funding.csv"), Map.entry("cost_options", "cost_options.csv"),
            Map.entry("program", "programs.csv"), Map.entry("programs", "programs.csv"),
            Map.entry("required_documents", "required_documents.csv"), Map.entry("contacts", "contacts.csv"),
            Map.entry("attributes", "attributes.csv"), Map.entry("metadata", "metadata.csv"),
            Map.entry("location", "locations.csv"), Map.entry("locations", "locations.csv"),
            Map.entry("service", "services.csv"), Map.entry("services", "services.csv"),
            Map.entry("addresses", "addresses.csv"), Map.entry("accessibility", "accessibility.csv"),
            Map.entry("organization_identifiers", "organization_identifiers.csv"),
            Map.entry("taxonomy_term", "taxonomy_terms.csv"), Map.entry("taxonomy_detail", "taxonomies.csv"));

    private HsdsRoundTrip() {
    }

    /** The rows of each CSV file of a zipped data package, by file and id. */
    static Map<String, Map<String, Map<String, String>>> tablesOfZip(byte[] zip) {
        Map<String, Map<String, Map<String, String>>> tables = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().endsWith(".csv")) {
                    tables.put(entry.getName(), rowsOfCsv(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    static Map<String, Map<String, String>> rowsOfCsv(byte[] csv) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                rows.put(record.get("id"), record.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Every value of every row of {@code expected} is in the row of the same id in {@code actual}. */
    static void assertRowsKept(String file, Map<String, Map<String, String>> expected, Map<String, Map<String, String>> actual) {
        expected.forEach((id, row) -> {
            Map<String, String> kept = actual.get(id);
            assertThat(kept).as("%s row %s", file, id).isNotNull();
            row.forEach((field, value) -> {
                if (!value.isEmpty()) {
                    assertSameValue(file + " " + id + " " + field, value, kept.get(field));
                }
            });
        });
    }

    /** Every row nested anywhere in a JSON document is in the tabular export with every value it had. */
    static void assertDocumentKept(String where, String file, JsonNode document, Map<String, Map<String, Map<String, String>>> tables) {
        Map<String, String> row = tables.getOrDefault(file, Map.of()).get(document.path("id").asString(""));
        assertThat(row).as("%s: %s row %s", where, file, document.path("id").asString("")).isNotNull();
        document.forEachEntry((property, value) -> {
            if (value.isArray()) {
                int i = 0;
                for (JsonNode child : value) {
                    assertDocumentKept(where + "/" + property + "/" + i++, FILE_OF_PROPERTY.get(property), child, tables);
                }
            } else if (value.isObject()) {
                assertDocumentKept(where + "/" + property, FILE_OF_PROPERTY.get(property), value, tables);
            } else if (!value.isNull()) {
                assertSameValue(where + "/" + property, value.isNumber() ? value.decimalValue().toPlainString() : value.asString(),
                        row.get(property));
            }
        });
    }

    /** Everything {@code expected} says is also said by {@code actual}: the same values, lists matched by id. */
    static void assertContains(String where, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(where).isTrue();
            expected.forEachEntry((field, value) -> {
                assertThat(actual.has(field)).as("%s/%s is missing", where, field).isTrue();
                assertContains(where + "/" + field, value, actual.get(field));
            });
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as(where).isTrue();
            int i = 0;
            for (JsonNode item : expected) {
                JsonNode match = null;
                for (JsonNode candidate : actual) {
                    if (item.has("id") ? item.get("id").equals(candidate.get("id")) : item.equals(candidate)) {
                        match = candidate;
                    }
                }
                if (match == null) {
                    fail("%s/%d (id %s) is missing", where, i, item.path("id").asString("?"));
                }
                assertContains(where + "/" + i++, item, match);
            }
        } else if (!expected.isNull()) {
            assertSameValue(where, expected.isNumber() ? expected.decimalValue().toPlainString() : expected.asString(),
                    actual.isNumber() ? actual.decimalValue().toPlainString() : actual.asString());
        }
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    /**
     * The same value, written the same way or an equal number or time of day: HSDS allows
     * 10:00 and 10:00:00 for the same time, and Passerelle writes times in full.
     */
    private static void assertSameValue(String where, String expected, String actual) {
        assertThat(actual).as(where).isNotNull();
        if (TIME.matcher(expected).matches() && TIME.matcher(actual).matches()) {
            assertThat(LocalTime.parse(actual)).as(where).isEqualTo(LocalTime.parse(expected));
        } else if (!expected.equals(actual)) {
            try {
                assertThat(new BigDecimal(actual)).as(where).isEqualByComparingTo(new BigDecimal(expected));
            } catch (NumberFormatException notNumbers) {
                assertThat(actual).as(where).isEqualTo(expected);
            }
        }
    }
}
