package ca.passerelle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    /** {@code PASSERELLE_DEMO=true|false} decides; unset, demo follows the embedded database. */
    @Bean
    DemoMode demoMode(DatabaseProperties database, @Value("${passerelle.demo:}") String demo) {
        return new DemoMode(StringUtils.hasText(demo) ? Boolean.parseBoolean(demo) : database.embedded());
    }
}
