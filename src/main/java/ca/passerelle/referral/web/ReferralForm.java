package ca.passerelle.referral.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ca.passerelle.directory.ServiceId;
import ca.passerelle.referral.ReferralDraft;
import ca.passerelle.referral.Urgency;

/** The referral form as typed: the services chosen among the matches, and what the sender writes once for all. */
public class ReferralForm {

    private String place = "";
    private List<String> services = new ArrayList<>();
    private String urgency = "";
    private String reason = "";
    private String contactPlan = "";

    ReferralDraft draft() {
        return new ReferralDraft(Arrays.stream(Urgency.values()).filter(u -> u.name().equals(urgency)).findFirst().orElse(null),
                reason, contactPlan);
    }

    /** The services chosen; an id that is not one names no service and is refused as such. */
    List<ServiceId> chosenServices() {
        List<ServiceId> chosen = new ArrayList<>();
        for (String service : services) {
            try {
                chosen.add(new ServiceId(UUID.fromString(service)));
            } catch (IllegalArgumentException notAnId) {
                chosen.add(new ServiceId(new UUID(0, 0)));
            }
        }
        return chosen;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place == null ? "" : place;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services == null ? new ArrayList<>() : services;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getContactPlan() {
        return contactPlan;
    }

    public void setContactPlan(String contactPlan) {
        this.contactPlan = contactPlan;
    }
}
