package ca.passerelle.web;

import java.util.Locale;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LayoutAttributes layout;

    WebConfiguration(LayoutAttributes layout) {
        this.layout = layout;
    }

    /**
     * The words of the public finder and the layout around it, in every interface language, then
     * the rest of Passerelle in French and English. No base files: a language a page does not
     * speak falls back to English, never to the server's own locale.
     */
    @Bean
    MessageSource messageSource() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/finder", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    /**
     * Tomcat sends an answer in writes of at most its socket buffer, 8 kB by default: a finder's
     * answer (13 kB on average, 20 results with their explanations) took two or three system calls
     * and as many loopback segments. At 32 kB nearly every answer leaves in one; the cost is 24 kB
     * more per open connection.
     */
    @Bean
    TomcatConnectorCustomizer answersInOneWrite() {
        return connector -> connector.setProperty("socket.appWriteBufSize", "32768");
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageResolver();
    }

    /**
     * Remembers a language chosen with {@code ?lang=} in a signed-in person's session, then gives
     * every page what its layout shows.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var languageChange = new LocaleChangeInterceptor();
        languageChange.setParamName(LanguageResolver.PARAMETER);
        languageChange.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageChange);
        registry.addInterceptor(layout);
    }
}
