package ca.passerelle.identity.web;

import ca.passerelle.identity.Refusal;
import ca.passerelle.identity.Invitations;
import ca.passerelle.identity.PasswordPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page an invitation link opens: the invited person chooses their password, once. */
@Controller
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model) {
        invitations.pending(token).ifPresent(pending -> model.addAttribute("pending", pending));
        model.addAttribute("token", token);
        model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
        return "identity/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, Model model) {
        try {
            return invitations.accept(token, password, request.getRemoteAddr())
                    ? "redirect:/login?welcome"
                    : invitation(token, model);
        } catch (Refusal refusal) {
            model.addAttribute("refused", refusal.messageKey());
            return invitation(token, model);
        }
    }
}
