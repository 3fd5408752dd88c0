package ca.passerelle.audit;

import java.util.UUID;

/**
 * Who acts, as the trail records it: an account and the organisation it acts for (both absent for
 * an anonymous visitor), and the address the request came from.
 */
public record Actor(UUID account, UUID organisation, String address) {

    public static Actor anonymous(String address) {
        return new Actor(null, null, address);
    }
}
