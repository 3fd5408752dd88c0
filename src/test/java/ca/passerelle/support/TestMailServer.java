package ca.passerelle.support;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An SMTP server inside the test JVM (GreenMail), which the application sends its e-mails to. A
 * test may stop it to see the outbox wait, and must start it again: the context is shared.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;
    private static int port;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail", Map.of(
                "spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
    }

    public static synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        if (port != 0) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        server.start();
        port = server.getSmtp().getPort();
    }

    public static synchronized void stop() {
        server.stop();
    }

    /**
     * Every message received since the server started, in order, once the server has stored what
     * it acknowledged: GreenMail files a message a moment after telling the sender it has it.
     */
    public static MimeMessage[] received() {
        int count = -1;
        MimeMessage[] received = server.getReceivedMessages();
        while (received.length != count) {
            count = received.length;
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            received = server.getReceivedMessages();
        }
        return received;
    }
}
