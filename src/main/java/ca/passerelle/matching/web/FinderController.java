package ca.passerelle.matching.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ca.passerelle.matching.MatchQuery;
import ca.passerelle.matching.Matcher;
import ca.passerelle.matching.Matches;
import ca.passerelle.matching.Places;
import ca.passerelle.matching.Relaxation;
import ca.passerelle.matching.web.MatchRequest.MatchRequestException;
import ca.passerelle.matching.web.MatchViews.BundleView;
import ca.passerelle.matching.web.MatchViews.MatchView;
import ca.passerelle.shared.InterfaceLanguage;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.NeedDomain;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The finder: what a person needs and where, the best services with why, and when nothing matches,
 * what would. At {@code /} for the public: anonymous and stateless, the search lives in the address
 * only, nothing of it is stored, and a results page is not kept in the browser's cache. At
 * {@code /app/match} the same for signed-in staff, in French and English, never cached.
 */
@Controller
class FinderController {

    private static final List<String> FLAGS = List.of("open_now", "open_24_7", "no_status_required", "trafficking_specific",
            "substance_use_accessible", "accepting_new_clients");

    private final Matcher matcher;
    private final Places places;
    private final MatchViews views;
    private final MessageSource messages;
    /** The form's choices in each language (the interface's nine): the same for every search, so worked out once. */
    private final Map<Locale, Choices> choicesIn = new ConcurrentHashMap<>();

    FinderController(Matcher matcher, Places places, MatchViews views, MessageSource messages) {
        this.matcher = matcher;
        this.places = places;
        this.views = views;
        this.messages = messages;
    }

    private static final String PUBLIC = "/";
    private static final String STAFF = "/app/match";

    @GetMapping(PUBLIC)
    String find(@RequestParam MultiValueMap<String, String> parameters, Locale locale, Model model,
            HttpServletResponse response) {
        model.addAttribute("interfaceLanguages", Arrays.stream(InterfaceLanguage.values())
                .map(language -> new LanguageLink(language, sameSearchIn(parameters, language.code()))).toList());
        response.setHeader("Cache-Control", MatchRequest.isSearch(parameters) ? "no-store" : "public, max-age=300");
        return answer(PUBLIC, parameters, locale, model, response);
    }

    @GetMapping(STAFF)
    String findForStaff(@RequestParam MultiValueMap<String, String> parameters, Locale locale, Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return answer(STAFF, parameters, locale, model, response);
    }

    private String answer(String path, MultiValueMap<String, String> parameters, Locale locale, Model model,
            HttpServletResponse response) {
        boolean searching = MatchRequest.isSearch(parameters);
        model.addAttribute("finderPath", path);
        model.addAttribute("form", FinderForm.of(parameters, searching));
        model.addAttribute("domains", List.of(NeedDomain.values()));
        Choices choices = choicesIn.computeIfAbsent(locale, this::choices);
        model.addAttribute("flags", choices.flags());
        model.addAttribute("spoken", choices.spoken());
        if (!searching) {
            return "finder";
        }
        try {
            MatchRequest asked = MatchRequest.read(parameters, places);
            Matches matches = matcher.match(asked.query());
            List<MatchView> results = matches.results().stream().map(match -> views.of(match, locale)).toList();
            BundleView bundle = matches.bundle() == null || matches.bundle().services().size() < 2 ? null
                    : views.of(matches.bundle(), locale);
            model.addAttribute("answer", new Answer(matches.total(), results, more(path, parameters, results.size(), matches.total()),
                    bundle, matches.emptiedBy().stream().map(c -> views.name(c, locale)).toList(),
                    suggestions(path, parameters, matches.relaxations(), matches.query().text(), locale),
                    views.names(matches.uncovered(), locale),
                    matches.toCoverTheRest().entrySet().stream().map(forANeed -> new NeedSuggestions(
                            views.name(forANeed.getKey(), locale),
                            suggestions(path, parameters, forANeed.getValue(), matches.query().text(), locale))).toList(),
                    asked.place() == null ? null : asked.place().name(), asked.postalCode() == null ? null
                            : messages.getMessage(asked.postalCode().province().messageKey(), null, locale)));
        } catch (MatchRequestException refusal) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refusalOnThePage(refusal, locale));
            model.addAttribute("placesMeant", refusal.alike().stream().map(place -> new PlaceMeant(
                    place.name() + " (" + place.province().code() + ")", address(path, MatchRequest.at(parameters, place)))).toList());
        }
        return "finder";
    }

    /**
     * A refusal as a person reads it on the page, where the form is: a need the link names is
     * unknown, and the needs known are the boxes above it, not the API's list of codes.
     */
    private String refusalOnThePage(MatchRequestException refusal, Locale locale) {
        String onThePage = refusal.messageKey().replace("match.api.", "finder.refused.");
        return messages.getMessage(onThePage, refusal.arguments(), messages.getMessage(refusal.messageKey(), refusal.arguments(), locale),
                locale);
    }

    /** Each relaxation as a link to the same search relaxed so, with what it finds. */
    private List<Suggestion> suggestions(String path, MultiValueMap<String, String> parameters, List<Relaxation> relaxations,
            String askedWords, Locale locale) {
        return relaxations.stream().map(relaxation -> new Suggestion(views.label(relaxation, askedWords, locale),
                relaxation.total(), address(path, MatchRequest.relaxed(parameters, relaxation)))).toList();
    }

    private Choices choices(Locale locale) {
        return new Choices(FLAGS.stream()
                .map(flag -> new Option(flag, messages.getMessage("match.constraint." + flag.replace('_', '-'), null, locale))).toList(),
                LanguageNames.alphabetical(LanguageNames.COMMON, locale).stream()
                        .map(code -> new Option(code, LanguageNames.name(code, locale))).toList());
    }

    private static String sameSearchIn(MultiValueMap<String, String> parameters, String language) {
        return UriComponentsBuilder.fromPath(PUBLIC).queryParams(parameters).replaceQueryParam("lang", language)
                .encode().build().toUriString();
    }

    /**
     * The same search showing the next few results too, landing on the first of them: a link, so it
     * works without JavaScript and keeps nothing. Null when every result is shown, or as many as a
     * search shows.
     */
    private static More more(String path, MultiValueMap<String, String> parameters, int shown, int total) {
        if (shown >= total || shown >= MatchQuery.MAXIMUM_LIMIT) {
            return null;
        }
        int next = Math.min(MatchQuery.DEFAULT_LIMIT, Math.min(total, MatchQuery.MAXIMUM_LIMIT) - shown);
        MultiValueMap<String, String> longer = new LinkedMultiValueMap<>(parameters);
        longer.set("limit", String.valueOf(shown + next));
        return new More(next, address(path, longer, "result-" + (shown + 1))); // the page's results are result-1, result-2…
    }

    /** Another search, landing on its answer (the page's {@code #results}) rather than on the form above it. */
    private static String address(String path, MultiValueMap<String, String> parameters) {
        return address(path, parameters, "results");
    }

    private static String address(String path, MultiValueMap<String, String> parameters, String landing) {
        return UriComponentsBuilder.fromPath(path).queryParams(parameters).fragment(landing).encode().build().toUriString();
    }

    /** What the person asked, to show it back in the form. */
    record FinderForm(Set<String> domains, String place, String radius, String language, String age, String gender,
            Set<String> flags, String q) {

        private static final List<Double> USUAL_RADII_KM = List.of(10.0, 25.0, 50.0, 100.0);

        static FinderForm of(MultiValueMap<String, String> parameters, boolean searching) {
            String radius = parameters.getFirst("radius");
            return new FinderForm(Set.copyOf(parameters.getOrDefault("domain", List.of())), parameters.getFirst("place"),
                    radius == null && !searching ? "50" : radius, parameters.getFirst("language"), parameters.getFirst("age"),
                    parameters.getFirst("gender"),
                    Set.copyOf(FLAGS.stream().filter(flag -> parameters.getFirst(flag) != null).toList()), parameters.getFirst("q"));
        }

        /**
         * The distances the form offers: the usual ones and, in its place among them, the one asked if
         * it is another (a wider radius the finder suggested, a shared link), so that the form shows
         * what was searched and searching again keeps it.
         */
        public List<Radius> radii() {
            Double asked = kilometres(radius);
            List<Double> offered = new ArrayList<>(USUAL_RADII_KM);
            if (asked != null && !offered.contains(asked)) {
                offered.add(asked);
                offered.sort(Comparator.naturalOrder());
            }
            return offered.stream().map(km -> new Radius(km.equals(asked) ? radius.strip() : String.valueOf(km.intValue()), km,
                    km.equals(asked))).toList();
        }

        private static Double kilometres(String radius) {
            if (radius == null) {
                return null;
            }
            try {
                double km = Double.parseDouble(radius);
                return km > 0 && Double.isFinite(km) ? km : null;
            } catch (NumberFormatException notADistance) {
                return null;
            }
        }
    }

    /** A distance the form offers: its value in the address, and in km to say it. */
    record Radius(String value, double km, boolean selected) {
    }

    record Option(String value, String label) {
    }

    /** The yes/no filters and the languages a person may ask for, named in the reader's language. */
    private record Choices(List<Option> flags, List<Option> spoken) {
    }

    record LanguageLink(InterfaceLanguage language, String href) {
    }

    record Suggestion(String label, int total, String href) {
    }

    /** Searches that would find services for a need none of the results covers. */
    record NeedSuggestions(String need, List<Suggestion> suggestions) {
    }

    /** How many more results a link shows, and the link. */
    record More(int count, String href) {
    }

    /** A place the person may have meant, and the same search there. */
    record PlaceMeant(String name, String href) {
    }

    /**
     * @param more               the same search showing more results; null when it would show no more
     * @param place              the city or town understood from what the person typed
     * @param postalCodeProvince the name of the province a postal code typed for a place stood for, if one was
     * @param uncovered          the names of the needs asked that none of the services found covers
     * @param toCoverTheRest     for each of those, the same search relaxed so as to find services covering it, as near as can be
     */
    record Answer(int total, List<MatchView> results, More more, BundleView bundle, List<String> emptiedBy,
            List<Suggestion> suggestions, List<String> uncovered, List<NeedSuggestions> toCoverTheRest, String place,
            String postalCodeProvince) {
    }
}
