package ca.passerelle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The official HSDS 3.0 files of Open Referral, as the project was given them
 * ({@code ../shared/hsds-3.0}, or the {@code hsds.dir} system property): conformance is tested
 * against them, never against a copy.
 */
public final class OfficialHsds {

    /** Where the official OpenAPI description and schemas say the schemas live. */
    private static final String PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static final Path DIR = locate();
    /** Reads every schema the official files name by their published address from the local copy. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(iri -> iri.startsWith(PUBLISHED)
                    ? read(DIR.resolve("schema").resolve(iri.substring(PUBLISHED.length()))) : null));

    private OfficialHsds() {
    }

    public static Path dir() {
        return DIR;
    }

    public static Path example(String name) {
        return DIR.resolve("examples").resolve(name);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema the official OpenAPI description gives for a 200 answer of {@code GET path}. */
    public static Schema responseSchema(String path) {
        String pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1")
                + "/get/responses/200/content/application~1json/schema";
        return SCHEMAS.getSchema(SchemaLocation.of(PUBLISHED + "openapi.json" + pointer));
    }

    /** One of the official compiled schemas, such as {@code compiled/service_at_location.json}. */
    public static Schema schema(String file) {
        return SCHEMAS.getSchema(SchemaLocation.of(PUBLISHED + file));
    }

    public static List<Error> validate(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static Path locate() {
        String configured = System.getProperty("hsds.dir");
        for (Path candidate : List.of(
                Path.of(configured == null ? "../shared/hsds-3.0" : configured),
                Path.of("../shared/hsds-3.0"),
                Path.of("/work/shared/hsds-3.0"))) {
            if (Files.isRegularFile(candidate.resolve("schema/openapi.json"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The official HSDS 3.0 files are not at " + configured
                + " (set -Dhsds.dir to the folder holding schema/ and examples/)");
    }
}
