package ca.passerelle.web;

import java.util.Locale;

import ca.passerelle.shared.InterfaceLanguage;
import ca.passerelle.shared.Language;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout shows: its language, the switch to the other one, the hotline. */
@ControllerAdvice
class LayoutAttributes {

    private final HotlineProperties hotline;

    LayoutAttributes(HotlineProperties hotline) {
        this.hotline = hotline;
    }

    /** The page's language code, for links that keep the choice. */
    @ModelAttribute("lang")
    String language(Locale locale) {
        return InterfaceLanguage.of(locale).code();
    }

    /** The page's language, for {@code <html lang dir>}. */
    @ModelAttribute("pageLanguage")
    InterfaceLanguage pageLanguage(Locale locale) {
        return InterfaceLanguage.of(locale);
    }

    @ModelAttribute("languageSwitch")
    LanguageSwitch languageSwitch(HttpServletRequest request, Locale locale) {
        Language other = InterfaceLanguage.of(locale) == InterfaceLanguage.FR ? Language.EN : Language.FR;
        return new LanguageSwitch(other.code(), sameAddressIn(request, other));
    }

    @ModelAttribute("hotline")
    HotlineProperties hotline() {
        return hotline;
    }

    /** The address of the page being shown (also behind an error page), in another language. */
    private static String sameAddressIn(HttpServletRequest request, Language language) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedUri instanceof String uri ? uri : request.getRequestURI();
        String query = failedUri == null ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam(LanguageResolver.PARAMETER, language.code())
                .build()
                .toUriString();
    }

    /** A link to the same page in another language. */
    record LanguageSwitch(String lang, String href) {
    }
}
