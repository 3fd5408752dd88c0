package ca.passerelle.referral;

import java.util.Objects;
import java.util.UUID;

public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
