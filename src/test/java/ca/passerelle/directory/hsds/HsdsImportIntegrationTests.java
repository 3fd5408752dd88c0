package ca.passerelle.directory.hsds;

import static ca.passerelle.directory.hsds.HsdsRoundTrip.assertContains;
import static ca.passerelle.directory.hsds.HsdsRoundTrip.assertDocumentKept;
import static ca.passerelle.directory.hsds.HsdsRoundTrip.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.OfficialHsds;
import ca.passerelle.support.SchemaOwner;
import ca.passerelle.support.StaffSession;
import ca.passerelle.support.StaffSession.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** HSDS 3.0 in and out: the official examples import without loss; a bad file imports nothing. */
@IntegrationTest
@TestPropertySource(properties = "passerelle.demo=false")
class HsdsImportIntegrationTests {

    private static final String IMPORT = "/app/directory/import";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PasserelleTaxonomySeed taxonomy;

    @Autowired
    PasswordEncoder passwords;

    StaffSession curator;
    Http http;

    @BeforeEach
    void startFromAnEmptyDirectory() {
        SchemaOwner.sql(context).sql("truncate " + String.join(", ", HsdsSchema.official().tables().stream().map(HsdsTable::sqlTable).toList()))
                .update();
        taxonomy.afterPropertiesSet();
        curator = StaffSession.signIn(port, StaffSession.curatorWithoutDemoData(jdbc, passwords));
        http = new Http(port);
    }

    @Test
    void importsTheOfficialCsvPackageAndExportsEveryValueBack() throws IOException {
        var answer = importFiles(csvExamples());

        assertThat(answer).contains("Imported").doesNotContain("Nothing was imported");
        var exported = HsdsRoundTrip.tablesOfZip(http.getBytes("/hsds/export.zip").body());
        for (Upload file : csvExamples()) {
            HsdsRoundTrip.assertRowsKept(file.name(), HsdsRoundTrip.rowsOfCsv(file.content()), exported.get(file.name()));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "service_full.json, /hsds/services/",
            "organization_full.json, /hsds/organizations/",
            "service_at_location_full.json, /hsds/service_at_locations/",
            "taxonomy.json, /hsds/taxonomies/",
            "taxonomy_term.json, /hsds/taxonomy_terms/",
            "location.json, ",
            "tabular.json, "})
    void importsEachOfficialJsonExampleAndGivesEveryValueBack(String example, String api) throws IOException {
        Path file = OfficialHsds.example(example);
        assertThat(importFiles(List.of(new Upload(example, Files.readAllBytes(file))))).contains("Imported");

        JsonNode sent = json(OfficialHsds.read(file));
        var exported = tabularExport();
        if (example.equals("tabular.json")) {
            sent.forEachEntry((csvFile, rows) -> rows.forEach(row -> assertDocumentKept(csvFile, csvFile, row, exported)));
        } else {
            String table = api == null ? "locations.csv" : HsdsRoundTrip.FILE_OF_PROPERTY.get(apiTable(api));
            assertDocumentKept(example, table, sent, exported);
        }
        if (api != null) {
            String query = example.startsWith("organization") ? "?full_service=true" : "";
            var answer = http.get(api + sent.get("id").asString() + query);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertContains(api, sent, json(answer.body()));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "service_list.json, /hsds/services/",
            "organization_list.json, /hsds/organizations/",
            "service_at_location_list.json, /hsds/service_at_locations/",
            "taxonomy_list.json, /hsds/taxonomies/",
            "taxonomy_term_list.json, /hsds/taxonomy_terms/"})
    void importsEachOfficialPageOfResults(String example, String api) throws IOException {
        Path file = OfficialHsds.example(example);
        assertThat(importFiles(List.of(new Upload(example, Files.readAllBytes(file))))).contains("Imported");

        for (JsonNode item : json(OfficialHsds.read(file)).get("contents")) {
            var answer = http.get(api + item.get("id").asString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertContains(api, item, json(answer.body()));
        }
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() throws IOException {
        importFiles(csvExamples());
        byte[] before = http.getBytes("/hsds/export.zip").body();

        String again = importFiles(csvExamples());

        assertThat(again).contains("0 were new or changed");
        assertThat(HsdsRoundTrip.tablesOfZip(http.getBytes("/hsds/export.zip").body()))
                .isEqualTo(HsdsRoundTrip.tablesOfZip(before));
    }

    @Test
    void reportsEveryBadRowAndFieldAndImportsNothing() throws IOException {
        List<Upload> files = new ArrayList<>(csvExamples());
        files.removeIf(f -> f.name().equals("services.csv") || f.name().equals("locations.csv"));
        files.add(new Upload("services.csv", """
                id,organization_id,name,status,minimum_age,email,last_modified
                5b7c0d5e-1111-4a4a-9a9a-000000000001,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Good service,active,12,a@b.ca,2026-01-01T00:00:00Z
                not-a-uuid,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Bad id,active,,,
                5b7c0d5e-1111-4a4a-9a9a-000000000003,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,,maybe,twelve,nobody,yesterday
                5b7c0d5e-1111-4a4a-9a9a-000000000004,00000000-0000-4000-8000-000000000000,Orphan,active,,,
                """.getBytes()));
        files.add(new Upload("locations.csv", OfficialHsds.read(OfficialHsds.example("csv/locations.csv"))
                .replace(",physical,", ",underground,").getBytes()));
        long servicesBefore = count("services");

        String report = importFiles(files);

        assertThat(report).contains("Nothing was imported");
        assertThat(report).contains("services.csv:3").contains("This is not a UUID identifier");
        assertThat(report).contains("services.csv:4").contains("This field is required and is empty.")
                .contains("This value is not allowed here. Allowed values: active, inactive, defunct, temporarily closed.")
                .contains("This is not a number.").contains("This is not an e-mail address.")
                .contains("This is not a date and time");
        assertThat(report).contains("services.csv:5").contains("No organization with this id exists");
        assertThat(report).contains("locations.csv:2").contains("location_type");
        assertThat(report).doesNotContain("services.csv:2<");
        assertThat(count("services")).isEqualTo(servicesBefore);
        assertThat(count("organizations")).as("not even the good rows").isZero();
    }

    @Test
    void saysATruncatedPackageCannotBeReadAndImportsNothing() throws IOException {
        var zipped = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
            for (Upload file : csvExamples()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.name()));
                zip.write(file.content());
            }
        }
        byte[] truncated = java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);

        String report = importFiles(List.of(new Upload("directory.zip", truncated)));

        assertThat(report).contains("Nothing was imported").contains("could not be read");
        assertThat(count("organizations")).isZero();
    }

    @Test
    void explainsProblemsInFrench() throws IOException {
        String report = curator.upload(IMPORT + "?lang=fr", IMPORT + "?lang=fr", "files",
                List.of(new Upload("services.csv", "id,name\nnope,Service\n".getBytes())), Map.of()).body();

        assertThat(report).contains("Rien n’a été importé").contains("Ce n’est pas un identifiant UUID")
                .contains("Ce champ est obligatoire et il est vide.");
    }

    @Test
    void refusesFieldsHsdsDoesNotHaveRatherThanLosingThem() {
        String report = importFiles(List.of(new Upload("organizations.csv",
                "id,name,description,favourite_colour\n7e1b1a38-2f7a-4c1e-9d6b-5b0f6d3b7a11,Org,Desc,blue\n".getBytes())));

        assertThat(report).contains("Nothing was imported").contains("favourite_colour").contains("HSDS 3.0 has no such field");
    }

    private String importFiles(List<Upload> files) {
        var answer = curator.upload(IMPORT, IMPORT, "files", files, Map.of());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private Map<String, Map<String, Map<String, String>>> tabularExport() {
        JsonNode export = json(http.get("/hsds/export.json").body());
        var tables = new java.util.HashMap<String, Map<String, Map<String, String>>>();
        export.forEachEntry((file, rows) -> {
            var byId = new java.util.LinkedHashMap<String, Map<String, String>>();
            rows.forEach(row -> {
                var values = new java.util.HashMap<String, String>();
                row.forEachEntry((field, value) -> values.put(field,
                        value.isNumber() ? value.decimalValue().toPlainString() : value.asString()));
                byId.put(row.get("id").asString(), values);
            });
            tables.put(file, byId);
        });
        return tables;
    }

    private static String apiTable(String api) {
        return switch (api) {
            case "/hsds/services/" -> "service";
            case "/hsds/organizations/" -> "organization";
            case "/hsds/service_at_locations/" -> "service_at_locations";
            case "/hsds/taxonomies/" -> "taxonomy_detail";
            default -> "taxonomy_term";
        };
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<Upload> csvExamples() throws IOException {
        try (Stream<Path> files = Files.list(OfficialHsds.example("csv"))) {
            List<Upload> uploads = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                uploads.add(new Upload(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return uploads;
        }
    }
}
