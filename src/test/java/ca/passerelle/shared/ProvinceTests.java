package ca.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a postal code tells: its province, by its first letter. */
class ProvinceTests {

    @Test
    void aPostalCodesFirstLetterNamesItsProvince() {
        Map<String, Province> codes = Map.ofEntries(Map.entry("A1C 5M2", Province.NL), Map.entry("B3H", Province.NS),
                Map.entry("C1A 4P3", Province.PE), Map.entry("E1C", Province.NB), Map.entry("G1R 4P5", Province.QC),
                Map.entry("h2x1y4", Province.QC), Map.entry("J8X", Province.QC), Map.entry("K1A 0A6", Province.ON),
                Map.entry("L5B", Province.ON), Map.entry("M5V 3L9", Province.ON), Map.entry("N2L", Province.ON),
                Map.entry("P3E", Province.ON), Map.entry("R3C 4T3", Province.MB), Map.entry("S4P", Province.SK),
                Map.entry("T2P 2M5", Province.AB), Map.entry("V6B", Province.BC), Map.entry("Y1A 2C6", Province.YT),
                Map.entry("X0A 0H0", Province.NU), Map.entry("X0C", Province.NU), Map.entry("X1A 2L9", Province.NT),
                Map.entry("X0E", Province.NT));
        codes.forEach((code, province) -> assertThat(Province.ofPostalCode(code)).as(code).contains(province));
    }

    @Test
    void whatIsNoPostalCodeTellsNothing() {
        for (String typed : new String[] {"Z9Z 9Z9", "D1A", "H2", "Montréal", "", "H2X 1Y", null}) {
            assertThat(Province.ofPostalCode(typed)).as(typed).isEmpty();
        }
    }
}
