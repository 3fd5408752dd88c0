package ca.passerelle.matching.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ca.passerelle.matching.Constraint;
import ca.passerelle.matching.MatchQuery;
import ca.passerelle.matching.Places;
import ca.passerelle.matching.Relaxation;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A match as the API and the finder's form ask for it, in the same parameters: {@code domain},
 * {@code place} (a city or town as typed) or {@code lat}/{@code lon}, {@code radius} (km, or
 * {@code province} for anywhere in the place's province), {@code province}, {@code language},
 * {@code age}, {@code gender}, the yes/no filters, {@code q} and {@code limit}. A value that cannot
 * be read is refused with a message key, for the reader's language.
 *
 * @param place the city or town the person named, if they named one
 * @param postalCode the postal code the person typed for a place, if they typed one
 */
record MatchRequest(MatchQuery query, Places.Place place, PostalCode postalCode) {

    /** A postal code typed for a place, which tells its province only. */
    record PostalCode(String typed, Province province) {
    }

    static final String ANYWHERE_IN_THE_PROVINCE = "province";
    private static final int MOST_YEARS = 130;
    private static final int ECHOED = 60;

    /** The parameters that make a search, as opposed to an empty form. */
    private static final List<String> SEARCH_PARAMETERS = List.of("domain", "place", "lat", "lon", "province", "language",
            "age", "gender", "open_now", "open_24_7", "substance_use_accessible", "no_status_required", "trafficking_specific",
            "accepting_new_clients", "q");

    /** The parameters that say each constraint, to take it back out of a query's address. */
    private static final Map<Constraint, List<String>> PARAMETERS_OF = Map.ofEntries(
            Map.entry(Constraint.RADIUS, List.of("radius")),
            Map.entry(Constraint.OPEN_NOW, List.of("open_now")),
            Map.entry(Constraint.OPEN_24_7, List.of("open_24_7")),
            Map.entry(Constraint.ACCEPTING_NEW_CLIENTS, List.of("accepting_new_clients")),
            Map.entry(Constraint.LANGUAGES, List.of("language")),
            Map.entry(Constraint.TEXT, List.of("q")),
            Map.entry(Constraint.AGE, List.of("age")),
            Map.entry(Constraint.GENDER, List.of("gender")),
            Map.entry(Constraint.SUBSTANCE_USE_ACCESSIBLE, List.of("substance_use_accessible")),
            Map.entry(Constraint.NO_STATUS_REQUIRED, List.of("no_status_required")),
            Map.entry(Constraint.TRAFFICKING_SPECIFIC, List.of("trafficking_specific")),
            Map.entry(Constraint.PROVINCE, List.of("province", "radius")));

    static boolean isSearch(MultiValueMap<String, String> parameters) {
        return SEARCH_PARAMETERS.stream().anyMatch(name -> parameters.getOrDefault(name, List.of()).stream()
                .anyMatch(value -> value != null && !value.isBlank()));
    }

    static MatchRequest read(MultiValueMap<String, String> parameters, Places places) {
        String radius = first(parameters, "radius");
        String province = first(parameters, "province");
        MatchQuery.Builder query = MatchQuery.builder()
                .domains(domains(parameters.getOrDefault("domain", List.of())))
                .province(province == null ? null : Province.fromCode(province)
                        .orElseThrow(() -> new MatchRequestException("match.api.unknown-province", echoed(province))))
                .languages(Set.copyOf(parameters.getOrDefault("language", List.of()).stream()
                        .filter(l -> l != null && !l.isBlank()).toList()))
                .age(age(first(parameters, "age")))
                .gender(gender(first(parameters, "gender")))
                .openNow(flag(parameters, "open_now"))
                .open247(flag(parameters, "open_24_7"))
                .substanceUseAccessible(flag(parameters, "substance_use_accessible"))
                .noStatusRequired(flag(parameters, "no_status_required"))
                .traffickingSpecific(flag(parameters, "trafficking_specific"))
                .acceptingNewClients(flag(parameters, "accepting_new_clients"))
                .text(first(parameters, "q"));
        Integer limit = whole("limit", first(parameters, "limit"), 1, MatchQuery.MAXIMUM_LIMIT);
        query.limit(limit == null ? MatchQuery.DEFAULT_LIMIT : limit);

        boolean wholeProvince = ANYWHERE_IN_THE_PROVINCE.equalsIgnoreCase(radius);
        Double radiusKm = radius == null || wholeProvince ? null : number("radius", radius, 0.1, 5_000);
        String typed = first(parameters, "place");
        Places.Place place = null;
        GeoPoint near = null;
        PostalCode postalCode = null;
        if (typed != null) {
            place = places.find(typed).orElse(null);
            postalCode = place != null ? null : Province.ofPostalCode(typed).map(in -> new PostalCode(typed.strip(), in))
                    .orElseThrow(() -> new MatchRequestException(places.alike(typed), "match.api.unknown-place", echoed(typed)));
            near = place == null ? null : place.point();
            if (postalCode != null) {
                radiusKm = null; // a postal code tells its province only: the whole province, nearest unknown
                if (province == null) {
                    query.province(postalCode.province());
                }
            }
        } else if (first(parameters, "lat") != null || first(parameters, "lon") != null) {
            near = new GeoPoint(number("lat", first(parameters, "lat"), -90, 90), number("lon", first(parameters, "lon"), -180, 180));
        }
        query.near(near, radiusKm);
        if (wholeProvince && near != null && province == null) {
            query.province(place != null ? place.province() : places.provinceOf(near).orElse(null));
        }
        return new MatchRequest(query.build(), place, postalCode);
    }

    /** The same parameters with what a relaxation gives up taken out (or its wider radius put in). */
    static MultiValueMap<String, String> relaxed(MultiValueMap<String, String> parameters, Relaxation relaxation) {
        MultiValueMap<String, String> relaxed = new LinkedMultiValueMap<>(parameters);
        relaxation.dropped().forEach(constraint -> PARAMETERS_OF.get(constraint).forEach(relaxed::remove));
        if (relaxation.dropped().contains(Constraint.PROVINCE) && Province.ofPostalCode(first(parameters, "place")).isPresent()) {
            relaxed.remove("place"); // the postal code stood for the province
        }
        if (relaxation.radiusKm() != null) {
            relaxed.set("radius", String.valueOf(Math.round(relaxation.radiusKm())));
        }
        if (relaxation.words() != null) {
            relaxed.set("q", relaxation.words());
        }
        return relaxed;
    }

    /** The same parameters, at this place (its province named, so that it is this one). */
    static MultiValueMap<String, String> at(MultiValueMap<String, String> parameters, Places.Place place) {
        MultiValueMap<String, String> moved = new LinkedMultiValueMap<>(parameters);
        moved.set("place", place.name() + ", " + place.province().code());
        return moved;
    }

    private static String first(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Set<NeedDomain> domains(List<String> codes) {
        return codes.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> NeedDomain.fromCode(c).orElseThrow(() -> new MatchRequestException("match.api.unknown-domain", echoed(c),
                        Arrays.stream(NeedDomain.values()).map(NeedDomain::code).collect(Collectors.joining(", ")))))
                .collect(Collectors.toSet());
    }

    /**
     * What was typed, as a refusal repeats it: without control characters, and cut after
     * {@value #ECHOED} characters, so that a pasted page or a forged link does not fill the answer.
     */
    private static String echoed(String typed) {
        String printable = typed.replaceAll("\\p{Cc}", "");
        return printable.codePointCount(0, printable.length()) <= ECHOED ? printable
                : printable.substring(0, printable.offsetByCodePoints(0, ECHOED)) + "…";
    }

    private static String gender(String gender) {
        if (gender == null) {
            return null;
        }
        String wanted = gender.toLowerCase(Locale.ROOT);
        if (!List.of("women", "men", "gender-diverse").contains(wanted)) {
            throw new MatchRequestException("match.api.unknown-gender", echoed(gender));
        }
        return wanted;
    }

    private static boolean flag(MultiValueMap<String, String> parameters, String name) {
        String value = first(parameters, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new MatchRequestException("match.api.bad-boolean", name);
        };
    }

    private static Integer age(String value) {
        try {
            return whole("age", value, 0, MOST_YEARS);
        } catch (MatchRequestException notAnAge) {
            throw new MatchRequestException("match.api.bad-age", 0, MOST_YEARS); // said as an age, not as a parameter
        }
    }

    private static Integer whole(String name, String value, int minimum, int maximum) {
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
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
            double number = Double.parseDouble(value == null ? "" : value);
            if (number >= minimum && number <= maximum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a number out of range
        }
        throw new MatchRequestException("match.api.bad-number", name, minimum, maximum);
    }

    /** A query the engine cannot read, to be told in the reader's language. */
    static final class MatchRequestException extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;
        private final transient List<Places.Place> alike;

        MatchRequestException(String messageKey, Object... arguments) {
            this(List.of(), messageKey, arguments);
        }

        /** @param alike the places a person may have meant by a place not found */
        MatchRequestException(List<Places.Place> alike, String messageKey, Object... arguments) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.arguments = arguments;
            this.alike = alike;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments;
        }

        List<Places.Place> alike() {
            return alike;
        }
    }
}
