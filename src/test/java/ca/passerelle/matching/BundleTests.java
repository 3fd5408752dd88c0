package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.directory.OpeningHours;
import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.directory.ShownText;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.Test;

/** The services a multi-need query offers together are the nearest that can cover every need, and as few as can. */
class BundleTests {

    private static final GeoPoint TORONTO = new GeoPoint(43.6532, -79.3832);
    private static final Set<NeedDomain> SHELTER_AND_LAWYER = Set.of(NeedDomain.SHORT_TERM_HOUSING, NeedDomain.LEGAL_AID);

    private final ServiceFacts shelterInTown = service("Refuge du centre", Set.of(NeedDomain.SHORT_TERM_HOUSING), 43.6700, -79.3900);
    private final ServiceFacts clinicInTown = service("Clinique juridique", Set.of(NeedDomain.LEGAL_AID), 43.6400, -79.4000);
    private final ServiceFacts bothInSudbury = service("Tout-en-un de Sudbury", SHELTER_AND_LAWYER, 46.4917, -80.9930);

    @Test
    void aShelterAndAClinicInTownComeBeforeOneServiceDoingBoth340KmAway() {
        List<String> bundle = bundleNearToronto(List.of(bothInSudbury, shelterInTown, clinicInTown));

        assertThat(bundle).containsExactly("Refuge du centre", "Clinique juridique");
    }

    @Test
    void oneServiceDoingBothWithinReachOfTheNearestReplacesTwo() {
        ServiceFacts bothInTown = service("Maison d'accueil et droit", SHELTER_AND_LAWYER, 43.6600, -79.3950);

        List<String> bundle = bundleNearToronto(List.of(bothInSudbury, shelterInTown, clinicInTown, bothInTown));

        assertThat(bundle).containsExactly("Maison d'accueil et droit");
    }

    @Test
    void whatNoServiceCoversIsSaidAndTheRestIsStillCoveredNearby() {
        Set<NeedDomain> asked = Set.of(NeedDomain.SHORT_TERM_HOUSING, NeedDomain.LEGAL_AID, NeedDomain.EDUCATION);
        MatchQuery query = MatchQuery.builder().domains(asked).near(TORONTO, null).build();

        Bundle bundle = ServiceIndex.of(List.of(bothInSudbury, shelterInTown, clinicInTown)).search(query, Province.ON).bundle();

        assertThat(bundle.services()).extracting(match -> match.service().names().french().text())
                .containsExactly("Refuge du centre", "Clinique juridique");
        assertThat(bundle.uncovered()).containsExactly(NeedDomain.EDUCATION);
    }

    private static List<String> bundleNearToronto(List<ServiceFacts> directory) {
        MatchQuery query = MatchQuery.builder().domains(SHELTER_AND_LAWYER).near(TORONTO, null).build();
        Search.Found found = ServiceIndex.of(directory).search(query, Province.ON);
        assertThat(found.total()).isEqualTo(directory.size());
        return found.bundle().services().stream().map(match -> match.service().names().french().text()).toList();
    }

    private static ServiceFacts service(String name, Set<NeedDomain> domains, double latitude, double longitude) {
        ShownText shown = new ShownText(name, Language.FR);
        return new ServiceFacts(new ServiceId(UUID.nameUUIDFromBytes(name.getBytes())), "active",
                new ServiceFacts.NamesInLanguages(shown, shown), new ServiceFacts.NamesInLanguages(shown, shown), domains,
                "Toronto", Province.ON, "+1 555 010 0000",
                List.of(new ServiceFacts.Site(new GeoPoint(latitude, longitude), Province.ON, false)), Set.of(Province.ON),
                Set.of("fr", "en"), null, null, Set.of(), false, false, true, false, null, OpeningHours.none(), name);
    }
}
