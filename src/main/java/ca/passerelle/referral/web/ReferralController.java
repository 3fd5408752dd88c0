package ca.passerelle.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.passerelle.consent.ConsentManagement;
import ca.passerelle.consent.ConsentPurpose;
import ca.passerelle.consent.DataCategory;
import ca.passerelle.directory.Directory;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.directory.ServiceSummary;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import ca.passerelle.matching.Match;
import ca.passerelle.matching.Places;
import ca.passerelle.person.Person;
import ca.passerelle.person.PersonId;
import ca.passerelle.person.PersonRecords;
import ca.passerelle.referral.IllegalTransition;
import ca.passerelle.referral.Referral;
import ca.passerelle.referral.ReferralAction;
import ca.passerelle.referral.ReferralId;
import ca.passerelle.referral.ReferralManagement;
import ca.passerelle.referral.ReferralReason;
import ca.passerelle.referral.ReferralStatus;
import ca.passerelle.referral.ReferralView;
import ca.passerelle.referral.StaleReferral;
import ca.passerelle.referral.Urgency;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.Province;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The referral pages: from a person's needs to the services that meet them and the referrals
 * sent; the sender's board and each referral's timeline; the receiver's inbox and the steps they
 * take. A declined or overdue referral shows the sender the next best services.
 */
@Controller
class ReferralController {

    private static final int ALTERNATIVES = 5;

    private final ReferralManagement referrals;
    private final PersonRecords persons;
    private final ConsentManagement consents;
    private final Organisations organisations;
    private final Directory directory;
    private final ServicesForAPerson services;
    private final Places places;
    private final Clock clock;

    ReferralController(ReferralManagement referrals, PersonRecords persons, ConsentManagement consents,
            Organisations organisations, Directory directory, ServicesForAPerson services, Places places, Clock clock) {
        this.referrals = referrals;
        this.persons = persons;
        this.consents = consents;
        this.organisations = organisations;
        this.directory = directory;
        this.services = services;
        this.places = places;
        this.clock = clock;
    }

    /**
     * A service offered for a referral: how it matches, who would receive it, what the consent lets
     * it see, and which of the person's languages it speaks, by name.
     */
    record Candidate(Match match, ServiceSummary summary, Organisations.Organisation receiver, Set<DataCategory> covered,
            List<String> speaks) {

        public boolean referable() {
            return receiver != null && !covered.isEmpty();
        }
    }

    @GetMapping("/app/persons/{person}/referrals/new")
    String choose(@PathVariable UUID person, @RequestParam(required = false) String place, HttpServletRequest request,
            Model model) {
        ReferralForm form = new ReferralForm();
        form.setPlace(place);
        model.addAttribute("form", form);
        return chooser(person(person, request), form, request, model);
    }

    @PostMapping("/app/persons/{person}/referrals")
    String send(@PathVariable UUID person, @ModelAttribute("form") ReferralForm form, BindingResult binding,
            HttpServletRequest request, Model model) {
        Person found = person(person, request);
        ReferralManagement.Sending sending = referrals.send(worker(), found.id().value(), form.chosenServices(), form.draft(),
                StaffSessions.actor(request));
        if (sending.problems().isEmpty()) {
            return "redirect:/app/referrals?sent=" + sending.sent().size();
        }
        sending.problems().forEach((field, key) -> binding.rejectValue(field, key));
        return chooser(found, form, request, model);
    }

    private String chooser(Person person, ReferralForm form, HttpServletRequest request, Model model) {
        Optional<Places.Place> place = form.getPlace().isBlank() ? Optional.empty() : places.find(form.getPlace());
        // a postal code tells its province only
        Optional<Province> postalCodeProvince = place.isPresent() ? Optional.empty() : Province.ofPostalCode(form.getPlace());
        ServicesForAPerson.Offer offer = place.map(near -> services.near(person, near)).orElseGet(() ->
                new ServicesForAPerson.Offer(services.inProvince(person, postalCodeProvince.orElse(person.province())), null));
        model.addAttribute("person", person);
        model.addAttribute("postalCodeProvince", postalCodeProvince.orElse(null));
        boolean placeUnknown = !form.getPlace().isBlank() && place.isEmpty() && postalCodeProvince.isEmpty();
        model.addAttribute("placeUnknown", placeUnknown);
        model.addAttribute("placesMeant", placeUnknown ? places.alike(form.getPlace()) : List.of());
        model.addAttribute("widenedToKm", offer.widenedToKm());
        model.addAttribute("radiusKm", ServicesForAPerson.RADIUS_KM);
        model.addAttribute("age", services.ageOf(person));
        model.addAttribute("servedAs", ServicesForAPerson.servedAs(person.gender()));
        model.addAttribute("candidates", candidates(person, offer.services(), request));
        model.addAttribute("urgencies", Urgency.values());
        return "referral/new";
    }

    private List<Candidate> candidates(Person person, List<Match> matches, HttpServletRequest request) {
        List<ServiceId> ids = matches.stream().map(match -> match.service().id()).toList();
        Map<ServiceId, Organisations.Organisation> receivers = referrals.receivers(ids);
        Map<ServiceId, ServiceSummary> summaries = directory.summaries(ids, language());
        Map<UUID, Set<DataCategory>> coverage = consents.coverage(worker(), person.id().value(), ConsentPurpose.REFERRAL,
                StaffSessions.actor(request));
        List<Candidate> candidates = new ArrayList<>();
        for (Match match : matches) {
            Organisations.Organisation receiver = receivers.get(match.service().id());
            boolean own = receiver != null && receiver.id().equals(worker().organisation());
            candidates.add(new Candidate(match, summaries.get(match.service().id()), own ? null : receiver,
                    receiver == null ? Set.of() : coverage.getOrDefault(receiver.id(), Set.of()),
                    person.languages().stream().filter(match.service().languages()::contains)
                            .map(code -> LanguageNames.name(code, LocaleContextHolder.getLocale())).toList()));
        }
        return candidates;
    }

    /** The referrals the organisation sent, by state and age; with {@code person}, only that person's. */
    @GetMapping("/app/referrals")
    String board(@RequestParam(required = false) UUID person, @RequestParam(required = false) Integer sent,
            HttpServletRequest request, Model model) {
        List<Referral> shown = person == null ? referrals.sent(worker(), StaffSessions.actor(request))
                : referrals.ofPerson(worker(), person, StaffSessions.actor(request));
        Map<ReferralStatus, List<Referral>> byStatus = new LinkedHashMap<>();
        Arrays.stream(ReferralStatus.values()).forEach(status -> byStatus.put(status, new ArrayList<>()));
        shown.forEach(referral -> byStatus.get(referral.status()).add(referral));
        byStatus.values().removeIf(List::isEmpty);
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("names", personNames(request));
        model.addAttribute("justSent", sent);
        return lists(shown, model, "referral/board");
    }

    @GetMapping("/app/referrals/inbox")
    String inbox(HttpServletRequest request, Model model) {
        return lists(referrals.received(worker(), StaffSessions.actor(request)), model, "referral/inbox");
    }

    private String lists(List<Referral> shown, Model model, String page) {
        model.addAttribute("referrals", shown);
        model.addAttribute("services", directory.summaries(shown.stream().map(Referral::service).distinct().toList(), language()));
        model.addAttribute("organisationNames", organisations.names());
        return page;
    }

    @GetMapping("/app/referrals/{id}")
    String referral(@PathVariable UUID id, HttpServletRequest request, Model model) {
        ReferralView view = referrals.read(worker(), new ReferralId(id), StaffSessions.actor(request))
                .orElseThrow(NoSuchReferral::new);
        return page(view, request, model);
    }

    @PostMapping("/app/referrals/{id}/{step}")
    String step(@PathVariable UUID id, @PathVariable String step, @ModelAttribute ReferralStepForm form,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        ReferralId referral = new ReferralId(id);
        Optional<ReferralAction> action = form.action(step, today());
        String problem;
        if (action.isEmpty()) {
            problem = "referral.problem." + (step.equals("hold") ? "expected-on" : "reason-missing");
        } else {
            try {
                referrals.act(worker(), referral, form.getVersion(), action.get(), StaffSessions.actor(request))
                        .orElseThrow(NoSuchReferral::new);
                return "redirect:/app/referrals/" + id + "?done=" + action.get().slug();
            } catch (StaleReferral stale) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("staleNow", stale.now());
                problem = "referral.problem.stale";
            } catch (IllegalTransition illegal) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("illegalFrom", illegal.from());
                problem = "referral.problem.illegal";
            }
        }
        model.addAttribute("problem", problem);
        response.setStatus(response.getStatus() == HttpStatus.CONFLICT.value() ? HttpStatus.CONFLICT.value()
                : HttpStatus.UNPROCESSABLE_ENTITY.value());
        ReferralView view = referrals.read(worker(), referral, StaffSessions.actor(request)).orElseThrow(NoSuchReferral::new);
        return page(view, request, model);
    }

    private String page(ReferralView view, HttpServletRequest request, Model model) {
        Referral referral = view.referral();
        model.addAttribute("view", view);
        model.addAttribute("referral", referral);
        model.addAttribute("service", directory.summaries(List.of(referral.service()), language()).get(referral.service()));
        model.addAttribute("organisationNames", organisations.names());
        model.addAttribute("declineReasons", ReferralReason.FOR_DECLINING.stream().sorted().toList());
        model.addAttribute("closeReasons", ReferralReason.FOR_CLOSING.stream().sorted().toList());
        model.addAttribute("next", referral.status().next());
        model.addAttribute("today", today());
        if (view.side() == ReferralView.Side.SENDER) {
            Person person = persons.read(worker(), new PersonId(referral.person()), StaffSessions.actor(request)).orElse(null);
            model.addAttribute("person", person);
            boolean stuck = referral.status() == ReferralStatus.DECLINED || referral.status() == ReferralStatus.EXPIRED
                    || referral.reminders() >= 2 && referral.status().awaitingAnswer();
            if (person != null && stuck) {
                model.addAttribute("alternatives", alternatives(person, referral, request));
            }
        }
        return "referral/view";
    }

    /** The next best services for the person, beside those already tried. */
    private List<Candidate> alternatives(Person person, Referral referral, HttpServletRequest request) {
        Set<ServiceId> tried = new HashSet<>();
        referrals.ofPerson(worker(), person.id().value(), StaffSessions.actor(request)).forEach(r -> tried.add(r.service()));
        List<Match> matches = services.inTheirProvince(person).stream()
                .filter(match -> !tried.contains(match.service().id())).limit(ALTERNATIVES).toList();
        return candidates(person, matches, request);
    }

    private Person person(UUID id, HttpServletRequest request) {
        return persons.read(worker(), new PersonId(id), StaffSessions.actor(request)).orElseThrow(NoSuchReferral::new);
    }

    private Map<UUID, String> personNames(HttpServletRequest request) {
        return persons.list(worker(), null, StaffSessions.actor(request)).stream()
                .collect(Collectors.toMap(person -> person.id().value(), Person::chosenName));
    }


    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Language language() {
        Locale locale = LocaleContextHolder.getLocale();
        return Language.of(locale);
    }

    private static StaffMember worker() {
        return StaffSessions.current().orElseThrow();
    }

    /** Another organisation's referral, or person, answers exactly like one that does not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NoSuchReferral extends RuntimeException {
    }
}
