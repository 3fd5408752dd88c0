package ca.passerelle.matching.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import ca.passerelle.directory.ShownText;
import ca.passerelle.matching.Bundle;
import ca.passerelle.matching.Constraint;
import ca.passerelle.matching.Match;
import ca.passerelle.matching.Reason;
import ca.passerelle.matching.Relaxation;
import ca.passerelle.shared.ClockTime;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Matches as a reader sees them, in their language: the same words for the finder's page and the
 * API's answer. Service records stay in the official language closest to the reader's.
 */
@Component
class MatchViews {

    /**
     * Distances are said to 0.1 km, so those below this are at most a thousand texts a language,
     * and nearly every result is one of them.
     */
    private static final double DISTANCES_SAID_ONCE_BELOW_KM = 100;
    private static final String OPENS = "match.reason.closed-now-opens";
    private static final String UNTIL = "match.reason.open-now-until";
    private static final String UNTIL_DAY = "match.reason.open-now-until-day";
    private static final String AS_OF = "match.reason.as-of";

    private final MessageSource messages;

    /**
     * Reasons as read, by language: "open 24/7", "speaks Tagalog" or "1.5 km" are said the same
     * for every result of every answer, so each is worked out once (the languages are the
     * interface's nine, the values a bounded few). Farther distances are said each time.
     */
    private final Map<Locale, Map<Reason, ReasonView>> said = new ConcurrentHashMap<>();

    MatchViews(MessageSource messages) {
        this.messages = messages;
    }

    MatchView of(Match match, Locale locale) {
        Language recordLanguage = Language.of(locale);
        ShownText name = match.service().names().in(recordLanguage);
        ShownText organization = match.service().organizations().in(recordLanguage);
        // a loop rather than streams: every result of every answer passes here
        List<ReasonView> reasons = new ArrayList<>(match.reasons().size());
        StringJoiner explanation = new StringJoiner(" · ");
        for (Reason reason : match.reasons()) {
            ReasonView view = view(reason, locale);
            reasons.add(view);
            explanation.add(view.text());
        }
        return new MatchView(match.service().id().value(), name.text(), name.lang(),
                organization == null ? null : organization.text(), organization == null ? null : organization.lang(),
                match.service().city(), match.service().province() == null ? null : match.service().province().code(),
                match.service().phone(), match.distanceKm(), Math.round(match.score() * 100) / 100.0,
                codes(match.covered()), codes(match.missing()),
                match.service().capacity() == null ? null : match.service().capacity().status(),
                explanation.toString(), reasons);
    }

    BundleView of(Bundle bundle, Locale locale) {
        return new BundleView(bundle.services().stream().map(match -> of(match, locale)).toList(), codes(bundle.uncovered()));
    }

    /** Needs by name: "Legal aid". */
    List<String> names(Set<NeedDomain> domains, Locale locale) {
        return domains.stream().map(domain -> name(domain, locale)).toList();
    }

    String name(NeedDomain domain, Locale locale) {
        return messages.getMessage(domain.messageKey(), null, locale);
    }

    private static List<String> codes(Set<NeedDomain> domains) {
        List<String> codes = new ArrayList<>(domains.size());
        for (NeedDomain domain : domains) {
            codes.add(domain.code());
        }
        return codes;
    }

    /** A constraint in words: "open 24/7". */
    String name(Constraint constraint, Locale locale) {
        return messages.getMessage(constraint.messageKey(), null, locale);
    }

    /** A relaxation in words: "within 50 km", "“shelter” instead of “shleter”", "without “open 24/7”, “age”". */
    String label(Relaxation relaxation, String askedWords, Locale locale) {
        if (relaxation.radiusKm() != null) {
            return messages.getMessage("match.relax.wider", new Object[] {relaxation.radiusKm()}, locale);
        }
        if (relaxation.words() != null) {
            return messages.getMessage("match.relax.words", new Object[] {isolated(relaxation.words()), isolated(askedWords)}, locale);
        }
        String dropped = relaxation.dropped().stream()
                .map(c -> messages.getMessage("match.relax.named", new Object[] {name(c, locale)}, locale))
                .collect(Collectors.joining(", "));
        return messages.getMessage("match.relax.without", new Object[] {dropped}, locale);
    }

    /**
     * Words typed in one direction set apart from a sentence in another: in Arabic, "shelter femmes"
     * inside a right-to-left sentence was shown broken in two around it (Unicode's first-strong isolate).
     */
    private static String isolated(String typed) {
        return "\u2068" + typed + "\u2069";
    }

    private ReasonView view(Reason reason, Locale locale) {
        if (reason.value() instanceof Double km && km >= DISTANCES_SAID_ONCE_BELOW_KM) {
            return new ReasonView(reason.kind().code(), km, say(reason, locale));
        }
        return said.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason, r -> new ReasonView(r.kind().code(), valueCode(r.value()), say(r, locale)));
    }

    /** One reason in words: its value, if any, named in the reader's language. */
    private String say(Reason reason, Locale locale) {
        if (reason.value() instanceof Reason.Opening opening) {
            return messages.getMessage(OPENS, new Object[] {opening.day().getDisplayName(TextStyle.FULL, locale),
                    ClockTime.of(opening.time(), locale)}, locale);
        }
        if (reason.value() instanceof Reason.Closing closing) {
            String time = ClockTime.of(closing.time(), locale);
            return closing.today() ? messages.getMessage(UNTIL, new Object[] {time}, locale)
                    : messages.getMessage(UNTIL_DAY, new Object[] {closing.day().getDisplayName(TextStyle.FULL, locale), time}, locale);
        }
        if (reason.value() instanceof LocalDate day) {
            return messages.getMessage(AS_OF, new Object[] {messages.getMessage(reason.kind().messageKey(), null, locale),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day)}, locale);
        }
        Object value = switch (reason.value()) {
            case null -> null;
            case NeedDomain domain -> name(domain, locale);
            case Province province -> messages.getMessage(province.messageKey(), null, locale);
            case String language -> LanguageNames.name(language, locale);
            default -> reason.value();
        };
        return messages.getMessage(reason.kind().messageKey(), new Object[] {value}, locale);
    }

    /**
     * A reason's value as the API writes it: a distance in km, the code of a domain, language or
     * province, when a service opens next or closes as its RFC 5545 day (as HSDS schedules write days)
     * and 24-hour time: "MO 09:00", or the day an old capacity was said: "2026-12-03".
     */
    private static Object valueCode(Object value) {
        return switch (value) {
            case NeedDomain domain -> domain.code();
            case Province province -> province.code();
            case Reason.Opening opening -> weekTime(opening.day(), opening.time());
            case Reason.Closing closing -> weekTime(closing.day(), closing.time());
            case LocalDate day -> day.toString();
            case null, default -> value;
        };
    }

    private static String weekTime(DayOfWeek day, LocalTime time) {
        return day.name().substring(0, 2) + " " + time;
    }

    static String code(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A matched service as read, and as the API writes it (the OpenAPI document's {@code Match}).
     * Never a point or an address: a confidential site shows only a rounded distance.
     */
    record MatchView(UUID id, String name, @JsonProperty("name_language") String nameLanguage,
            @JsonInclude(JsonInclude.Include.NON_NULL) String organization, @JsonIgnore String organizationLanguage,
            String city, String province, String phone, @JsonProperty("distance_km") Double distanceKm, double score,
            List<String> covers, @JsonProperty("does_not_cover") List<String> doesNotCover,
            @JsonProperty("capacity_status") String capacityStatus, String explanation, List<ReasonView> reasons) {

        @JsonProperty
        public String url() {
            return "/services/" + id;
        }
    }

    /**
     * One reason: the API writes its code and value ({@code speaks}, {@code "tl"}), which the
     * explanation already says in words; the page lists the words.
     */
    record ReasonView(String code, @JsonInclude(JsonInclude.Include.NON_NULL) Object value, @JsonIgnore String text) {
    }

    record BundleView(List<MatchView> services, List<String> uncovered) {
    }
}
