package ca.passerelle.directory.hsds;

import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The whole public directory, downloadable as HSDS 3.0: a CSV data package or tabular JSON. */
@RestController
class HsdsExportController {

    private final HsdsExporter exporter;

    HsdsExportController(HsdsExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/hsds/export.zip")
    ResponseEntity<WrittenBody> datapackage() {
        return download("zip", MediaType.parseMediaType("application/zip"), exporter::writeDatapackage);
    }

    @GetMapping("/hsds/export.json")
    ResponseEntity<WrittenBody> tabularJson() {
        return download("json", MediaType.APPLICATION_JSON, exporter::writeTabularJson);
    }

    private static ResponseEntity<WrittenBody> download(String extension, MediaType type,
            WrittenBody body) {
        String file = "passerelle-hsds-" + LocalDate.now() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }
}
