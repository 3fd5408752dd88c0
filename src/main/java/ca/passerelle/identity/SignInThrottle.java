package ca.passerelle.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows guessing down: after {@value #PER_ACCOUNT} failed sign-ins for one account, or
 * {@code perAddress} (20 unless configured) from one address, within {@link #WINDOW}, further
 * attempts fail without being checked until the window has passed. The answer is the same as for
 * a wrong password, so the pause tells nobody whether an account exists. Kept in memory: a
 * restart forgets it.
 */
@Component
class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int perAddress;
    private final Clock clock;

    SignInThrottle(@Value("${passerelle.sign-in.failures-per-address:20}") int perAddress, Clock clock) {
        this.perAddress = perAddress;
        this.clock = clock;
    }

    boolean blocked(String email, String address) {
        return recent(accountKey(email)) >= PER_ACCOUNT || recent(addressKey(address)) >= perAddress;
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {accountKey(email), addressKey(address)}) {
            failures.compute(key, (k, times) -> {
                Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
                kept.addLast(now);
                return kept;
            });
        }
    }

    void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    private int recent(String key) {
        Instant since = clock.instant().minus(WINDOW);
        Deque<Instant> times = failures.computeIfPresent(key, (k, kept) -> {
            while (!kept.isEmpty() && kept.peekFirst().isBefore(since)) {
                kept.removeFirst();
            }
            return kept.isEmpty() ? null : kept;
        });
        return times == null ? 0 : times.size();
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
