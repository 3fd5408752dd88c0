package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongPassphraseWithoutAnyCompositionRule() {
        assertThat(policy.refusal("le fleuve coule sous la glace", "someone@example.org")).isEmpty();
        assertThat(policy.refusal("ÉtéÀMontréal", "someone@example.org")).as("12 letters, accents count once").isEmpty();
    }

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThat(policy.refusal("short-pass1", "someone@example.org")).contains("password.too-short");
        assertThat(policy.refusal("ÉtéMontréal", "someone@example.org")).contains("password.too-short");
        assertThat(policy.refusal(null, "someone@example.org")).contains("password.too-short");
    }

    @Test
    void refusesBreachedAndGuessablePasswords() {
        assertThat(policy.refusal("1QAZ2WSX3EDC4RFV", "someone@example.org")).contains("password.too-common");
        assertThat(policy.refusal("aaaaaaaaaaaaaaa", "someone@example.org")).contains("password.too-common");
        assertThat(policy.refusal("marie.tremblay", "marie.tremblay@example.org")).contains("password.too-common");
        assertThat(policy.refusal("ma-passerelle-2026", "someone@example.org")).contains("password.too-common");
    }
}
