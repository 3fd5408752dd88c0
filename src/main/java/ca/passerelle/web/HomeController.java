package ca.passerelle.web;

import java.util.List;

import ca.passerelle.shared.NeedDomain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("domains", List.of(NeedDomain.values()));
        return "home";
    }
}
