package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    Instant now = Instant.parse("2026-11-24T03:00:00Z");
    final SignInThrottle throttle = new SignInThrottle(20, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    });

    @Test
    void pausesAnAccountAfterFiveFailuresWhateverTheCaseOfItsAddressUntilTheWindowPasses() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blocked("ana@example.org", "192.0.2.1")).isFalse();
            throttle.failed(i % 2 == 0 ? "ana@example.org" : " ANA@Example.org", "192.0.2." + i);
        }
        assertThat(throttle.blocked("ana@example.org", "198.51.100.7")).as("from anywhere").isTrue();
        assertThat(throttle.blocked("ben@example.org", "198.51.100.7")).isFalse();

        now = now.plus(SignInThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.blocked("ana@example.org", "198.51.100.7")).isFalse();
    }

    @Test
    void pausesAnAddressAfterTwentyFailuresOverManyAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("person" + i + "@example.org", "203.0.113.9");
        }
        assertThat(throttle.blocked("someone-new@example.org", "203.0.113.9")).isTrue();
        assertThat(throttle.blocked("someone-new@example.org", "203.0.113.10")).isFalse();
    }

    @Test
    void forgetsAnAccountsFailuresOnceItSignsIn() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana@example.org", "192.0.2.1");
        }
        throttle.succeeded("ana@example.org");
        throttle.failed("ana@example.org", "192.0.2.1");
        assertThat(throttle.blocked("ana@example.org", "192.0.2.1")).isFalse();
    }
}
