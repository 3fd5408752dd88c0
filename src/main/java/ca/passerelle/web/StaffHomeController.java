package ca.passerelle.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StaffHomeController {

    @GetMapping("/app")
    String home() {
        return "app/home";
    }
}
