package ca.passerelle.identity.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.audit.AuditEntry;
import ca.passerelle.audit.AuditTrail;
import ca.passerelle.identity.Members;
import ca.passerelle.identity.Permission;
import ca.passerelle.identity.StaffMember;
import ca.passerelle.identity.StaffSessions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail as people read it: an organisation administrator sees what touched their
 * organisation and what its people did; a platform administrator sees everything and can check
 * that the chain is intact.
 */
@Controller
class AuditTrailController {

    private static final int PAGE = 50;

    private final AuditTrail trail;
    private final Members members;

    AuditTrailController(AuditTrail trail, Members members) {
        this.trail = trail;
        this.members = members;
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** One row as shown, with who acted by name and when in UTC. */
    record Row(AuditEntry entry, String actorName, String when) {
    }

    @GetMapping("/app/audit")
    String trail(@RequestParam Optional<Long> before, Model model) {
        StaffMember reader = StaffSessions.current().orElseThrow();
        Optional<UUID> scope = reader.may(Permission.AUDIT_NETWORK) ? Optional.empty() : Optional.of(reader.organisation());
        List<AuditEntry> entries = trail.latest(scope, before, PAGE);
        model.addAttribute("rows", entries.stream().map(entry -> new Row(entry, members.displayNameOf(entry.actor()), UTC.format(entry.at()))).toList());
        model.addAttribute("network", scope.isEmpty());
        if (entries.size() == PAGE) {
            model.addAttribute("older", entries.getLast().position());
        }
        return "app/audit";
    }

    @PostMapping("/app/audit/verification")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return trail(Optional.empty(), model);
    }
}
