package ca.passerelle.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conformance checks can fail: the official schemas do refuse what HSDS forbids. */
class OfficialHsdsTests {

    @Test
    void refusesAServiceWithoutItsRequiredFields() {
        var errors = OfficialHsds.validate(OfficialHsds.responseSchema("/services/{id}"),
                "{\"id\": \"2c3e1a34-8f0b-4d6e-9a41-1f2b3c4d5e6f\", \"minimum_age\": \"twelve\"}");

        assertThat(errors).extracting(Object::toString).anySatisfy(e -> assertThat(e).contains("name"))
                .anySatisfy(e -> assertThat(e).contains("minimum_age"));
    }

    @Test
    void refusesAPageWhoseItemsAreNotServices() {
        var errors = OfficialHsds.validate(OfficialHsds.responseSchema("/services"),
                "{\"total_items\": \"many\", \"contents\": [{\"id\": \"x\"}]}");

        assertThat(errors).extracting(Object::toString).anySatisfy(e -> assertThat(e).contains("total_items"))
                .anySatisfy(e -> assertThat(e).contains("contents"));
    }

    @Test
    void passerelleReadsTheOfficialTabularDataPackageUnmodified() throws Exception {
        try (var bundled = OfficialHsdsTests.class.getResourceAsStream("/hsds/datapackage.json")) {
            assertThat(bundled.readAllBytes())
                    .isEqualTo(java.nio.file.Files.readAllBytes(OfficialHsds.dir().resolve("datapackage.json")));
        }
    }

    @Test
    void acceptsTheOfficialExamples() {
        assertThat(OfficialHsds.validate(OfficialHsds.responseSchema("/services/{id}"),
                OfficialHsds.read(OfficialHsds.example("service_full.json")))).isEmpty();
        assertThat(OfficialHsds.validate(OfficialHsds.responseSchema("/services"),
                OfficialHsds.read(OfficialHsds.example("service_list.json")))).isEmpty();
    }
}
