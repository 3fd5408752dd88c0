package ca.passerelle.identity.web;

import ca.passerelle.identity.Permission;
import ca.passerelle.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The roles and what each allows, read from the one mapping in {@link Role}, in the reader's language. */
@Controller
class RolesController {

    @GetMapping("/app/roles")
    String roles(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", Permission.values());
        return "app/roles";
    }
}
