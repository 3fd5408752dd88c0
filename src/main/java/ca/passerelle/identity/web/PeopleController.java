package ca.passerelle.identity.web;

import java.util.EnumSet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.identity.Refusal;
import ca.passerelle.identity.BreakGlass;
import ca.passerelle.identity.Invitations;
import ca.passerelle.identity.Members;
import ca.passerelle.identity.Members.Member;
import ca.passerelle.identity.Permission;
import ca.passerelle.identity.Role;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation administrator's pages for their people: roles and the switch that disables an account. */
@Controller
@RequestMapping("/app/people")
class PeopleController {

    /** A break-glass opening of one of the organisation's records, with its time as shown. */
    record NoticeRow(BreakGlass.Notice notice, String when) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Members members;
    private final Invitations invitations;
    private final BreakGlass breakGlass;

    PeopleController(Members members, Invitations invitations, BreakGlass breakGlass) {
        this.members = members;
        this.invitations = invitations;
        this.breakGlass = breakGlass;
    }

    @GetMapping
    String people(HttpServletRequest request, Model model) {
        model.addAttribute("people", members.of(administrator(), StaffSessions.actor(request)));
        model.addAttribute("breakGlassNotices", breakGlass.noticesFor(administrator().organisation()).stream()
                .map(notice -> new NoticeRow(notice, UTC.format(notice.openedAt()))).toList());
        return "app/people";
    }

    @GetMapping("/invite")
    String invitationForm(Model model) {
        model.addAttribute("roles", assignableRoles());
        return "app/invite";
    }

    @PostMapping("/invite")
    String invite(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
            @RequestParam(name = "role", required = false) List<String> chosen, HttpServletRequest request, Model model) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (chosen != null) {
            assignableRoles().stream().filter(role -> chosen.contains(role.slug())).forEach(roles::add);
        }
        try {
            model.addAttribute("invitation", InvitationLink.of(
                    invitations.invite(administrator(), displayName, email, roles, StaffSessions.actor(request))));
            return "app/invitation-sent";
        } catch (Refusal refusal) {
            model.addAttribute("refused", refusal.messageKey());
            model.addAttribute("displayName", displayName);
            model.addAttribute("email", email);
            model.addAttribute("chosen", roles);
            return invitationForm(model);
        }
    }

    @GetMapping("/{account}")
    String person(@PathVariable UUID account, HttpServletRequest request, Model model) {
        StaffMember reader = administrator();
        Optional<Member> member = members.member(reader, account, StaffSessions.actor(request));
        if (member.isEmpty() && reader.may(Permission.BREAK_GLASS)) {
            return breakGlassForm(account, model);
        }
        model.addAttribute("person", member.orElseThrow(NoSuchMember::new));
        model.addAttribute("manage", reader.may(Permission.MANAGE_MEMBERS) && member.get().brokenGlassUntil().isEmpty());
        model.addAttribute("roles", assignableRoles());
        member.get().brokenGlassUntil().ifPresent(until -> model.addAttribute("brokenGlassUntil", UTC.format(until)));
        return "app/person";
    }

    @PostMapping("/{account}/break-glass")
    String breakGlass(@PathVariable UUID account, @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request, Model model) {
        UUID owner = members.organisationOf(account).orElseThrow(NoSuchMember::new);
        if (breakGlass.open(administrator(), "account", account, owner, reason, StaffSessions.actor(request)).isEmpty()) {
            model.addAttribute("refused", "break-glass.reason-too-short");
            return breakGlassForm(account, model);
        }
        return "redirect:/app/people/" + account;
    }

    private static String breakGlassForm(UUID account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("minutes", BreakGlass.LASTS.toMinutes());
        model.addAttribute("shortestReason", BreakGlass.SHORTEST_REASON);
        return "app/break-glass";
    }

    @PostMapping("/{account}/disable")
    String disable(@PathVariable UUID account, HttpServletRequest request, RedirectAttributes flash) {
        members.disable(administrator(), account, StaffSessions.actor(request)).orElseThrow(NoSuchMember::new);
        flash.addFlashAttribute("saved", "people.disabled");
        return "redirect:/app/people/" + account;
    }

    @PostMapping("/{account}/enable")
    String enable(@PathVariable UUID account, HttpServletRequest request, RedirectAttributes flash) {
        members.enable(administrator(), account, StaffSessions.actor(request)).orElseThrow(NoSuchMember::new);
        flash.addFlashAttribute("saved", "people.enabled");
        return "redirect:/app/people/" + account;
    }

    @PostMapping("/{account}/roles")
    String changeRoles(@PathVariable UUID account, @RequestParam(name = "role", required = false) List<String> chosen,
            HttpServletRequest request, RedirectAttributes flash) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (chosen != null) {
            assignableRoles().stream().filter(role -> chosen.contains(role.slug())).forEach(roles::add);
        }
        members.changeRoles(administrator(), account, roles, StaffSessions.actor(request)).orElseThrow(NoSuchMember::new);
        flash.addFlashAttribute("saved", "people.roles-changed");
        return "redirect:/app/people/" + account;
    }

    /** A refused change comes back to the person's page with the reason, having changed nothing. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("refused", refusal.messageKey());
        String path = request.getRequestURI();
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }

    private static List<Role> assignableRoles() {
        return EnumSet.complementOf(EnumSet.of(Role.PLATFORM_ADMINISTRATOR)).stream().toList();
    }

    private static StaffMember administrator() {
        return StaffSessions.current().orElseThrow();
    }

    /** Another organisation's account answers exactly like one that does not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NoSuchMember extends RuntimeException {
    }
}
