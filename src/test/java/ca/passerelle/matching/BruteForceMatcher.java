package ca.passerelle.matching;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Province;

/**
 * The test oracle: every service of the directory checked against every constraint of the query,
 * one by one, in the plainest way. Slow and obviously right; the engine must agree with it.
 */
final class BruteForceMatcher {

    private final List<ServiceFacts> directory;
    private final Map<ServiceId, Set<String>> terms = new HashMap<>();
    private final Map<ServiceId, Set<String>> nameTerms = new HashMap<>();

    BruteForceMatcher(List<ServiceFacts> directory) {
        this.directory = directory;
        directory.forEach(service -> terms.put(service.id(), Words.terms(service.words())));
        directory.forEach(service -> nameTerms.put(service.id(), Words.terms(IndexedService.names(service))));
    }

    record Answer(List<Ranking.Candidate> best, int total, List<Ranking.Candidate> bundle) {
    }

    Answer search(MatchQuery query, Province area) {
        List<Ranking.Candidate> all = new ArrayList<>();
        BundleBuilder bundle = query.domains().size() > 1 ? new BundleBuilder(IndexedService.bits(query.domains())) : null;
        for (ServiceFacts service : directory) {
            if (!meets(service, query, area)) {
                continue;
            }
            double distance = distance(service, query.near());
            Ranking.Candidate candidate = new Ranking.Candidate(IndexedService.of(service), Ranking.score(query,
                    (int) query.domains().stream().filter(service.domains()::contains).count(), distance,
                    Ranking.hoursPoints(service.open247(), openNow(service, query)) + Ranking.standingPoints(
                            service.capacity(), service.traffickingSpecific(), query.at()) + (holdsEveryWord(nameTerms, service, query) ? Ranking.NAMED : 0)),
                    distance);
            all.add(candidate);
            if (bundle != null) {
                bundle.offer(IndexedService.bits(service.domains()), candidate);
            }
        }
        all.sort(Ranking.BEST_FIRST);
        return new Answer(all.subList(0, Math.min(query.limit(), all.size())), all.size(),
                bundle == null ? List.of() : bundle.choose().candidates());
    }

    private static boolean holdsEveryWord(Map<ServiceId, Set<String>> termsById, ServiceFacts service, MatchQuery query) {
        List<String> words = query.text() == null ? List.of() : Words.searched(query.text());
        Set<String> terms = termsById.get(service.id());
        return !words.isEmpty() && words.stream().allMatch(word -> Words.sought(word).stream().anyMatch(terms::contains));
    }

    /** How far the nearest site of a service meeting every constraint but the radius is; infinite when none has a site. */
    double nearestKm(MatchQuery query) {
        MatchQuery anyDistance = query.toBuilder().radius(null).build();
        return directory.stream().filter(service -> !service.sites().isEmpty() && meets(service, anyDistance, null))
                .mapToDouble(service -> distance(service, query.near())).min().orElse(Double.POSITIVE_INFINITY);
    }

    private boolean meets(ServiceFacts service, MatchQuery query, Province area) {
        if (!service.active()) {
            return false;
        }
        if (!query.domains().isEmpty() && Collections.disjoint(query.domains(), service.domains())) {
            return false;
        }
        if (query.province() != null && !service.provinces().contains(query.province())) {
            return false;
        }
        if (!query.languages().isEmpty() && Collections.disjoint(query.languages(), service.languages())) {
            return false;
        }
        if (query.open247() && !service.open247()
                || query.substanceUseAccessible() && !service.substanceUseAccessible()
                || query.noStatusRequired() && !service.noStatusRequired()
                || query.traffickingSpecific() && !service.traffickingSpecific()
                || query.acceptingNewClients() && (service.capacity() == null || !"accepting".equals(service.capacity().status()))) {
            return false;
        }
        if (query.text() != null && !Words.searched(query.text()).isEmpty() && !holdsEveryWord(terms, service, query)) {
            return false;
        }
        if (query.age() != null && (service.minimumAge() != null && query.age() < service.minimumAge()
                || service.maximumAge() != null && query.age() > service.maximumAge())) {
            return false;
        }
        if (query.gender() != null && !service.genders().isEmpty() && !service.genders().contains(query.gender())) {
            return false;
        }
        if (query.openNow() && !openNow(service, query)) {
            return false;
        }
        if (query.near() != null && service.sites().isEmpty()) {
            return area != null && service.provinces().contains(area);
        }
        return query.radiusKm() == null || distance(service, query.near()) <= query.radiusKm();
    }

    private static boolean openNow(ServiceFacts service, MatchQuery query) {
        Province zone = service.province() == null ? Province.ON : service.province();
        return service.open247() || service.hours().isOpenAt(ZonedDateTime.ofInstant(query.at(), zone.zone()));
    }

    private static double distance(ServiceFacts service, GeoPoint near) {
        if (near == null || service.sites().isEmpty()) {
            return Double.NaN;
        }
        return service.sites().stream().mapToDouble(site -> near.kilometresTo(site.point())).min().orElseThrow();
    }
}
