package ca.passerelle.identity.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import ca.passerelle.identity.Invitations.Invitation;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A new invitation as its inviter sees it, once: the link to pass on, for whom, until when. */
record InvitationLink(String url, String email, String expiresAt) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static InvitationLink of(Invitation invitation) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitation/{token}")
                .buildAndExpand(invitation.token()).toUriString();
        return new InvitationLink(url, invitation.email(), UTC.format(invitation.expiresAt()));
    }
}
