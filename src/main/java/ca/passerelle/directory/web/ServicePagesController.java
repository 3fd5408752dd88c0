package ca.passerelle.directory.web;

import java.util.Locale;

import ca.passerelle.directory.Audience;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public directory: search and browse services, and a page for each service that a worker
 * or a survivor can act on. No session, no cookie; a confidential address never shows here.
 */
@Controller
class ServicePagesController {

    private final DirectoryViews views;

    ServicePagesController(DirectoryViews views) {
        this.views = views;
    }

    @GetMapping("/services")
    String search(ServiceSearchForm form, Model model, Locale locale) {
        views.search(form, model, locale, Audience.PUBLIC);
        return "services/list";
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable String id, Model model, Locale locale) {
        views.service(id, model, locale, Audience.PUBLIC);
        return "services/detail";
    }
}
