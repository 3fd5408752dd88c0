package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the whole directory as HSDS 3.0, as the public may see it: a CSV tabular data package
 * (zip) or the tabular JSON form. Both stream table by table, a batch of rows at a time, and both
 * import back into Passerelle or any HSDS system.
 */
@Component
public class HsdsExporter {

    private static final int BATCH = 2000;

    private final HsdsRows rows;
    private final HsdsSchema schema = HsdsSchema.official();

    HsdsExporter(HsdsRows rows) {
        this.rows = rows;
    }

    /** A zip of one CSV file per HSDS table, with the official datapackage.json describing them. */
    public void writeDatapackage(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        try (InputStream datapackage = HsdsSchema.class.getResourceAsStream("/hsds/datapackage.json")) {
            datapackage.transferTo(zip);
        }
        zip.closeEntry();
        for (HsdsTable table : schema.tables()) {
            zip.putNextEntry(new ZipEntry(table.file()));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(table.fieldNames().toArray(String[]::new)).setRecordSeparator("\n").get());
            forEachRow(table, row -> {
                for (HsdsField field : table.fields()) {
                    csv.print(field.toText(row.get(field.name())));
                }
                csv.println();
            });
            csv.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The tabular JSON form: {"organizations.csv": [...], "services.csv": [...], ...}. */
    public void writeTabularJson(OutputStream out) throws IOException {
        try (JsonGenerator json = JsonMapper.shared().createGenerator(out)) {
            json.writeStartObject();
            for (HsdsTable table : schema.tables()) {
                json.writeName(table.file());
                json.writeStartArray();
                forEachRow(table, row -> {
                    Map<String, Object> document = new LinkedHashMap<>();
                    for (HsdsField field : table.fields()) {
                        Object value = field.toJson(row.get(field.name()));
                        if (value != null) {
                            document.put(field.name(), value);
                        }
                    }
                    json.writePOJO(document);
                });
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }

    private void forEachRow(HsdsTable table, RowWriter writer) throws IOException {
        UUID after = null;
        do {
            HsdsRows.Batch batch = rows.after(table, after, BATCH);
            for (Map<String, Object> row : batch.rows()) {
                writer.write(row);
            }
            after = batch.next();
        } while (after != null);
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Map<String, Object> row) throws IOException;
    }
}
