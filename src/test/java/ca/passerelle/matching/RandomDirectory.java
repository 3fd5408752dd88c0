package ca.passerelle.matching;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import ca.passerelle.directory.Capacity;
import ca.passerelle.directory.OpeningHours;
import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.directory.ShownText;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * A seeded, varied directory and random queries over it, for comparing the engine with its
 * oracle: services with zero to three sites (some confidential) near real places, several
 * domains, languages, ages, genders, hours past midnight, capacity, bilingual words.
 */
final class RandomDirectory {

    static final List<String> LANGUAGES = List.of("fr", "en", "es", "tl", "zh", "pa", "ar", "pt", "uk", "fa");
    static final List<String> GENDERS = List.of("women", "men", "gender-diverse");
    static final List<String> WORDS = List.of("refuge", "hébergement", "shelter", "housing", "aide juridique", "legal clinic",
            "santé", "health", "counselling", "écoute", "travail", "employment", "immigration", "réfugiés", "refugees",
            "jeunes", "youth", "femmes", "women", "nourriture", "food", "vêtements", "clothing", "école", "school");
    static final List<String> TYPED = List.of("refuges", "Hébergement", "shelters", "juridique", "LEGAL", "sante", "health",
            "écouter", "employment", "refugies", "refugee", "jeune", "femme", "food", "ecole", "the", "à", "clinique");

    private final Random random;
    /** Draws when each capacity was said apart: the rest of a directory stays what it was before capacities were dated. */
    private final Random saidWhen;
    private final List<Places.Place> places;

    RandomDirectory(long seed, Places gazetteer) {
        this.random = new Random(seed);
        this.saidWhen = new Random(~seed);
        this.places = placesAcrossCanada(gazetteer);
    }

    private static List<Places.Place> placesAcrossCanada(Places gazetteer) {
        List<Places.Place> chosen = new ArrayList<>();
        for (String name : List.of("Montréal", "Toronto", "Vancouver", "Calgary", "Halifax", "Winnipeg", "Québec", "Ottawa",
                "Gatineau", "Regina", "Iqaluit", "Whitehorse", "Yellowknife", "Moncton", "Charlottetown", "St. John's",
                "Sherbrooke", "Saguenay", "Hamilton", "Edmonton")) {
            gazetteer.find(name).ifPresent(chosen::add);
        }
        return chosen;
    }

    List<ServiceFacts> services(int count) {
        List<ServiceFacts> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            services.add(service());
        }
        return services;
    }

    /** Another random service under the same id: what an edit can make of it. */
    ServiceFacts editOf(ServiceFacts original) {
        ServiceFacts s = service();
        return new ServiceFacts(original.id(), s.status(), s.names(), s.organizations(), s.domains(), s.city(), s.province(),
                s.phone(), s.sites(), s.provinces(), s.languages(), s.minimumAge(), s.maximumAge(), s.genders(), s.open247(),
                s.substanceUseAccessible(), s.noStatusRequired(), s.traffickingSpecific(), s.capacity(), s.hours(), s.words());
    }

    private ServiceFacts service() {
        Places.Place home = pick(places);
        List<ServiceFacts.Site> sites = new ArrayList<>();
        int siteCount = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int i = 0; i < siteCount; i++) {
            GeoPoint point = new GeoPoint(home.point().latitude() + random.nextGaussian() * 0.2,
                    home.point().longitude() + random.nextGaussian() * 0.3);
            sites.add(new ServiceFacts.Site(point, home.province(), random.nextInt(8) == 0));
        }
        Set<Province> provinces = EnumSet.of(home.province());
        if (random.nextInt(10) == 0) {
            provinces.add(pick(List.of(Province.values())));
        }
        Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        int domainCount = 1 + random.nextInt(3);
        while (domains.size() < domainCount) {
            domains.add(pick(List.of(NeedDomain.values())));
        }
        Set<String> languages = new HashSet<>(List.of(random.nextBoolean() ? "fr" : "en"));
        if (random.nextInt(3) == 0) {
            languages.add(pick(LANGUAGES));
        }
        Integer minimumAge = random.nextInt(5) == 0 ? pick(List.of(12, 16, 18, 25)) : null;
        Integer maximumAge = random.nextInt(6) == 0 ? pick(List.of(17, 24, 30, 64)) : null;
        Set<String> genders = random.nextInt(6) == 0 ? Set.of(pick(GENDERS)) : Set.of();
        boolean open247 = random.nextInt(6) == 0;
        OpeningHours hours = open247 ? OpeningHours.none().with("", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT) : switch (random.nextInt(4)) {
            case 0 -> OpeningHours.none().with("MO,TU,WE,TH,FR", LocalTime.of(9, 0), LocalTime.of(17, 0));
            case 1 -> OpeningHours.none().with("FR,SA,SU", LocalTime.of(20, 0), LocalTime.of(2, 30));
            case 2 -> OpeningHours.none().with("TU,TH", LocalTime.of(13, 15), LocalTime.of(19, 45));
            default -> OpeningHours.none();
        };
        String name = pick(WORDS) + " " + home.name();
        ShownText shown = new ShownText(name, Language.FR);
        String status = random.nextInt(12) == 0 ? pick(List.of("inactive", "temporarily closed")) : "active";
        Capacity capacity = random.nextInt(3) == 0 ? null
                : new Capacity(pick(Capacity.STATUSES), random.nextInt(10), 10, "beds", capacitySaid());
        return new ServiceFacts(new ServiceId(new UUID(random.nextLong(), random.nextLong())), status,
                new ServiceFacts.NamesInLanguages(shown, shown), new ServiceFacts.NamesInLanguages(shown, shown), domains,
                home.name(), home.province(), "+1 555 010 0000", sites, provinces, languages, minimumAge, maximumAge, genders,
                open247, random.nextInt(4) == 0, random.nextInt(3) == 0, random.nextInt(5) == 0, capacity, hours,
                name + " " + pick(WORDS) + " " + pick(WORDS));
    }

    /**
     * When a capacity was said: in the two days before the queries' week or during it, so that it is
     * fresh for some queries and old for others, to the minute they are asked at now and then; or
     * never said, which is never old.
     */
    private Instant capacitySaid() {
        return saidWhen.nextInt(4) == 0 ? null : Instant.parse("2026-11-21T00:00:00Z").plusSeconds(60L * saidWhen.nextInt(9 * 24 * 60));
    }

    /** So many random queries, drawn in turn. */
    List<MatchQuery> queries(int count) {
        return Stream.generate(this::query).limit(count).toList();
    }

    MatchQuery query() {
        MatchQuery.Builder query = MatchQuery.builder();
        Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        int domainCount = random.nextInt(4);
        for (int i = 0; i < domainCount; i++) {
            domains.add(pick(List.of(NeedDomain.values())));
        }
        query.domains(domains);
        if (random.nextInt(4) != 0) {
            Places.Place place = pick(places);
            GeoPoint near = new GeoPoint(place.point().latitude() + random.nextGaussian() * 0.1,
                    place.point().longitude() + random.nextGaussian() * 0.1);
            query.near(near, random.nextInt(4) == 0 ? null : pick(List.of(2.0, 5.0, 10.0, 25.0, 50.0, 200.0)));
        }
        if (random.nextInt(6) == 0) {
            query.province(pick(List.of(Province.values())));
        }
        if (random.nextInt(5) == 0) {
            query.languages(new HashSet<>(List.of(pick(LANGUAGES), pick(LANGUAGES))));
        }
        if (random.nextInt(5) == 0) {
            query.age(pick(List.of(10, 15, 17, 18, 22, 40, 70)));
        }
        if (random.nextInt(6) == 0) {
            query.gender(pick(GENDERS));
        }
        query.openNow(random.nextInt(5) == 0).open247(random.nextInt(10) == 0)
                .substanceUseAccessible(random.nextInt(8) == 0).noStatusRequired(random.nextInt(8) == 0)
                .traffickingSpecific(random.nextInt(8) == 0).acceptingNewClients(random.nextInt(8) == 0);
        if (random.nextInt(5) == 0) {
            query.text(pick(TYPED) + (random.nextBoolean() ? " " + pick(TYPED) : ""));
        }
        // whole minutes: opening hours are kept to the minute
        query.at(Instant.parse("2026-11-23T00:00:00Z").plusSeconds(60L * random.nextInt(7 * 24 * 60)));
        return query.limit(1 + random.nextInt(30)).build();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
