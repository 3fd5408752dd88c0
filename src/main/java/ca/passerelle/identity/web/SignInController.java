package ca.passerelle.identity.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.identity.SignIn;
import ca.passerelle.identity.SignIn.CodeNeeded;
import ca.passerelle.identity.SignIn.Refused;
import ca.passerelle.identity.SignIn.SecondFactorNeeded;
import ca.passerelle.identity.SignIn.SignedIn;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: the password, then the authenticator's code (or a recovery code), or, the
 * first time, setting the authenticator up. Between the two steps the session remembers only which
 * account passed the first one, for a few minutes.
 */
@Controller
class SignInController {

    private static final String PENDING = SignInController.class.getName() + ".pending";
    private static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private final SignIn signIn;
    private final StaffSessions sessions;
    private final Clock clock;

    SignInController(SignIn signIn, StaffSessions sessions, Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Who passed the password step, when, and the authenticator key offered if they are setting one up. */
    record Pending(UUID account, Instant since, String newSecret) implements Serializable {
    }

    @GetMapping("/login")
    String signInPage() {
        return "identity/login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response) {
        return switch (signIn.withPassword(username, password, request.getRemoteAddr())) {
            case Refused refused -> "redirect:/login?error";
            case SignedIn signedIn -> begin(signedIn.member(), request, response);
            case CodeNeeded needed -> {
                request.getSession().setAttribute(PENDING, new Pending(needed.account(), clock.instant(), null));
                yield "redirect:/login/code";
            }
            case SecondFactorNeeded needed -> {
                request.getSession().setAttribute(PENDING, new Pending(needed.account(), clock.instant(), null));
                yield "redirect:/login/second-factor";
            }
        };
    }

    @GetMapping("/login/code")
    String codePage(HttpSession session) {
        return pending(session).isPresent() ? "identity/code" : "redirect:/login";
    }

    @PostMapping("/login/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response) {
        Optional<Pending> pending = pending(request.getSession());
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        return signIn.withCode(pending.get().account(), code, request.getRemoteAddr())
                .map(member -> begin(member, request, response))
                .orElse("redirect:/login/code?error");
    }

    @GetMapping("/login/second-factor")
    String secondFactorPage(HttpSession session, Model model) {
        Optional<Pending> pending = pending(session);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        var key = signIn.newSecondFactorKey(pending.get().account());
        session.setAttribute(PENDING, new Pending(pending.get().account(), pending.get().since(), key.secret()));
        model.addAttribute("secret", key.secret().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("link", key.link());
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String setUpSecondFactor(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Pending> pending = pending(request.getSession()).filter(p -> p.newSecret() != null);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        Optional<List<String>> recoveryCodes = signIn.setUpSecondFactor(pending.get().account(), pending.get().newSecret(),
                code, request.getRemoteAddr());
        if (recoveryCodes.isEmpty()) {
            return "redirect:/login/second-factor?error";
        }
        begin(signIn.afterSecondFactorSetUp(pending.get().account(), request.getRemoteAddr()), request, response);
        model.addAttribute("recoveryCodes", recoveryCodes.get());
        return "identity/recovery-codes";
    }

    private Optional<Pending> pending(HttpSession session) {
        return Optional.ofNullable((Pending) session.getAttribute(PENDING))
                .filter(pending -> pending.since().plus(PENDING_FOR).isAfter(clock.instant()));
    }

    private String begin(StaffMember member, HttpServletRequest request, HttpServletResponse response) {
        request.getSession().removeAttribute(PENDING);
        sessions.begin(member, request, response);
        return "redirect:/app";
    }
}
