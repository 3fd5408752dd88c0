package ca.passerelle.identity;

import java.util.Set;

/** A change a person asked for and may not make, with the reason as a message key: nothing was changed. */
public final class Refusal extends RuntimeException {

    private final String messageKey;

    Refusal(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Roles an organisation administrator may give: at least one, and never the platform's own. */
    static void unlessGivable(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new Refusal("people.refused.no-role");
        }
        if (roles.contains(Role.PLATFORM_ADMINISTRATOR)) {
            throw new Refusal("people.refused.platform-role");
        }
    }
}
