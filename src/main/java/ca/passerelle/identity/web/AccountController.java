package ca.passerelle.identity.web;

import ca.passerelle.identity.AccountSettings;
import ca.passerelle.identity.AccountSettings.PasswordChange;
import ca.passerelle.identity.PasswordPolicy;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    AccountController(AccountSettings settings, StaffSessions sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    @GetMapping
    String account(Model model) {
        StaffMember member = StaffSessions.current().orElseThrow();
        model.addAttribute("member", member);
        model.addAttribute("secondFactor", settings.hasSecondFactor(member));
        model.addAttribute("minimumLength", PasswordPolicy.MINIMUM_LENGTH);
        return "app/account";
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
