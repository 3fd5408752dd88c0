package ca.passerelle.referral;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sender writes once for every service they refer the person to.
 *
 * @param reason      why they refer the person, in their words
 * @param contactPlan how the receiver should reach the person (the person's contact preference travels too)
 */
public record ReferralDraft(Urgency urgency, String reason, String contactPlan) {

    public static final int LONGEST_TEXT = 2000;

    public ReferralDraft {
        reason = reason == null ? "" : reason.strip();
        contactPlan = contactPlan == null || contactPlan.isBlank() ? null : contactPlan.strip();
    }

    /** What is wrong, by field, as message keys; empty when it can be sent. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (urgency == null) {
            problems.put("urgency", "referral.problem.urgency");
        }
        if (reason.isEmpty()) {
            problems.put("reason", "referral.problem.reason");
        } else if (reason.length() > LONGEST_TEXT) {
            problems.put("reason", "referral.problem.too-long");
        }
        if (contactPlan != null && contactPlan.length() > LONGEST_TEXT) {
            problems.put("contactPlan", "referral.problem.too-long");
        }
        return problems;
    }
}
