package ca.passerelle.matching.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ca.passerelle.matching.Matcher;
import ca.passerelle.matching.Matches;
import ca.passerelle.matching.Places;
import ca.passerelle.matching.Relaxation;
import ca.passerelle.matching.web.MatchRequest.MatchRequestException;
import ca.passerelle.matching.web.MatchViews.BundleView;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/matches}: the matching engine for partner systems and the finder. Public,
 * like the directory it reads; answers in the caller's language, explanations included, and
 * never an exact point or address of a confidential site.
 */
@RestController
class MatchApiController {

    private final Matcher matcher;
    private final Places places;
    private final MatchViews views;
    private final MessageSource messages;
    private final JsonMapper json;

    MatchApiController(Matcher matcher, Places places, MatchViews views, MessageSource messages, JsonMapper json) {
        this.matcher = matcher;
        this.places = places;
        this.views = views;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/matches", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> matches(@RequestParam MultiValueMap<String, String> parameters, Locale locale,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        MatchRequest request = MatchRequest.read(parameters, places);
        Matches matches = matcher.match(request.query());
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.place() != null) {
            body.put("place", Map.of("name", request.place().name(), "province", request.place().province().code()));
        } else if (request.postalCode() != null) {
            body.put("place", Map.of("postal_code", request.postalCode().typed(), "province", request.postalCode().province().code()));
        }
        body.put("total", matches.total());
        body.put("results", matches.results().stream().map(match -> views.of(match, locale)).toList());
        if (matches.total() == 0) {
            body.put("emptied_by", matches.emptiedBy().stream()
                    .map(c -> Map.of("constraint", MatchViews.code(c.name()), "label", views.name(c, locale))).toList());
            body.put("relaxations", matches.relaxations().stream().map(r -> relaxation(r, matches.query().text(), locale)).toList());
        }
        if (matches.bundle() != null) {
            BundleView view = views.of(matches.bundle(), locale);
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("services", view.services());
            bundle.put("uncovered", view.uncovered());
            if (!matches.toCoverTheRest().isEmpty()) {
                List<Map<String, Object>> relaxations = new ArrayList<>();
                matches.toCoverTheRest().forEach((need, forThisNeed) -> forThisNeed.forEach(r -> {
                    Map<String, Object> relaxation = relaxation(r, matches.query().text(), locale);
                    relaxation.put("domain", need.code());
                    relaxations.add(relaxation);
                }));
                bundle.put("relaxations", relaxations);
            }
            body.put("bundle", bundle);
        }
        // written whole, so that it leaves in one write with its length rather than in chunks
        // (side by side under load, about a tenth more answers a second)
        byte[] answer = json.writeValueAsBytes(body);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (FastGzip.isAccepted(acceptEncoding)) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(FastGzip.compress(answer));
        }
        return ok.body(answer);
    }

    private Map<String, Object> relaxation(Relaxation relaxation, String askedWords, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("constraints", relaxation.dropped().stream().map(c -> MatchViews.code(c.name())).toList());
        json.put("label", views.label(relaxation, askedWords, locale));
        if (relaxation.radiusKm() != null) {
            json.put("radius_km", relaxation.radiusKm());
        }
        if (relaxation.words() != null) {
            json.put("q", relaxation.words());
        }
        json.put("total", relaxation.total());
        return json;
    }

    @ExceptionHandler(MatchRequestException.class)
    ResponseEntity<Map<String, Object>> refused(MatchRequestException refusal, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("error", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        if (!refusal.alike().isEmpty()) {
            body.put("did_you_mean", refusal.alike().stream()
                    .map(place -> Map.of("name", place.name(), "province", place.province().code())).toList());
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
