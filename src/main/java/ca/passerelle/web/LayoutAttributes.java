package ca.passerelle.web;

import ca.passerelle.shared.InterfaceLanguage;
import ca.passerelle.shared.Language;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.UrlBasedViewResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout shows: its language, the switch to the other one, the hotline. Added
 * once a handler has chosen a page to render, and only then: the APIs render none, and working
 * these out for each of their answers cost the finder's JSON search a tenth of its time. Never on
 * a redirect, whose model would become the next address's query.
 */
@Component
class LayoutAttributes implements HandlerInterceptor {

    private final HotlineProperties hotline;

    LayoutAttributes(HotlineProperties hotline) {
        this.hotline = hotline;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || !rendersPage(page)) {
            return;
        }
        InterfaceLanguage language = InterfaceLanguage.of(RequestContextUtils.getLocale(request));
        Language other = language == InterfaceLanguage.FR ? Language.EN : Language.FR;
        // the page's language code for links that keep the choice, and for <html lang dir>
        page.addObject("lang", language.code());
        page.addObject("pageLanguage", language);
        page.addObject("languageSwitch", new LanguageSwitch(other.code(), sameAddressIn(request, other)));
        page.addObject("hotline", hotline);
    }

    private static boolean rendersPage(ModelAndView page) {
        if (page.getViewName() != null) {
            return !page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
        }
        return page.getView() != null && !(page.getView() instanceof SmartView view && view.isRedirectView());
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
