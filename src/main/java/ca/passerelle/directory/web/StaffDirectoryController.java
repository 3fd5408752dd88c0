package ca.passerelle.directory.web;

import java.util.Locale;

import ca.passerelle.directory.Audience;
import ca.passerelle.directory.CapacityChange;
import ca.passerelle.directory.DirectoryCuration;
import ca.passerelle.directory.OrganizationId;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.directory.StaleEditException;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory as curators keep it: search it, read a service with its real address, update
 * its capacity in a click or two, and add or edit organisations and services.
 */
@Controller
@RequestMapping("/app/directory")
class StaffDirectoryController {

    private final DirectoryViews views;
    private final DirectoryCuration curation;

    StaffDirectoryController(DirectoryViews views, DirectoryCuration curation) {
        this.views = views;
        this.curation = curation;
    }

    @GetMapping
    String search(ServiceSearchForm form, Model model, Locale locale) {
        views.search(form, model, locale, Audience.STAFF);
        return "directory/staff-list";
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable String id, Model model, Locale locale) {
        views.service(id, model, locale, Audience.STAFF);
        return "directory/staff-service";
    }

    /** One click ("still correct", "one place taken", "full") or two (new figures, then save). */
    @PostMapping("/services/{id}/capacity")
    String capacity(@PathVariable String id, @RequestParam String change,
            @RequestParam(required = false) String status, @RequestParam(required = false) String available,
            @RequestParam(required = false) String maximum, RedirectAttributes redirect) {
        ServiceId service = serviceId(id);
        CapacityChange requested = switch (change) {
            case "still-correct" -> new CapacityChange.StillCorrect();
            case "taken" -> new CapacityChange.PlaceTaken();
            case "freed" -> new CapacityChange.PlaceFreed();
            case "full" -> new CapacityChange.Full();
            case "figures" -> figures(status, available, maximum);
            default -> null;
        };
        if (requested == null) {
            redirect.addFlashAttribute("capacityError", "capacity.invalid");
        } else {
            try {
                curation.changeCapacity(service, requested);
            } catch (java.util.NoSuchElementException missing) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("notice", "capacity.saved");
        }
        return "redirect:/app/directory/services/" + service;
    }

    @GetMapping("/services/new")
    String newService(@RequestParam(required = false) String organization, Model model) {
        ServiceForm form = new ServiceForm();
        form.setOrganization(organization);
        return serviceForm(form, null, model);
    }

    @PostMapping("/services")
    String createService(@ModelAttribute("form") ServiceForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        form.validate(errors);
        if (errors.hasErrors()) {
            return serviceForm(form, null, model);
        }
        ServiceId id = curation.createService(form.toDraft());
        redirect.addFlashAttribute("notice", "curation.saved");
        return "redirect:/app/directory/services/" + id;
    }

    @GetMapping("/services/{id}/edit")
    String editService(@PathVariable String id, Model model) {
        ServiceId service = serviceId(id);
        var editable = curation.serviceDraft(service).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return serviceForm(ServiceForm.of(editable.draft(), editable.version()), service, model);
    }

    @PostMapping("/services/{id}")
    String updateService(@PathVariable String id, @ModelAttribute("form") ServiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ServiceId service = serviceId(id);
        form.validate(errors);
        if (form.getVersion() == null) {
            errors.reject("curation.stale");
        }
        if (errors.hasErrors()) {
            return serviceForm(form, service, model);
        }
        try {
            curation.updateService(service, form.getVersion(), form.toDraft());
        } catch (StaleEditException stale) {
            errors.reject("curation.stale");
            curation.serviceDraft(service).ifPresent(current -> form.setVersion(current.version()));
            return serviceForm(form, service, model);
        }
        redirect.addFlashAttribute("notice", "curation.saved");
        return "redirect:/app/directory/services/" + service;
    }

    @GetMapping("/organizations/new")
    String newOrganization(Model model) {
        return organizationForm(new OrganizationForm(), null, model);
    }

    @PostMapping("/organizations")
    String createOrganization(@ModelAttribute("form") OrganizationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.validate(errors);
        if (errors.hasErrors()) {
            return organizationForm(form, null, model);
        }
        OrganizationId id = curation.createOrganization(form.toDraft());
        redirect.addFlashAttribute("notice", "curation.organization-saved");
        return "redirect:/app/directory/organizations/" + id + "/edit";
    }

    @GetMapping("/organizations/{id}/edit")
    String editOrganization(@PathVariable String id, Model model) {
        OrganizationId organization = organizationId(id);
        var draft = curation.organizationDraft(organization).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return organizationForm(OrganizationForm.of(draft, curation.organizationVersion(organization)), organization, model);
    }

    @PostMapping("/organizations/{id}")
    String updateOrganization(@PathVariable String id, @ModelAttribute("form") OrganizationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        OrganizationId organization = organizationId(id);
        form.validate(errors);
        if (form.getVersion() == null) {
            errors.reject("curation.stale");
        }
        if (errors.hasErrors()) {
            return organizationForm(form, organization, model);
        }
        try {
            curation.updateOrganization(organization, form.getVersion(), form.toDraft());
        } catch (StaleEditException stale) {
            errors.reject("curation.stale");
            form.setVersion(curation.organizationVersion(organization));
            return organizationForm(form, organization, model);
        }
        redirect.addFlashAttribute("notice", "curation.organization-saved");
        return "redirect:/app/directory/organizations/" + organization + "/edit";
    }

    private String serviceForm(ServiceForm form, ServiceId service, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("service", service);
        model.addAttribute("organizations", curation.organizationNames());
        model.addAttribute("domains", NeedDomain.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("statuses", ServiceForm.STATUSES);
        model.addAttribute("genders", ServiceForm.GENDERS);
        model.addAttribute("languageNames", LanguageNames.listed(LanguageNames.COMMON, LocaleContextHolder.getLocale()));
        return "directory/service-form";
    }

    private String organizationForm(OrganizationForm form, OrganizationId organization, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organization", organization);
        model.addAttribute("services", organization == null ? java.util.Map.of() : curation.servicesOf(organization));
        return "directory/organization-form";
    }

    private static CapacityChange figures(String status, String available, String maximum) {
        if (status != null && !status.isBlank() && !ca.passerelle.directory.Capacity.STATUSES.contains(status)) {
            return null;
        }
        Integer free = count(available);
        Integer total = count(maximum);
        if (free == Integer.MIN_VALUE || total == Integer.MIN_VALUE) {
            return null;
        }
        return new CapacityChange.Figures(status == null || status.isBlank() ? null : status, free, total);
    }

    /** A count typed in a form: {@code null} when blank, {@link Integer#MIN_VALUE} when not a count. */
    private static Integer count(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().matches("\\d{1,6}") ? Integer.valueOf(text.strip()) : Integer.MIN_VALUE;
    }

    private static ServiceId serviceId(String id) {
        return ServiceId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static OrganizationId organizationId(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
