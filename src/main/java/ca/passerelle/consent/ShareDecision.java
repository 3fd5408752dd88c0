package ca.passerelle.consent;

/** The answer of the share check: leave to disclose what is covered, or a refusal that says why. */
public sealed interface ShareDecision {

    record Allowed(Disclosure disclosure) implements ShareDecision {
    }

    /** @param reason a message key that explains the refusal to the worker */
    record Refused(String reason) implements ShareDecision {
    }
}
