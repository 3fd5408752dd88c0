package ca.passerelle.matching.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ca.passerelle.matching.Bundle;
import ca.passerelle.matching.Match;
import ca.passerelle.matching.MatchQuery;
import ca.passerelle.matching.Matcher;
import ca.passerelle.matching.Matches;
import ca.passerelle.matching.Places;
import ca.passerelle.matching.Reason;
import ca.passerelle.matching.Relaxation;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/matches}: the matching engine for partner systems and the finder. Public,
 * like the directory it reads; answers in the caller's language, explanations included, and
 * never an exact point or address of a confidential site.
 */
@RestController
class MatchApiController {

    private final Matcher matcher;
    private final Places places;
    private final MessageSource messages;

    MatchApiController(Matcher matcher, Places places, MessageSource messages) {
        this.matcher = matcher;
        this.places = places;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/matches", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> matches(
            @RequestParam(name = "domain", required = false) List<String> domains,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon,
            @RequestParam(required = false) String radius,
            @RequestParam(required = false) String province,
            @RequestParam(name = "language", required = false) List<String> languages,
            @RequestParam(required = false) String age,
            @RequestParam(required = false) String gender,
            @RequestParam(name = "open_now", required = false) String openNow,
            @RequestParam(name = "open_24_7", required = false) String open247,
            @RequestParam(name = "substance_use_accessible", required = false) String substanceUse,
            @RequestParam(name = "no_status_required", required = false) String noStatus,
            @RequestParam(name = "trafficking_specific", required = false) String traffickingSpecific,
            @RequestParam(name = "accepting_new_clients", required = false) String accepting,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) String limit,
            Locale locale) {
        MatchQuery.Builder query = MatchQuery.builder()
                .domains(domains(domains))
                .province(province == null || province.isBlank() ? null : Province.fromCode(province)
                        .orElseThrow(() -> new MatchRequestException("match.api.unknown-province", province)))
                .languages(languages == null ? Set.of() : Set.copyOf(languages))
                .age(whole("age", age, 0, 130))
                .gender(gender(gender))
                .openNow(flag("open_now", openNow))
                .open247(flag("open_24_7", open247))
                .substanceUseAccessible(flag("substance_use_accessible", substanceUse))
                .noStatusRequired(flag("no_status_required", noStatus))
                .traffickingSpecific(flag("trafficking_specific", traffickingSpecific))
                .acceptingNewClients(flag("accepting_new_clients", accepting))
                .text(text);
        Integer wanted = whole("limit", limit, 1, MatchQuery.MAXIMUM_LIMIT);
        query.limit(wanted == null ? MatchQuery.DEFAULT_LIMIT : wanted);
        Map<String, Object> resolvedPlace = null;
        Double radiusKm = radius == null || radius.isBlank() ? null : number("radius", radius, 0.1, 5_000);
        if (place != null && !place.isBlank()) {
            Places.Place found = places.find(place).orElseThrow(() -> new MatchRequestException("match.api.unknown-place", place));
            query.near(found.point(), radiusKm);
            resolvedPlace = Map.of("name", found.name(), "province", found.province().code());
        } else if (lat != null || lon != null) {
            double latitude = number("lat", lat, -90, 90);
            double longitude = number("lon", lon, -180, 180);
            query.near(new GeoPoint(latitude, longitude), radiusKm);
        }

        Matches matches = matcher.match(query.build());
        Map<String, Object> body = new LinkedHashMap<>();
        if (resolvedPlace != null) {
            body.put("place", resolvedPlace);
        }
        body.put("total", matches.total());
        body.put("results", matches.results().stream().map(match -> match(match, locale)).toList());
        if (matches.total() == 0) {
            body.put("emptied_by", matches.emptiedBy().stream().map(c -> Map.of("constraint", code(c.name()),
                    "label", messages.getMessage(c.messageKey(), null, locale))).toList());
            body.put("relaxations", matches.relaxations().stream().map(r -> relaxation(r, locale)).toList());
        }
        if (matches.bundle() != null) {
            body.put("bundle", bundle(matches.bundle(), locale));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                .body(body);
    }

    private Map<String, Object> match(Match match, Locale locale) {
        Language language = Language.of(locale);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", match.service().id().value());
        json.put("name", match.service().names().in(language).text());
        json.put("name_language", match.service().names().in(language).lang());
        if (match.service().organizations().in(language) != null) {
            json.put("organization", match.service().organizations().in(language).text());
        }
        json.put("city", match.service().city());
        json.put("province", match.service().province() == null ? null : match.service().province().code());
        json.put("phone", match.service().phone());
        json.put("distance_km", match.distanceKm());
        json.put("score", Math.round(match.score() * 100) / 100.0);
        json.put("covers", match.covered().stream().map(NeedDomain::code).toList());
        json.put("does_not_cover", match.missing().stream().map(NeedDomain::code).toList());
        json.put("capacity_status", match.service().capacity() == null ? null : match.service().capacity().status());
        List<String> reasons = match.reasons().stream().map(reason -> text(reason, locale)).toList();
        json.put("explanation", String.join(" · ", reasons));
        json.put("reasons", match.reasons().stream()
                .map(reason -> Map.of("code", code(reason.kind().name()), "text", text(reason, locale))).toList());
        json.put("url", "/services/" + match.service().id().value());
        return json;
    }

    private Map<String, Object> relaxation(Relaxation relaxation, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("constraints", relaxation.dropped().stream().map(c -> code(c.name())).toList());
        String dropped = relaxation.dropped().stream().map(c -> messages.getMessage("match.relax.named",
                new Object[] {messages.getMessage(c.messageKey(), null, locale)}, locale)).collect(Collectors.joining(", "));
        json.put("label", relaxation.radiusKm() != null
                ? messages.getMessage("match.relax.wider", new Object[] {relaxation.radiusKm()}, locale)
                : messages.getMessage("match.relax.without", new Object[] {dropped}, locale));
        if (relaxation.radiusKm() != null) {
            json.put("radius_km", relaxation.radiusKm());
        }
        json.put("total", relaxation.total());
        return json;
    }

    private Map<String, Object> bundle(Bundle bundle, Locale locale) {
        return Map.of("services", bundle.services().stream().map(match -> match(match, locale)).toList(),
                "uncovered", bundle.uncovered().stream().map(NeedDomain::code).toList());
    }

    /** One reason in words: its value, if any, named in the reader's language. */
    private String text(Reason reason, Locale locale) {
        Object value = switch (reason.value()) {
            case null -> null;
            case NeedDomain domain -> messages.getMessage(domain.messageKey(), null, locale);
            case Province province -> messages.getMessage(province.messageKey(), null, locale);
            case String language -> Locale.of(language).getDisplayLanguage(locale);
            default -> reason.value();
        };
        return messages.getMessage(reason.kind().messageKey(), new Object[] {value}, locale);
    }

    private static String code(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<NeedDomain> domains(List<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        return codes.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> NeedDomain.fromCode(c).orElseThrow(() -> new MatchRequestException("match.api.unknown-domain", c,
                        Arrays.stream(NeedDomain.values()).map(NeedDomain::code).collect(Collectors.joining(", ")))))
                .collect(Collectors.toSet());
    }

    private static String gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return null;
        }
        String wanted = gender.strip().toLowerCase(Locale.ROOT);
        if (!List.of("women", "men", "gender-diverse").contains(wanted)) {
            throw new MatchRequestException("match.api.unknown-gender", gender);
        }
        return wanted;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new MatchRequestException("match.api.bad-boolean", name);
        };
    }

    private static Integer whole(String name, String value, int minimum, int maximum) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= minimum && number <= maximum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a number out of range
        }
        throw new MatchRequestException("match.api.bad-number", name, minimum, maximum);
    }

    private static double number(String name, String value, double minimum, double maximum) {
        try {
            double number = Double.parseDouble(value == null ? "" : value.strip());
            if (number >= minimum && number <= maximum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a number out of range
        }
        throw new MatchRequestException("match.api.bad-number", name, minimum, maximum);
    }

    @ExceptionHandler(MatchRequestException.class)
    ResponseEntity<Map<String, Object>> refused(MatchRequestException refusal, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("error", messages.getMessage(refusal.messageKey, refusal.arguments, locale));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A query the engine cannot read, told in the caller's language. */
    static final class MatchRequestException extends RuntimeException {

        private final String messageKey;
        private final Object[] arguments;

        MatchRequestException(String messageKey, Object... arguments) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }
    }
}
