package ca.passerelle.referral.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.passerelle.consent.DataCategory;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.identity.Organisations;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import ca.passerelle.person.SharedPerson;
import ca.passerelle.referral.IdempotencyKeyReused;
import ca.passerelle.referral.IllegalTransition;
import ca.passerelle.referral.Referral;
import ca.passerelle.referral.ReferralAction;
import ca.passerelle.referral.ReferralDraft;
import ca.passerelle.referral.ReferralId;
import ca.passerelle.referral.ReferralManagement;
import ca.passerelle.referral.ReferralStep;
import ca.passerelle.referral.ReferralView;
import ca.passerelle.referral.StaleReferral;
import ca.passerelle.referral.Urgency;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals for partner systems (documented in {@code /api/v1/openapi.json}): creation once per
 * {@code Idempotency-Key}, each referral's state as a FHIR Task status too, and steps guarded by
 * {@code If-Match} on the referral's ETag, so a system working from an old state changes nothing.
 */
@RestController
class ReferralApiController {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final ReferralManagement referrals;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    ReferralApiController(ReferralManagement referrals, Organisations organisations, MessageSource messages, Clock clock) {
        this.referrals = referrals;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody Map<String, Object> body, HttpServletRequest request, Locale locale) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return problem(HttpStatus.BAD_REQUEST, messages.getMessage("referral.api.idempotency-key", null, locale), null);
        }
        Map<String, String> unreadable = new LinkedHashMap<>();
        UUID person = uuid(body.get("person"), "person", unreadable);
        List<ServiceId> services = new ArrayList<>();
        if (body.get("services") instanceof List<?> listed) {
            listed.forEach(service -> Optional.ofNullable(uuid(service, "services", unreadable)).map(ServiceId::new)
                    .ifPresent(services::add));
        }
        Urgency urgency = Arrays.stream(Urgency.values()).filter(u -> u.slug().equals(body.get("urgency"))).findFirst().orElse(null);
        ReferralDraft draft = new ReferralDraft(urgency, text(body.get("reason")), text(body.get("contact_plan")));
        if (person == null) {
            unreadable.putIfAbsent("person", "referral.api.person");
        }
        if (!unreadable.isEmpty()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, null, errors(unreadable, locale));
        }
        String canonical = person + "|" + services.stream().map(ServiceId::value).map(UUID::toString).sorted()
                .collect(Collectors.joining(",")) + "|" + urgency + "|" + draft.reason() + "|" + draft.contactPlan();
        ReferralManagement.Sending sending = referrals.sendOnce(worker(), key, digest(canonical), person, services, draft,
                StaffSessions.actor(request));
        if (!sending.problems().isEmpty()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, null, errors(sending.problems(), locale));
        }
        Map<UUID, String> names = organisations.names();
        List<Map<String, Object>> sent = sending.sent().stream()
                .map(id -> referrals.read(worker(), id, StaffSessions.actor(request)).orElseThrow())
                .map(view -> json(view, names, locale)).toList();
        return ResponseEntity.status(HttpStatus.CREATED).header("Idempotent-Replayed", String.valueOf(sending.replayed()))
                .body(Map.of("referrals", sent));
    }

    @GetMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(defaultValue = "received") String box, HttpServletRequest request) {
        List<Referral> listed = box.equals("sent") ? referrals.sent(worker(), StaffSessions.actor(request))
                : referrals.received(worker(), StaffSessions.actor(request));
        Map<UUID, String> names = organisations.names();
        return Map.of("referrals", listed.stream().map(referral -> summary(referral, names)).toList());
    }

    @GetMapping(path = "/api/v1/referrals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> one(@PathVariable UUID id, HttpServletRequest request, Locale locale) {
        return referrals.read(worker(), new ReferralId(id), StaffSessions.actor(request))
                .map(view -> ResponseEntity.ok().eTag(etag(view.referral())).body(json(view, organisations.names(), locale)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, messages.getMessage("referral.api.not-found", null, locale), null));
    }

    @PostMapping(path = "/api/v1/referrals/{id}/{step}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> step(@PathVariable UUID id, @PathVariable String step,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Map<String, Object> body, HttpServletRequest request, Locale locale) {
        Optional<Integer> version = version(ifMatch);
        if (version.isEmpty()) {
            return problem(HttpStatus.PRECONDITION_REQUIRED, messages.getMessage("referral.api.if-match", null, locale), null);
        }
        Map<String, Object> given = body == null ? Map.of() : body;
        ReferralStepForm form = new ReferralStepForm();
        form.setReason(given.get("reason") instanceof String reason ? reason.toUpperCase(Locale.ROOT).replace('-', '_') : "");
        form.setNote(text(given.get("note")));
        form.setExpectedOn(text(given.get("expected_on")));
        Optional<ReferralAction> action = form.action(step, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (action.isEmpty()) {
            String key = switch (step) {
                case "hold" -> "referral.problem.expected-on";
                case "decline", "close" -> "referral.problem.reason-missing";
                default -> "referral.api.unknown-step";
            };
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, messages.getMessage(key, null, locale), null);
        }
        ReferralId referral = new ReferralId(id);
        return referrals.act(worker(), referral, version.get(), action.get(), StaffSessions.actor(request))
                .flatMap(after -> referrals.read(worker(), referral, StaffSessions.actor(request)))
                .map(view -> ResponseEntity.ok().eTag(etag(view.referral())).body(json(view, organisations.names(), locale)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, messages.getMessage("referral.api.not-found", null, locale), null));
    }

    @ExceptionHandler(StaleReferral.class)
    ResponseEntity<Map<String, Object>> stale(StaleReferral stale, Locale locale) {
        String now = messages.getMessage("referral.status." + stale.now().slug(), null, locale);
        return problem(HttpStatus.PRECONDITION_FAILED, messages.getMessage("referral.problem.stale", new Object[] {now}, locale), null);
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Map<String, Object>> illegal(IllegalTransition illegal, Locale locale) {
        String from = messages.getMessage("referral.status." + illegal.from().slug(), null, locale);
        return problem(HttpStatus.CONFLICT, messages.getMessage("referral.problem.illegal", new Object[] {from}, locale), null);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Map<String, Object>> reused(Locale locale) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, messages.getMessage("referral.api.key-reused", null, locale), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> otherEnd(Locale locale) {
        return problem(HttpStatus.FORBIDDEN, messages.getMessage("referral.api.other-end", null, locale), null);
    }

    private Map<String, Object> json(ReferralView view, Map<UUID, String> names, Locale locale) {
        Referral referral = view.referral();
        Map<String, Object> json = summary(referral, names);
        json.put("reason", referral.reason());
        json.put("contact_plan", referral.contactPlan());
        json.put("steps", view.steps().stream().map(ReferralApiController::step).toList());
        view.person().ifPresent(person -> json.put("person", person(person)));
        if (view.withheld() != null) {
            json.put("person_withheld", messages.getMessage(view.withheld(), null, locale));
        }
        return json;
    }

    private static Map<String, Object> summary(Referral referral, Map<UUID, String> names) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", referral.id().value());
        json.put("status", referral.status().slug());
        json.put("fhir", Map.of("resourceType", "Task", "status", referral.status().fhirStatus(), "intent", "order",
                "priority", switch (referral.urgency()) {
                    case EMERGENCY -> "stat";
                    case WITHIN_72_HOURS -> "urgent";
                    case ROUTINE -> "routine";
                }, "businessStatus", Map.of("text", referral.status().slug())));
        json.put("urgency", referral.urgency().slug());
        json.put("sender", Map.of("id", referral.sender(), "name", names.getOrDefault(referral.sender(), "")));
        json.put("receiver", Map.of("id", referral.receiver(), "name", names.getOrDefault(referral.receiver(), "")));
        json.put("service", referral.service().value());
        json.put("created_at", referral.createdAt().toString());
        json.put("status_at", referral.statusAt().toString());
        if (referral.expectedOn() != null) {
            json.put("expected_on", referral.expectedOn().toString());
        }
        if (referral.answerDueAt() != null) {
            json.put("follow_up_at", referral.answerDueAt().toString());
        }
        json.put("version", referral.version());
        return json;
    }

    private static Map<String, Object> step(ReferralStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", step.status().slug());
        json.put("fhir_status", step.status().fhirStatus());
        json.put("at", step.at().toString());
        if (step.organisation() != null) {
            json.put("organisation", step.organisation());
        }
        if (step.reason() != null) {
            json.put("reason", step.reason().slug());
        }
        if (step.note() != null) {
            json.put("note", step.note());
        }
        if (step.expectedOn() != null) {
            json.put("expected_on", step.expectedOn().toString());
        }
        return json;
    }

    private static Map<String, Object> person(SharedPerson person) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("shared", person.categories().stream().map(DataCategory::slug).sorted().toList());
        if (person.covers(DataCategory.IDENTITY)) {
            json.put("name", person.chosenName());
            json.put("birth_year", person.birthYear());
            json.put("gender", person.gender());
        }
        if (person.covers(DataCategory.NEEDS)) {
            json.put("needs", person.needs().stream().map(domain -> domain.code()).sorted().toList());
            json.put("languages", person.languages());
            json.put("province", person.province() == null ? null : person.province().code());
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", person.contact().channel().slug());
        if (person.covers(DataCategory.CONTACT)) {
            contact.put("safe_contact", person.contact().safeContact());
            contact.put("times", person.contact().times());
            contact.put("language", person.contact().language());
        }
        json.put("contact", contact);
        return json;
    }

    private Map<String, Object> errors(Map<String, String> problems, Locale locale) {
        Map<String, Object> errors = new LinkedHashMap<>();
        problems.forEach((field, key) -> errors.put(field.equals("contactPlan") ? "contact_plan" : field,
                messages.getMessage(key, null, locale)));
        return errors;
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail, Map<String, Object> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", status.value());
        body.put("title", status.getReasonPhrase());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null) {
            body.put("errors", errors);
        }
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }

    private static String etag(Referral referral) {
        return "\"" + referral.version() + "\"";
    }

    private static Optional<Integer> version(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(ifMatch.strip().replaceFirst("^W/", "").replace("\"", "")));
        } catch (NumberFormatException unreadable) {
            return Optional.of(-1);
        }
    }

    private static UUID uuid(Object value, String field, Map<String, String> unreadable) {
        try {
            return value instanceof String text ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException notAnId) {
            unreadable.put(field, "referral.api." + field);
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static byte[] digest(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static StaffMember worker() {
        return StaffSessions.current().orElseThrow();
    }
}
