package ca.passerelle.identity.web;

import java.util.UUID;

import ca.passerelle.identity.AccountSettings;
import ca.passerelle.identity.AccountSettings.PasswordChange;
import ca.passerelle.identity.ApiTokens;
import ca.passerelle.identity.PasswordPolicy;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: who they are here, their password, their recovery codes. */
@Controller
@RequestMapping("/app/account")
class AccountController {

    private final AccountSettings settings;
    private final StaffSessions sessions;
    private final ApiTokens tokens;

    AccountController(AccountSettings settings, StaffSessions sessions, ApiTokens tokens) {
        this.settings = settings;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @GetMapping
    String account(Model model) {
        StaffMember member = StaffSessions.current().orElseThrow();
        model.addAttribute("member", member);
        model.addAttribute("secondFactor", settings.hasSecondFactor(member));
        model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
        model.addAttribute("tokens", tokens.of(member));
        return "app/account";
    }

    /** A token for a partner system, shown this once. */
    @PostMapping("/api-tokens")
    String newApiToken(@RequestParam(defaultValue = "") String name, HttpServletRequest request, RedirectAttributes flash) {
        tokens.create(StaffSessions.current().orElseThrow(), name, StaffSessions.actor(request)).ifPresentOrElse(
                token -> flash.addFlashAttribute("newToken", token),
                () -> flash.addFlashAttribute("refused", "account.api-token.name"));
        return "redirect:/app/account#api-tokens";
    }

    @PostMapping("/api-tokens/{token}/revoke")
    String revokeApiToken(@PathVariable UUID token, HttpServletRequest request, RedirectAttributes flash) {
        if (tokens.revoke(StaffSessions.current().orElseThrow(), token, StaffSessions.actor(request))) {
            flash.addFlashAttribute("saved", "account.api-token.revoked");
        }
        return "redirect:/app/account#api-tokens";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String chosen,
            HttpServletRequest request, RedirectAttributes flash) {
        PasswordChange change = settings.changePassword(StaffSessions.current().orElseThrow(), current, chosen,
                StaffSessions.actor(request));
        if (change.refusal().isPresent()) {
            flash.addFlashAttribute("refused", change.refusal().get());
        } else {
            sessions.renew(request, change.sessionsFrom());
            flash.addFlashAttribute("saved", "account.password.changed");
        }
        return "redirect:/app/account";
    }

    @PostMapping("/recovery-codes")
    String newRecoveryCodes(HttpServletRequest request, Model model) {
        model.addAttribute("recoveryCodes", settings.newRecoveryCodes(StaffSessions.current().orElseThrow(),
                StaffSessions.actor(request)));
        return "identity/recovery-codes";
    }
}
