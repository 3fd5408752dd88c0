package ca.passerelle.directory.web;

import java.util.Locale;

import ca.passerelle.directory.Audience;
import ca.passerelle.directory.Directory;
import ca.passerelle.directory.SearchResults;
import ca.passerelle.directory.ServiceDetails;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the public and the staff pages of the directory both show, for each audience. */
@Component
class DirectoryViews {

    private final Directory directory;
    private final PageTime time;

    DirectoryViews(Directory directory, PageTime time) {
        this.directory = directory;
        this.time = time;
    }

    void search(ServiceSearchForm form, Model model, Locale locale, Audience audience) {
        SearchResults results = directory.search(form.toSearch(), Language.of(locale), audience);
        model.addAttribute("form", form);
        model.addAttribute("results", results);
        model.addAttribute("domains", NeedDomain.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("languageNames", LanguageNames.listed(LanguageNames.COMMON, locale));
        model.addAttribute("time", time);
    }

    ServiceDetails service(String id, Model model, Locale locale, Audience audience) {
        ServiceDetails service = ServiceId.parse(id)
                .flatMap(serviceId -> directory.service(serviceId, Language.of(locale), audience))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("service", service);
        model.addAttribute("now", time.now(service.hours(), service.zone(), locale));
        model.addAttribute("week", time.week(service.hours(), service.zone(), locale));
        model.addAttribute("languageNames", LanguageNames.listed(service.languages(), locale));
        model.addAttribute("time", time);
        model.addAttribute("capacityStatuses", ca.passerelle.directory.Capacity.STATUSES);
        return service;
    }
}
