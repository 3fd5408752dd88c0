package ca.passerelle.notification.web;

import ca.passerelle.identity.StaffSessions;
import ca.passerelle.notification.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What happened lately that the signed-in person should know, each with a link to it. */
@Controller
class NoticeController {

    private final Notifications notifications;

    NoticeController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/app/notices")
    String notices(Model model) {
        model.addAttribute("notices", notifications.latest(StaffSessions.current().orElseThrow()));
        return "notification/notices";
    }
}
