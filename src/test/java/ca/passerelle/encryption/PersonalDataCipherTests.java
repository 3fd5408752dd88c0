package ca.passerelle.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    private final PersonalDataCipher cipher = new PersonalDataCipher("a master key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void opensWhatItSealedForTheSamePlaceOnly() {
        byte[] sealed = cipher.seal("Zéphyrine", "person/1/name");

        assertThat(cipher.open(sealed, "person/1/name")).isEqualTo("Zéphyrine");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("phyrine");
        assertThatThrownBy(() -> cipher.open(sealed, "person/2/name")).hasMessageContaining("does not open");
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        assertThat(cipher.seal("Ana", "person/1/name")).isNotEqualTo(cipher.seal("Ana", "person/1/name"));
    }

    @Test
    void refusesAnAlteredValue() {
        byte[] sealed = cipher.seal("Ana", "person/1/name");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "person/1/name")).hasMessageContaining("altered");
    }

    @Test
    void refusesAValueSealedUnderAnotherKey() {
        PersonalDataCipher other = new PersonalDataCipher("another master key, also 32 byte".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> other.open(cipher.seal("Ana", "person/1/name"), "person/1/name")).hasMessageContaining("another key");
    }

    @Test
    void indexesEachWordTheSameHoweverItIsTypedAndOnlyForItsPurpose() {
        assertThat(cipher.blindIndexes("person-name", "Marie-Ève  TREMBLAY")).hasSize(3)
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(cipher.blindIndexes("person-name", "marie eve tremblay"));
        assertThat(cipher.blindIndexes("other-purpose", "marie").getFirst())
                .isNotEqualTo(cipher.blindIndexes("person-name", "marie").getFirst());
    }
}
