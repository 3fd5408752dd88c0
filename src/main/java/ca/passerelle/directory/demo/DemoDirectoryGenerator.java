package ca.passerelle.directory.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;


import ca.passerelle.DemoMode;
import ca.passerelle.directory.demo.Cities.City;
import ca.passerelle.directory.demo.ServiceKind.Text;
import ca.passerelle.directory.demo.ServiceKinds.Profile;
import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * Writes a fictional national directory as HSDS rows: organisations of every kind in real
 * Canadian cities, each with its services, sites, phones, hours, languages and Passerelle facets,
 * in French and English. The same seed gives the same directory; organisation {@code n} is the
 * same whichever range it is generated in, so millions can be made a slice at a time.
 */
final class DemoDirectoryGenerator {

    /** Cities whose demo directory holds five organisations rather than two. */
    private static final Set<String> LARGE_CITIES = Set.of("Calgary", "Edmonton", "Vancouver", "Surrey", "Victoria",
            "Winnipeg", "Toronto", "Ottawa", "Mississauga", "Hamilton", "Montréal", "Québec", "Laval", "Halifax",
            "Regina", "Saskatoon", "Moncton", "St. John's");

    private static final List<String> STREETS_EN = List.of("Main Street", "King Street", "Queen Street", "Centre Street",
            "Water Street", "Portage Avenue", "Victoria Avenue", "Albert Street", "Park Road", "Elm Avenue");
    private static final List<String> STREETS_FR = List.of("rue Principale", "rue Notre-Dame", "rue Saint-Jean",
            "boulevard des Forges", "rue King", "avenue du Parc", "rue Champlain", "chemin du Lac", "rue Laurier",
            "boulevard René-Lévesque");
    private static final String ALPHABET = "ABCEGHJKLMNPRSTVWXYZ";
    /** What a person getting out needs first, and every large city's demo shows nearby: a shelter, health care, a lawyer. */
    private static final List<Profile> FIRST_NEEDS = ServiceKinds.PROFILES.stream()
            .filter(profile -> Set.of("shelter", "health", "legal").contains(profile.key())).toList();

    private final long seed;
    private final Instant now;
    private final List<Plan> curated;

    /** Which city and kind of organisation an organisation number stands for. */
    private record Plan(City city, Profile profile, boolean jitter) {
    }

    DemoDirectoryGenerator(long seed, Instant now) {
        this.seed = seed;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.curated = curatedPlan();
    }

    /** How many organisations the curated demo directory holds (the national one included). */
    int curatedOrganisations() {
        return curated.size();
    }

    /** The rows of organisations numbered {@code from} (inclusive) to {@code to} (exclusive), table by table. */
    Map<String, List<Map<String, Object>>> organisations(int from, int to) {
        Rows rows = new Rows();
        for (int n = from; n < to; n++) {
            organisation(n, rows);
        }
        return rows.tables;
    }

    /** How many services organisations {@code 0..count} hold, to reach a wanted number of services. */
    int servicesOf(int organisation) {
        return plan(organisation).profile().services().size();
    }

    private Plan plan(int n) {
        if (n < curated.size()) {
            return curated.get(n);
        }
        int beyond = n - curated.size();
        List<City> cities = Cities.ALL;
        List<Profile> profiles = ServiceKinds.PROFILES;
        return new Plan(cities.get(beyond % cities.size()), profiles.get((beyond / cities.size()) % profiles.size()), true);
    }

    private static List<Plan> curatedPlan() {
        List<Plan> plan = new ArrayList<>();
        plan.add(new Plan(Cities.ALL.stream().filter(c -> c.name().equals("Ottawa")).findFirst().orElseThrow(),
                ServiceKinds.NATIONAL, false));
        int rotation = 0;
        for (City city : Cities.ALL) {
            int organisations = LARGE_CITIES.contains(city.name()) ? 5 : 2;
            for (int i = 0; i < organisations; i++) {
                plan.add(new Plan(city, ServiceKinds.PROFILES.get(rotation++ % ServiceKinds.PROFILES.size()), false));
            }
        }
        // the first needs the rotation left out of a large city, added last so that every
        // organisation above keeps its number and its identifiers
        for (City city : Cities.ALL.stream().filter(c -> LARGE_CITIES.contains(c.name())).toList()) {
            for (Profile first : FIRST_NEEDS) {
                if (plan.stream().noneMatch(planned -> planned.city() == city && planned.profile() == first)) {
                    plan.add(new Plan(city, first, false));
                }
            }
        }
        return plan;
    }

    private void organisation(int n, Rows rows) {
        Plan plan = plan(n);
        Random random = new Random(seed * 1_000_003L + n);
        City city = plan.city();
        boolean french = city.francophone();
        Language language = french ? Language.FR : Language.EN;
        String suffix = n < curated.size() ? "" : " " + (n / Cities.ALL.size());
        Text name = new Text(plan.profile().namePattern().fr().replace("{city}", city.name()) + suffix,
                plan.profile().namePattern().en().replace("{city}", city.name()) + suffix);
        String slug = slug(name.en()) + "-" + n;

        UUID organisationId = id("organization", n, 0);
        Map<String, Object> organisation = rows.add("organization", organisationId);
        organisation.put("name", name.in(french));
        organisation.put("description", text(organisationDescription(plan.profile(), city), french));
        organisation.put("email", "info@" + slug + ".example.org");
        organisation.put("website", "https://" + slug + ".example.org");
        organisation.put("year_incorporated", BigDecimal.valueOf(1975 + random.nextInt(48)));
        organisation.put("legal_status", french ? "Organisme à but non lucratif" : "Non-profit corporation");
        translations(rows, organisationId, "organization", language, Map.of(
                "name", name, "description", organisationDescription(plan.profile(), city)));

        double latitude = city.latitude() + (plan.jitter() ? (random.nextDouble() - 0.5) * 0.2 : (random.nextDouble() - 0.5) * 0.04);
        double longitude = city.longitude() + (plan.jitter() ? (random.nextDouble() - 0.5) * 0.3 : (random.nextDouble() - 0.5) * 0.06);
        UUID office = location(rows, n, 0, organisationId, city, language, random, latitude, longitude, false,
                new Text("Bureau principal", "Main office"));
        UUID confidentialSite = plan.profile().hasConfidentialSite()
                ? location(rows, n, 1, organisationId, city, language, random,
                        latitude + (random.nextDouble() - 0.5) * 0.03, longitude + (random.nextDouble() - 0.5) * 0.04, true,
                        new Text("Maison d’hébergement", "Residence"))
                : null;
        String areaCode = areaCode(city.province(), random);
        phone(rows, id("phone", n, 0), areaCode, random, "organization_id", organisationId, language);

        int k = 0;
        for (ServiceKind kind : plan.profile().services()) {
            service(rows, n, k++, kind, organisationId, city, language, random,
                    kind.confidential() && confidentialSite != null ? confidentialSite : office, areaCode, slug);
        }
    }

    private void service(Rows rows, int n, int k, ServiceKind kind, UUID organisationId, City city, Language language,
            Random random, UUID site, String areaCode, String slug) {
        boolean french = language == Language.FR;
        UUID serviceId = id("service", n, k);
        Map<String, Object> service = rows.add("service", serviceId);
        service.put("organization_id", organisationId);
        service.put("name", kind.name().in(french));
        service.put("description", kind.description().in(french));
        service.put("url", "https://" + slug + ".example.org/" + kind.key());
        service.put("email", kind.key() + "@" + slug + ".example.org");
        service.put("status", random.nextInt(40) == 0 ? "temporarily closed" : "active");
        Text interpretation = new Text("Interprètes au besoin, gratuitement", "Free interpreters when needed");
        service.put("interpretation_services", interpretation.in(french));
        Text applying = kind.open247()
                ? new Text("Appelez ou présentez-vous à toute heure; aucune recommandation nécessaire.",
                        "Call or come in at any hour; no referral needed.")
                : new Text("Appelez pour un rendez-vous ou présentez-vous aux heures d’ouverture; aucune recommandation nécessaire.",
                        "Call for an appointment or come in during opening hours; no referral needed.");
        Text fees = new Text("Gratuit", "Free of charge");
        service.put("application_process", applying.in(french));
        service.put("fees_description", fees.in(french));
        service.put("eligibility_description", kind.eligibility().in(french));
        if (kind.minimumAge() != null) {
            service.put("minimum_age", BigDecimal.valueOf(kind.minimumAge()));
        }
        if (kind.maximumAge() != null) {
            service.put("maximum_age", BigDecimal.valueOf(kind.maximumAge()));
        }
        Text waitTime = null;
        if (!kind.open247() && !kind.housing() && random.nextInt(4) == 0) {
            int weeks = 1 + random.nextInt(6);
            waitTime = new Text("Environ " + weeks + " semaine" + (weeks > 1 ? "s" : ""),
                    "About " + weeks + " week" + (weeks > 1 ? "s" : ""));
            service.put("wait_time", waitTime.in(french));
        }
        service.put("last_modified", now.minus(Duration.ofHours(random.nextInt(24 * 90))));

        Map<String, Text> translated = new LinkedHashMap<>();
        translated.put("name", kind.name());
        translated.put("description", kind.description());
        translated.put("eligibility_description", kind.eligibility());
        translated.put("application_process", applying);
        translated.put("fees_description", fees);
        translated.put("interpretation_services", interpretation);
        if (waitTime != null) {
            translated.put("wait_time", waitTime);
        }
        translations(rows, serviceId, "service", language, translated);
        facets(rows, serviceId, kind, random);
        if (kind.housing()) {
            capacity(rows, serviceId, random, french);
        }

        UUID at = id("service_at_location", n, k);
        Map<String, Object> serviceAtLocation = rows.add("service_at_location", at);
        serviceAtLocation.put("service_id", serviceId);
        serviceAtLocation.put("location_id", site);

        UUID phoneId = id("phone", n, k + 1);
        phone(rows, phoneId, areaCode, random, "service_id", serviceId, language);
        schedules(rows, n, k, serviceId, kind, random, language);
        languages(rows, n, k, serviceId, city, random, french);
        area(rows, n, k, serviceId, kind, city, french);
    }

    private void facets(Rows rows, UUID service, ServiceKind kind, Random random) {
        for (NeedDomain domain : kind.domains()) {
            rows.attribute(service, "service", PasserelleTaxonomy.domain(domain), null);
        }
        if (random.nextDouble() < kind.statusFree()) {
            rows.attribute(service, "service", PasserelleTaxonomy.NO_STATUS_REQUIRED, "true");
        }
        if (random.nextDouble() < kind.substanceUse()) {
            rows.attribute(service, "service", PasserelleTaxonomy.SUBSTANCE_USE_ACCESSIBLE, "true");
        }
        if (kind.traffickingSpecific() || random.nextInt(8) == 0) {
            rows.attribute(service, "service", PasserelleTaxonomy.TRAFFICKING_SPECIFIC, "true");
        }
        if (kind.gender() != null) {
            rows.attribute(service, "service", PasserelleTaxonomy.ELIGIBLE_GENDER, kind.gender());
            rows.attribute(service, "service", PasserelleTaxonomy.ELIGIBLE_GENDER, "gender-diverse");
        }
    }

    private void capacity(Rows rows, UUID service, Random random, boolean french) {
        int maximum = 6 + random.nextInt(30);
        int available = random.nextInt(4) == 0 ? 0 : random.nextInt(Math.min(maximum, 6) + 1);
        String status = available > 0 ? "accepting" : random.nextBoolean() ? "waitlist" : "full";
        rows.attribute(service, "service", PasserelleTaxonomy.CAPACITY_STATUS, status);
        rows.attribute(service, "service", PasserelleTaxonomy.CAPACITY_AVAILABLE, Integer.toString(available));
        rows.attribute(service, "service", PasserelleTaxonomy.CAPACITY_MAXIMUM, Integer.toString(maximum));
        rows.attribute(service, "service", PasserelleTaxonomy.CAPACITY_UNIT, "beds");
        rows.attribute(service, "service", PasserelleTaxonomy.CAPACITY_UPDATED,
                now.minus(capacityAge(random.nextInt(60 * 96))).toString());
    }

    /**
     * How long ago a demo capacity was said, from a draw of minutes under four days: two in three
     * this day (within 20 hours, as an active network confirms its beds), the rest one to four days
     * ago, old enough to rank as not said and to show the day it was said.
     */
    private static Duration capacityAge(int minutes) {
        int today = 60 * 64;
        return minutes < today ? Duration.ofMinutes(minutes * 20L * 60 / today)
                : Duration.ofDays(1).plusMinutes((minutes - today) * 3L * 24 * 60 / (60 * 96 - today));
    }

    private UUID location(Rows rows, int n, int k, UUID organisation, City city, Language language, Random random,
            double latitude, double longitude, boolean confidential, Text name) {
        boolean french = language == Language.FR;
        UUID locationId = id("location", n, k);
        Map<String, Object> location = rows.add("location", locationId);
        location.put("location_type", "physical");
        location.put("organization_id", organisation);
        location.put("name", name.in(french));
        location.put("latitude", BigDecimal.valueOf(latitude).setScale(5, RoundingMode.HALF_UP));
        location.put("longitude", BigDecimal.valueOf(longitude).setScale(5, RoundingMode.HALF_UP));
        Text transit = new Text("À dix minutes à pied de l’arrêt d’autobus le plus proche.",
                "Ten minutes’ walk from the nearest bus stop.");
        location.put("transportation", transit.in(french));
        translations(rows, locationId, "location", language, Map.of("name", name, "transportation", transit));
        if (confidential) {
            rows.attribute(locationId, "location", PasserelleTaxonomy.CONFIDENTIAL_LOCATION, "true");
        }

        Map<String, Object> address = rows.add("address", id("address", n, k));
        address.put("location_id", locationId);
        address.put("address_1", (10 + random.nextInt(2990)) + " " + (french ? STREETS_FR : STREETS_EN)
                .get(random.nextInt(STREETS_EN.size())));
        address.put("city", city.name());
        address.put("state_province", city.province().code());
        address.put("postal_code", postalCode(city, random));
        address.put("country", "CA");
        address.put("address_type", "physical");

        Map<String, Object> access = rows.add("accessibility", id("accessibility", n, k));
        access.put("location_id", locationId);
        Text accessible = random.nextInt(5) == 0
                ? new Text("Escalier à l’entrée; nous pouvons vous rencontrer ailleurs.", "Stairs at the entrance; we can meet you elsewhere.")
                : new Text("Entrée et toilettes accessibles en fauteuil roulant.", "Wheelchair-accessible entrance and washroom.");
        access.put("description", accessible.in(french));
        translations(rows, (UUID) access.get("id"), "accessibility", language, Map.of("description", accessible));
        return locationId;
    }

    private void phone(Rows rows, UUID phoneId, String areaCode, Random random, String owner, UUID ownerId, Language language) {
        Map<String, Object> phone = rows.add("phone", phoneId);
        phone.put(owner, ownerId);
        // 555-01xx numbers are reserved for fiction in North America: no real person answers.
        phone.put("number", "(" + areaCode + ") 555-01" + String.format(Locale.ROOT, "%02d", random.nextInt(100)));
        phone.put("type", "voice");
    }

    private void schedules(Rows rows, int n, int k, UUID service, ServiceKind kind, Random random, Language language) {
        boolean french = language == Language.FR;
        if (kind.open247()) {
            Text always = new Text("Ouvert 24 heures sur 24, 7 jours sur 7", "Open 24 hours a day, 7 days a week");
            schedule(rows, id("schedule", n, k * 4), service, "MO,TU,WE,TH,FR,SA,SU", LocalTime.MIDNIGHT,
                    LocalTime.of(23, 59, 59), always, french, language);
            return;
        }
        int opens = 8 + random.nextInt(3);
        Text weekdays = new Text("Du lundi au vendredi", "Monday to Friday");
        schedule(rows, id("schedule", n, k * 4), service, "MO,TU,WE,TH,FR", LocalTime.of(opens, 30 * random.nextInt(2)),
                LocalTime.of(opens + 8, 0), weekdays, french, language);
        if (random.nextInt(3) == 0) {
            Text evenings = new Text("Soirées du mardi et du jeudi", "Tuesday and Thursday evenings");
            schedule(rows, id("schedule", n, k * 4 + 1), service, "TU,TH", LocalTime.of(17, 0), LocalTime.of(20, 30),
                    evenings, french, language);
        }
        if (random.nextInt(4) == 0) {
            Text saturday = new Text("Le samedi", "Saturdays");
            schedule(rows, id("schedule", n, k * 4 + 2), service, "SA", LocalTime.of(10, 0), LocalTime.of(14, 0),
                    saturday, french, language);
        }
    }

    private void schedule(Rows rows, UUID scheduleId, UUID service, String days, LocalTime opens, LocalTime closes,
            Text description, boolean french, Language language) {
        Map<String, Object> schedule = rows.add("schedule", scheduleId);
        schedule.put("service_id", service);
        schedule.put("freq", "WEEKLY");
        schedule.put("wkst", "MO");
        schedule.put("byday", days);
        schedule.put("opens_at", opens);
        schedule.put("closes_at", closes);
        schedule.put("description", description.in(french));
        translations(rows, scheduleId, "schedule", language, Map.of("description", description));
    }

    private void languages(Rows rows, int n, int k, UUID service, City city, Random random, boolean french) {
        List<String> codes = new ArrayList<>();
        codes.add(french ? "fr" : "en");
        if (french || city.province() == Province.NB || random.nextInt(5) < 2) {
            codes.add(french ? "en" : "fr");
        }
        List<String> local = Cities.localLanguages(city.province());
        int extra = random.nextInt(Math.min(3, local.size()) + 1);
        for (int i = 0; i < extra; i++) {
            String code = local.get(random.nextInt(local.size()));
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        int i = 0;
        for (String code : codes) {
            Map<String, Object> spoken = rows.add("language", id("language", n, k * 16 + i++));
            spoken.put("service_id", service);
            spoken.put("code", code);
            spoken.put("name", LanguageNames.name(code, french ? Locale.FRENCH : Locale.ENGLISH));
        }
    }

    private void area(Rows rows, int n, int k, UUID service, ServiceKind kind, City city, boolean french) {
        String name = switch (kind.area()) {
            case LOCAL -> city.name();
            case PROVINCE -> city.province().code();
            case CANADA -> "Canada";
        };
        Map<String, Object> area = rows.add("service_area", id("service_area", n, k));
        area.put("service_id", service);
        area.put("name", name);
        area.put("description", kind.area() == ServiceKind.Area.LOCAL
                ? (french ? "Région de " : "The ") + city.name() + (french ? "" : " area")
                : kind.area() == ServiceKind.Area.PROVINCE
                        ? (french ? "Toute la province ou tout le territoire" : "The whole province or territory")
                        : (french ? "Partout au Canada" : "All of Canada"));
    }

    private void translations(Rows rows, UUID record, String entity, Language language, Map<String, Text> fields) {
        Language other = language == Language.FR ? Language.EN : Language.FR;
        rows.attribute(record, entity, PasserelleTaxonomy.RECORD_LANGUAGE, language.code());
        fields.forEach((field, text) -> rows.attribute(record, entity, PasserelleTaxonomy.translation(other, field),
                other == Language.FR ? text.fr() : text.en()));
    }

    private static Text organisationDescription(Profile profile, City city) {
        return switch (profile.key()) {
            case "anti-trafficking" -> new Text("Organisme qui accompagne les personnes ayant vécu la traite à " + city.name() + ", de l’urgence à la reconstruction.",
                    "An organisation supporting people who have lived through trafficking in " + city.name() + ", from the emergency to rebuilding a life.");
            case "shelter" -> new Text("Maison d’hébergement et services pour les femmes et les enfants à " + city.name() + ".",
                    "Shelter and services for women and children in " + city.name() + ".");
            case "health" -> new Text("Centre de santé communautaire ouvert à toutes et à tous à " + city.name() + ".",
                    "A community health centre open to everyone in " + city.name() + ".");
            case "legal" -> new Text("Clinique juridique gratuite pour les personnes à faible revenu de " + city.name() + ".",
                    "A free legal clinic for people with low income in " + city.name() + ".");
            case "migrant-workers" -> new Text("Centre de défense des droits des travailleuses et travailleurs migrants.",
                    "A centre defending the rights of migrant workers.");
            case "youth" -> new Text("Services aux jeunes en difficulté de " + city.name() + ".", "Services for young people in difficulty in " + city.name() + ".");
            case "settlement" -> new Text("Accueil et établissement des personnes immigrantes et réfugiées.", "Welcome and settlement for immigrants and refugees.");
            case "indigenous" -> new Text("Lieu de guérison et de culture autochtones.", "A place of Indigenous healing and culture.");
            case "victim-services" -> new Text("Aide gratuite et confidentielle aux victimes d’actes criminels.", "Free, confidential help for victims of crime.");
            case "food" -> new Text("Aide alimentaire et matérielle d’urgence.", "Emergency food and material help.");
            case "faith" -> new Text("Centre communautaire interconfessionnel.", "An interfaith community centre.");
            default -> new Text("Réseau pancanadien d’orientation des personnes victimes de traite.",
                    "The pan-Canadian referral network for trafficked persons.");
        };
    }

    private static String text(Text text, boolean french) {
        return text.in(french);
    }

    private static String areaCode(Province province, Random random) {
        List<String> codes = switch (province) {
            case AB -> List.of("403", "780");
            case BC -> List.of("604", "250");
            case MB -> List.of("204");
            case NB -> List.of("506");
            case NL -> List.of("709");
            case NS, PE -> List.of("902");
            case NT, NU, YT -> List.of("867");
            case ON -> List.of("416", "613", "905", "519", "705", "807");
            case QC -> List.of("514", "418", "450", "819");
            case SK -> List.of("306");
        };
        return codes.get(random.nextInt(codes.size()));
    }

    /** A postal code whose first three characters are the same for every address of a city, as real ones are. */
    private static String postalCode(City city, Random random) {
        int area = Math.floorMod(city.name().hashCode(), 10 * ALPHABET.length());
        return "" + Cities.postalLetter(city.province()) + area % 10 + ALPHABET.charAt(area / 10)
                + " " + random.nextInt(10) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + random.nextInt(10);
    }

    private static String slug(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The same record gets the same id every time: {@code kind} of organisation {@code n}, part {@code k}. */
    private UUID id(String kind, int n, int k) {
        return DemoMode.directoryRecordId(seed, kind, n, k);
    }

    /** Rows being generated, by table, in a stable order. */
    private static final class Rows {

        final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

        Map<String, Object> add(String table, UUID id) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
            return row;
        }

        void attribute(UUID record, String entity, PasserelleTaxonomy.Term term, String value) {
            UUID id = UUID.nameUUIDFromBytes((record + ":" + term.code() + ":" + value).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> attribute = add("attribute", id);
            attribute.put("link_id", record);
            attribute.put("taxonomy_term_id", term.id());
            attribute.put("link_entity", entity);
            attribute.put("value", value);
        }
    }
}
