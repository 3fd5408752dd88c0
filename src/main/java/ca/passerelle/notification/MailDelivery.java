package ca.passerelle.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail outbox. A message the server refuses, or that finds no server, waits a little
 * longer at each attempt (one minute, doubling, at most six hours) and is never dropped. Each
 * message says, in French then English, what happened and where to look, nothing else.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 50;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);

    private final Notices notices;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDelivery(Notices notices, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            NotificationProperties properties, TransactionTemplate transactions, Clock clock) {
        this.notices = notices;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${passerelle.notifications.deliver-every:15s}")
    void deliver() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (Notices.Mail due : notices.due(now, BATCH)) {
                try {
                    sender.send(message(sender, due.address(), due.notice()));
                    notices.sent(due.id(), now);
                } catch (MailException | jakarta.mail.MessagingException failure) {
                    Duration pause = pauseAfter(due.attempts() + 1);
                    notices.failed(due.id(), failure.getClass().getSimpleName(), now.plus(pause));
                    log.warn("E-mail {} not sent (attempt {}, {}): trying again in {}", due.id(), due.attempts() + 1,
                            failure.getClass().getSimpleName(), pause);
                }
            }
        });
    }

    static Duration pauseAfter(int attempts) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private MimeMessage message(JavaMailSender sender, String address, Notice notice) throws jakarta.mail.MessagingException {
        String link = properties.baseUrl().resolve(notice.link()).toString();
        String french = messages.getMessage("notice." + notice.kind(), null, Locale.FRENCH);
        String english = messages.getMessage("notice." + notice.kind(), null, Locale.ENGLISH);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(address);
        helper.setSubject("Passerelle : " + french + " / " + english);
        helper.setText(french + "\n" + messages.getMessage("notice.mail.open", new Object[] {link}, Locale.FRENCH) + "\n\n"
                + english + "\n" + messages.getMessage("notice.mail.open", new Object[] {link}, Locale.ENGLISH) + "\n\n"
                + messages.getMessage("notice.mail.footer", null, Locale.FRENCH) + "\n"
                + messages.getMessage("notice.mail.footer", null, Locale.ENGLISH) + "\n");
        return message;
    }
}
