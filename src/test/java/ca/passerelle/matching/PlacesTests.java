package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Places as people type them, and the province a point is in, from the bundled gazetteer alone. */
class PlacesTests {

    private final Places places = new Places();

    @Test
    void findsAPlaceHoweverItIsTyped() {
        assertThat(places.find("montreal").orElseThrow().name()).isEqualTo("Montréal");
        assertThat(places.find("  TROIS RIVIERES ").orElseThrow().province()).isEqualTo(Province.QC);
        assertThat(places.find("City of Toronto").orElseThrow().province()).isEqualTo(Province.ON);
        assertThat(places.find("St-Jean-sur-Richelieu").orElseThrow().name()).isEqualTo("Saint-Jean-sur-Richelieu");
        assertThat(places.find("Québec, QC").orElseThrow().province()).isEqualTo(Province.QC);
        assertThat(places.find("Sudbury").orElseThrow().name()).isEqualTo("Greater Sudbury");
        assertThat(places.find("Atlantis")).isEmpty();
        assertThat(places.find("Saint John NB").orElseThrow().province()).isEqualTo(Province.NB);
        assertThat(places.find("montreal qc").orElseThrow().name()).isEqualTo("Montréal");
        assertThat(places.find("Montréal ON")).as("no Montréal in Ontario").isEmpty();
        assertThat(places.find("Toronto, Ontario").orElseThrow().name()).isEqualTo("Toronto");
        assertThat(places.find("Montréal, Québec").orElseThrow().name()).isEqualTo("Montréal");
        assertThat(places.find("Gatineau Québec").orElseThrow().name()).isEqualTo("Gatineau");
        assertThat(places.find("Charlottetown Prince Edward Island").orElseThrow().province()).isEqualTo(Province.PE);
        assertThat(places.find("Vancouver B.C.").orElseThrow().province()).isEqualTo(Province.BC);
        assertThat(places.find("Moncton, Nouveau-Brunswick").orElseThrow().province()).isEqualTo(Province.NB);
        assertThat(places.find("Québec").orElseThrow().province()).as("the city, not the province").isEqualTo(Province.QC);
        assertThat(places.find("Windsor Nova Scotia").orElseThrow().province()).isEqualTo(Province.NS);
    }

    @Test
    void aNameSeveralPlacesShareIsTheLargestUnlessAProvinceIsNamed() {
        assertThat(places.find("Hamilton").orElseThrow().province()).isEqualTo(Province.ON);
        assertThat(places.find("Sherbrooke").orElseThrow().province()).isEqualTo(Province.QC);
        assertThat(places.find("Kingston").orElseThrow().province()).isEqualTo(Province.ON);
        assertThat(places.find("Windsor").orElseThrow().province()).isEqualTo(Province.ON);
        assertThat(places.find("Richmond").orElseThrow().province()).isEqualTo(Province.BC);
        assertThat(places.find("Windsor, NS").orElseThrow().province()).isEqualTo(Province.NS);
        assertThat(places.find("Richmond QC").orElseThrow().province()).isEqualTo(Province.QC);
    }

    @Test
    void aNameMistypedByALetterOrTwoSuggestsThePlacesMeant() {
        assertThat(names(places.alike("Tornto"))).startsWith("Toronto, ON");
        assertThat(names(places.alike("Montreall"))).startsWith("Montréal, QC");
        assertThat(names(places.alike("vancover"))).startsWith("Vancouver, BC");
        assertThat(names(places.alike("Otawa"))).startsWith("Ottawa, ON");
        assertThat(names(places.alike("Sherbrook"))).as("the largest first").startsWith("Sherbrooke, QC", "Sherbrooke, AB");
        assertThat(names(places.alike("Sasktoon, SK"))).containsExactly("Saskatoon, SK");
        assertThat(names(places.alike("Tornto, Ontario"))).containsExactly("Toronto, ON");
        assertThat(names(places.alike("Winipeg"))).startsWith("Winnipeg, MB");
        assertThat(places.alike("Tornto")).as("at most three").hasSizeLessThanOrEqualTo(3);
        assertThat(places.alike("Atlantis")).as("nothing near it").isEmpty();
        assertThat(places.alike("Mtl")).as("too short to tell a typo from another town").isEmpty();
    }

    @Test
    void lettersOffCountsWhatATypoChanges() {
        assertThat(Words.lettersOff("tornto", "toronto", 2)).isEqualTo(1);
        assertThat(Words.lettersOff("otnario", "ontario", 2)).as("two letters swapped").isEqualTo(1);
        assertThat(Words.lettersOff("montreal", "montreal", 2)).isZero();
        assertThat(Words.lettersOff("regina", "reginald", 2)).isEqualTo(2);
        assertThat(Words.lettersOff("halifax", "calgary", 2)).as("counted only as far as asked").isEqualTo(3);
    }

    private static List<String> names(List<Places.Place> alike) {
        return alike.stream().map(place -> place.name() + ", " + place.province()).toList();
    }

    @Test
    void aPointIsInTheProvinceOfTheNearestPlaceEvenAcrossARiver() {
        assertThat(places.provinceOf(new GeoPoint(45.4765, -75.7013))).contains(Province.QC); // Gatineau
        assertThat(places.provinceOf(new GeoPoint(45.4215, -75.6972))).contains(Province.ON); // Ottawa
        assertThat(places.provinceOf(new GeoPoint(63.7467, -68.5170))).contains(Province.NU); // Iqaluit
        assertThat(places.provinceOf(new GeoPoint(40.0, -40.0))).as("mid-Atlantic").isEmpty();
    }

    @Test
    void findsTheSameProvinceAsMeasuringEveryPlaceOfTheGazetteer() throws IOException {
        record Known(Province province, GeoPoint point) {
        }
        List<Known> gazetteer = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("matching/canadian-places.csv").getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split(";"))
                    .forEach(fields -> gazetteer.add(new Known(Province.valueOf(fields[3]),
                            new GeoPoint(Double.parseDouble(fields[1]), Double.parseDouble(fields[2])))));
        }
        Random random = new Random(20261124);
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            points.add(new GeoPoint(41 + random.nextDouble() * 30, -141 + random.nextDouble() * 89));
        }
        // and places' own points, which a typed place is asked at
        gazetteer.stream().map(Known::point).forEach(points::add);
        for (GeoPoint point : points) {
            Optional<Province> everyPlace = gazetteer.stream().filter(known -> known.point().kilometresTo(point) < 300)
                    .min(Comparator.comparingDouble(known -> known.point().kilometresTo(point))).map(Known::province);
            assertThat(places.provinceOf(point)).as(point.toString()).isEqualTo(everyPlace);
        }
    }
}
