package ca.passerelle.web;

import java.util.Collections;
import java.util.Locale;

import ca.passerelle.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Decides the language of a page: {@code ?lang=fr|en} first, then the choice remembered in a
 * signed-in person's session, then the browser's {@code Accept-Language} (French for a French
 * browser, English otherwise). It never creates a session: the public pages carry no cookies and
 * keep the choice in their links instead.
 */
final class LanguageResolver implements LocaleResolver {

    static final String PARAMETER = "lang";
    private static final String SESSION_ATTRIBUTE = LanguageResolver.class.getName() + ".language";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request).locale();
    }

    static Language resolve(HttpServletRequest request) {
        Language asked = Language.fromCode(request.getParameter(PARAMETER));
        if (asked != null) {
            return asked;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Language remembered) {
            return remembered;
        }
        return fromBrowser(request);
    }

    /** The first of the browser's languages (in its order of preference) that Passerelle speaks. */
    private static Language fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Language.EN;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Language language = Language.fromCode(locale.getLanguage());
            if (language != null) {
                return language;
            }
        }
        return Language.EN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpSession session = request.getSession(false);
        Language chosen = locale == null ? null : Language.fromCode(locale.getLanguage());
        if (session != null && chosen != null) {
            session.setAttribute(SESSION_ATTRIBUTE, chosen);
        }
    }
}
