package ca.passerelle.directory.hsds;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Passerelle's HSDS profile, for the people who connect other systems: the API, the exports,
 * the Passerelle taxonomy, translations and confidential locations.
 */
@Controller
class HsdsProfileController {

    @GetMapping("/hsds/profile")
    String profile(Model model) {
        model.addAttribute("terms", PasserelleTaxonomy.terms().stream()
                .filter(term -> !PasserelleTaxonomy.isTranslation(term.code()) && !term.code().startsWith("domain.")).toList());
        model.addAttribute("taxonomyId", PasserelleTaxonomy.ID);
        return "hsds/profile";
    }
}
