package ca.passerelle.web;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ca.passerelle.shared.InterfaceLanguage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Decides the language of a page: {@code ?lang=} first, then the choice remembered in a signed-in
 * person's session, then the browser's {@code Accept-Language} (its first language Passerelle
 * speaks, English otherwise). The public finder speaks every {@link InterfaceLanguage}; the other
 * pages French and English. It never creates a session: the public pages carry no cookies and keep
 * the choice in their links instead.
 */
final class LanguageResolver implements LocaleResolver {

    static final String PARAMETER = "lang";
    private static final String SESSION_ATTRIBUTE = LanguageResolver.class.getName() + ".language";
    /** The pages whose own words exist in every interface language. */
    private static final Set<String> MULTILINGUAL = Set.of("/", "/api/v1/matches");

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request).locale();
    }

    static InterfaceLanguage resolve(HttpServletRequest request) {
        // an error page speaks the language of the page that failed: a finder's link cut short reads as the finder does
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean multilingual = MULTILINGUAL.contains(failed instanceof String uri ? uri : request.getRequestURI());
        Optional<InterfaceLanguage> asked = InterfaceLanguage.fromCode(request.getParameter(PARAMETER))
                .filter(language -> multilingual || language.official());
        if (asked.isPresent()) {
            return asked.get();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof InterfaceLanguage remembered) {
            return remembered;
        }
        return fromBrowser(request, multilingual);
    }

    /** The first of the browser's languages (in its order of preference) that the page speaks. */
    private static InterfaceLanguage fromBrowser(HttpServletRequest request, boolean multilingual) {
        if (request.getHeader("Accept-Language") == null) {
            return InterfaceLanguage.EN;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Optional<InterfaceLanguage> language = InterfaceLanguage.fromCode(locale.getLanguage())
                    .filter(spoken -> multilingual || spoken.official());
            if (language.isPresent()) {
                return language.get();
            }
        }
        return InterfaceLanguage.EN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpSession session = request.getSession(false);
        Optional<InterfaceLanguage> chosen = Optional.ofNullable(locale)
                .flatMap(l -> InterfaceLanguage.fromCode(l.getLanguage())).filter(InterfaceLanguage::official);
        if (session != null && chosen.isPresent()) {
            session.setAttribute(SESSION_ATTRIBUTE, chosen.get());
        }
    }
}
