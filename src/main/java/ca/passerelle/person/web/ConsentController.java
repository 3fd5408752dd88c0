package ca.passerelle.person.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import ca.passerelle.consent.Consent;
import ca.passerelle.consent.ConsentId;
import ca.passerelle.consent.ConsentManagement;
import ca.passerelle.consent.ConsentManner;
import ca.passerelle.consent.ConsentPurpose;
import ca.passerelle.consent.DataCategory;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import ca.passerelle.person.Person;
import ca.passerelle.person.PersonId;
import ca.passerelle.person.PersonRecords;
import ca.passerelle.shared.InterfaceLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * A person's consents, from the person's page: recording one, withdrawing one, and the summary
 * printed for the person (or read aloud to them), which carries no name on purpose: a paper that
 * names a survivor and their helpers is a danger if the wrong person finds it.
 */
@Controller
@RequestMapping("/app/persons/{person}/consents")
class ConsentController {

    /** A consent lasts a year unless the person says otherwise. */
    private static final int DEFAULT_MONTHS = 12;

    private final PersonRecords persons;
    private final ConsentManagement consents;
    private final Organisations organisations;
    private final Clock clock;

    ConsentController(PersonRecords persons, ConsentManagement consents, Organisations organisations, Clock clock) {
        this.persons = persons;
        this.consents = consents;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/new")
    String blankForm(@PathVariable UUID person, HttpServletRequest request, Model model) {
        Person found = person(person, request);
        model.addAttribute("form", new ConsentForm(found.contact().language() == null ? "fr" : found.contact().language(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusMonths(DEFAULT_MONTHS)));
        return form(found, model);
    }

    @PostMapping
    String record(@PathVariable UUID person, @ModelAttribute("form") ConsentForm form, BindingResult binding,
            HttpServletRequest request, Model model) {
        Person found = person(person, request);
        ConsentManagement.Recording recording = consents.record(worker(), found.id().value(), form.draft(),
                StaffSessions.actor(request));
        if (recording.recorded().isPresent()) {
            return "redirect:/app/persons/" + person + "?consent-recorded#consents";
        }
        recording.problems().forEach((field, key) -> binding.rejectValue(field, key));
        return form(found, model);
    }

    @PostMapping("/{consent}/withdraw")
    String withdraw(@PathVariable UUID person, @PathVariable UUID consent, HttpServletRequest request) {
        Person found = person(person, request);
        consents.one(worker(), new ConsentId(consent), StaffSessions.actor(request))
                .filter(one -> one.person().equals(found.id().value())).orElseThrow(PersonController.NoSuchPerson::new);
        consents.withdraw(worker(), new ConsentId(consent), StaffSessions.actor(request));
        return "redirect:/app/persons/" + person + "?consent-withdrawn#consents";
    }

    @GetMapping("/vital-interest")
    String vitalInterestForm(@PathVariable UUID person, @RequestParam(required = false) UUID recipient,
            HttpServletRequest request, Model model) {
        return vitalInterest(person(person, request), recipient, "", false, model);
    }

    /** Sharing without consent because the person is in imminent danger: a reason, for a limited time, told to the administrators. */
    @PostMapping("/vital-interest")
    String invokeVitalInterest(@PathVariable UUID person, @RequestParam(required = false) UUID recipient,
            @RequestParam(defaultValue = "") String reason, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Person found = person(person, request);
        if (recipient != null && consents.invokeVitalInterest(worker(), found.id().value(), recipient, reason,
                StaffSessions.actor(request)).isPresent()) {
            return "redirect:/app/persons/" + person + "/referrals/new?vital-interest";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return vitalInterest(found, recipient, reason, true, model);
    }

    private String vitalInterest(Person person, UUID recipient, String reason, boolean refused, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("recipient", recipient);
        model.addAttribute("reason", reason);
        model.addAttribute("refused", refused);
        model.addAttribute("lasts", ConsentManagement.VITAL_INTEREST_LASTS.toHours());
        model.addAttribute("shortest", ConsentManagement.SHORTEST_REASON);
        model.addAttribute("categories", ConsentManagement.VITAL_INTEREST_CATEGORIES.stream().sorted().toList());
        model.addAttribute("organisations", organisations.all().stream()
                .filter(organisation -> !organisation.id().equals(worker().organisation())).toList());
        return "person/vital-interest";
    }

    @GetMapping("/{consent}/summary")
    String summary(@PathVariable UUID person, @PathVariable UUID consent, HttpServletRequest request, Model model) {
        Person found = person(person, request);
        Consent one = consents.one(worker(), new ConsentId(consent), StaffSessions.actor(request))
                .filter(c -> c.person().equals(found.id().value())).orElseThrow(PersonController.NoSuchPerson::new);
        model.addAttribute("consent", one);
        model.addAttribute("personId", person);
        model.addAttribute("organisationNames", organisations.names());
        model.addAttribute("active", one.activeAt(clock.instant()));
        return "person/consent-summary";
    }

    private String form(Person person, Model model) {
        StaffMember worker = worker();
        model.addAttribute("person", person);
        model.addAttribute("categories", DataCategory.values());
        model.addAttribute("purposes", ConsentPurpose.values());
        model.addAttribute("manners", ConsentManner.values());
        model.addAttribute("languages", InterfaceLanguage.values());
        model.addAttribute("organisations", organisations.all().stream()
                .filter(organisation -> !organisation.id().equals(worker.organisation())).toList());
        return "person/consent-form";
    }

    private Person person(UUID id, HttpServletRequest request) {
        return persons.read(worker(), new PersonId(id), StaffSessions.actor(request))
                .orElseThrow(PersonController.NoSuchPerson::new);
    }


    private static StaffMember worker() {
        return StaffSessions.current().orElseThrow();
    }
}
