package ca.passerelle.person.web;

import java.time.Clock;
import java.time.Year;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.passerelle.consent.ConsentManagement;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import ca.passerelle.person.ContactChannel;
import ca.passerelle.person.Person;
import ca.passerelle.person.PersonDetails;
import ca.passerelle.person.PersonId;
import ca.passerelle.person.PersonRecords;
import ca.passerelle.shared.InterfaceLanguage;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.ResponseStatus;

/** The people the worker's organisation supports: the list, finding one by name, recording one, reading one. */
@Controller
@RequestMapping("/app/persons")
class PersonController {

    private final PersonRecords records;
    private final ConsentManagement consents;
    private final Organisations organisations;
    private final Clock clock;

    PersonController(PersonRecords records, ConsentManagement consents, Organisations organisations, Clock clock) {
        this.records = records;
        this.consents = consents;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String name, HttpServletRequest request, Model model) {
        List<Person> persons = records.list(worker(), name, StaffSessions.actor(request));
        model.addAttribute("persons", persons);
        model.addAttribute("name", name == null ? "" : name);
        return "person/list";
    }

    @GetMapping("/new")
    String blankForm(Model model) {
        model.addAttribute("form", new PersonForm());
        return form(model);
    }

    @PostMapping
    String record(@ModelAttribute("form") PersonForm form, BindingResult binding, HttpServletRequest request, Model model) {
        PersonDetails details = form.details();
        Map<String, String> problems;
        if (form.birthYearUnreadable()) {
            // nothing is recorded, and the person sees every other problem at once
            problems = new LinkedHashMap<>(details.problems(Year.now(clock)));
            problems.put("birthYear", "person.problem.birth-year");
        } else {
            PersonRecords.Recording recording = records.record(worker(), details, StaffSessions.actor(request));
            if (recording.recorded().isPresent()) {
                return "redirect:/app/persons/" + recording.recorded().get() + "?recorded";
            }
            problems = recording.problems();
        }
        problems.forEach((field, key) -> binding.rejectValue(field, key));
        return form(model);
    }

    @GetMapping("/{id}")
    String person(@PathVariable UUID id, HttpServletRequest request, Model model) {
        Person person = records.read(worker(), new PersonId(id), StaffSessions.actor(request)).orElseThrow(NoSuchPerson::new);
        model.addAttribute("person", person);
        model.addAttribute("languageNames", languageNames());
        model.addAttribute("consents", consents.of(worker(), id, StaffSessions.actor(request)));
        model.addAttribute("organisationNames", organisations.names());
        model.addAttribute("now", clock.instant());
        return "person/view";
    }

    private String form(Model model) {
        model.addAttribute("genders", PersonDetails.GENDERS);
        model.addAttribute("languages", InterfaceLanguage.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("domains", NeedDomain.values());
        return "person/form";
    }

    /** Each language's name in itself, by code, as the form offers them. */
    private static Map<String, String> languageNames() {
        return Arrays.stream(InterfaceLanguage.values())
                .collect(Collectors.toMap(InterfaceLanguage::code, InterfaceLanguage::nativeName));
    }

    private static StaffMember worker() {
        return StaffSessions.current().orElseThrow();
    }

    /** Another organisation's person answers exactly like one that does not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NoSuchPerson extends RuntimeException {
    }
}
