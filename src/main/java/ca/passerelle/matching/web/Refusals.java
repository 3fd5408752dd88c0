package ca.passerelle.matching.web;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import ca.passerelle.shared.InterfaceLanguage;
import ca.passerelle.web.HotlineProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What a request turned away reads (Passerelle very busy or still starting, or an address it cannot
 * read), in the reader's language and with the hotline: a person who came for help at the worst
 * moment gets a number to call, not a blank error. The finder's is a small page (the hotline a tap
 * away, a link to try again or to the finder, the quick exit); the API's, plain text. Each is
 * written once a language, when Passerelle starts: turning a request away must cost next to nothing.
 */
@Component
class Refusals {

    /** Why, and where the page's link leads: the same address again ({@code ""}), or the finder. */
    enum Why {
        BUSY("finder.busy", "", "finder.try-again"),
        STARTING("finder.starting", "", "finder.try-again"),
        /** An address cut short or mangled when it was copied or sent, which the server refuses before Passerelle reads it. */
        UNREADABLE("finder.unreadable", "/", "finder.heading");

        private final String messageKey;
        private final String link;
        private final String linkKey;

        Why(String messageKey, String link, String linkKey) {
            this.messageKey = messageKey;
            this.link = link;
            this.linkKey = linkKey;
        }
    }

    /** The neutral site the layout's quick exit leaves for (templates/layout/page.html). */
    private static final String QUICK_EXIT = "https://weather.gc.ca/";

    private final Map<Why, Map<InterfaceLanguage, byte[]>> pages = new EnumMap<>(Why.class);
    private final Map<Why, Map<InterfaceLanguage, byte[]>> texts = new EnumMap<>(Why.class);

    Refusals(MessageSource messages, HotlineProperties hotline) {
        for (Why why : Why.values()) {
            Map<InterfaceLanguage, byte[]> page = new EnumMap<>(InterfaceLanguage.class);
            Map<InterfaceLanguage, byte[]> text = new EnumMap<>(InterfaceLanguage.class);
            for (InterfaceLanguage language : InterfaceLanguage.values()) {
                Locale locale = language.locale();
                String said = messages.getMessage(why.messageKey, null, locale);
                String line = messages.getMessage("layout.hotline", null, locale);
                String emergency = messages.getMessage("layout.emergency", null, locale);
                page.put(language, page(language, said, line, hotline, emergency, why.link, messages.getMessage(why.linkKey, null, locale),
                        messages.getMessage("layout.quick-exit", null, locale)));
                text.put(language, (said + "\n" + line + " " + hotline.number() + "\n" + emergency + "\n").getBytes(StandardCharsets.UTF_8));
            }
            pages.put(why, page);
            texts.put(why, text);
        }
    }

    /** The finder's page: {@code href=""} is the address asked, so trying again asks the same search. */
    private static byte[] page(InterfaceLanguage language, String said, String line, HotlineProperties hotline, String emergency,
            String link, String linkText, String quickExit) {
        return """
                <!DOCTYPE html>
                <html lang="%s" dir="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Passerelle</title><link rel="stylesheet" href="/css/passerelle.css">
                <script src="/js/quick-exit.js" defer></script></head>
                <body>
                <header class="site-header">
                <a class="quick-exit" href="%s" rel="noreferrer" data-quick-exit>%s</a>
                <p class="hotline">%s <a href="tel:%s" dir="ltr">%s</a> %s</p>
                </header>
                <main id="main" class="narrow">
                <h1>%s</h1>
                <p><a href="%s">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(language.tag(), language.direction(), QUICK_EXIT, escaped(quickExit), escaped(line), hotline.dialable(),
                escaped(hotline.number()), escaped(emergency), escaped(said), link, escaped(linkText)).getBytes(StandardCharsets.UTF_8);
    }

    private static String escaped(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    byte[] page(Why why, InterfaceLanguage language) {
        return pages.get(why).get(language);
    }

    byte[] text(Why why, InterfaceLanguage language) {
        return texts.get(why).get(language);
    }
}
