package ca.passerelle.directory.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.passerelle.directory.hsds.HsdsFile;
import ca.passerelle.directory.hsds.HsdsImporter;
import ca.passerelle.directory.hsds.ImportResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Curators bring HSDS 3.0 data into the directory: one file or several, all or nothing. */
@Controller
@RequestMapping("/app/directory/import")
class ImportController {

    private final HsdsImporter importer;

    ImportController(HsdsImporter importer) {
        this.importer = importer;
    }

    @GetMapping
    String form() {
        return "directory/import";
    }

    @PostMapping
    String importFiles(@RequestParam("files") List<MultipartFile> uploads,
            @RequestParam(name = "type", required = false) String type, Model model) throws IOException {
        List<HsdsFile> files = new ArrayList<>();
        for (MultipartFile upload : uploads) {
            if (!upload.isEmpty()) {
                files.add(HsdsFile.of(upload.getOriginalFilename() == null ? "upload" : upload.getOriginalFilename(),
                        upload.getBytes()));
            }
        }
        ImportResult result = importer.importFiles(files, Optional.ofNullable(type).filter(t -> !t.isBlank()));
        model.addAttribute("result", result);
        model.addAttribute("shownProblems", result.problems().stream().limit(HsdsImporter.REPORTED_PROBLEMS).toList());
        return "directory/import";
    }
}
