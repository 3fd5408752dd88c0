package ca.passerelle.identity.web;

import ca.passerelle.identity.Refusal;
import ca.passerelle.identity.Invitations;
import ca.passerelle.identity.StaffSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A platform administrator's page for the network's organisations: creating one invites its first administrator. */
@Controller
@RequestMapping("/app/organisations")
class OrganisationsController {

    private final Invitations invitations;

    OrganisationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping
    String organisations(Model model) {
        model.addAttribute("organisations", invitations.organisationNames());
        return "app/organisations";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("invitation", InvitationLink.of(invitations.createOrganisation(
                    StaffSessions.current().orElseThrow(), name, displayName, email, StaffSessions.actor(request))));
            return "app/invitation-sent";
        } catch (Refusal refusal) {
            model.addAttribute("refused", refusal.messageKey());
            model.addAttribute("name", name);
            model.addAttribute("displayName", displayName);
            model.addAttribute("email", email);
            return organisations(model);
        }
    }
}
