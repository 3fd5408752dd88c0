package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void aPointIsInTheProvinceOfTheNearestPlaceEvenAcrossARiver() {
        assertThat(places.provinceOf(new GeoPoint(45.4765, -75.7013))).contains(Province.QC); // Gatineau
        assertThat(places.provinceOf(new GeoPoint(45.4215, -75.6972))).contains(Province.ON); // Ottawa
        assertThat(places.provinceOf(new GeoPoint(63.7467, -68.5170))).contains(Province.NU); // Iqaluit
        assertThat(places.provinceOf(new GeoPoint(40.0, -40.0))).as("mid-Atlantic").isEmpty();
    }
}
