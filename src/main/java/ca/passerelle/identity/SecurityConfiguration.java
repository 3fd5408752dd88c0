package ca.passerelle.identity;

import ca.passerelle.DemoMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.util.StringUtils;

/**
 * Every route is declared here, and anything not declared is refused. Public pages and the HSDS
 * API run without a session or cookie; the staff area under {@code /app} requires sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CURATOR = "CURATOR";

    /** The demo curator's password, documented in the README; it exists only with demo data. */
    static final String DEMO_PASSWORD = "demo-curator-2026";

    private static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Anonymous, stateless: no session, no cookie, no CSRF token, nothing remembered. */
    @Bean
    @Order(1)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/", "/services", "/services/**", "/hsds", "/hsds/**", "/api/v1/matches", "/api/v1/openapi.json",
                        "/css/**", "/js/**", "/img/**", "/favicon.ico", "/actuator/health", "/error")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .securityContext(context -> context.requireExplicitSave(true))
                .csrf(csrf -> csrf.disable())
                .anonymous(Customizer.withDefaults());
        return withSecurityHeaders(http).build();
    }

    /** The staff area: signed-in curators only. */
    @Bean
    @Order(2)
    SecurityFilterChain staffArea(HttpSecurity http) throws Exception {
        http.securityMatcher("/app", "/app/**", "/login", "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login").permitAll()
                        .anyRequest().hasRole(CURATOR))
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/app", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return withSecurityHeaders(http).build();
    }

    /**
     * Deny by default: a route no chain above declares does not exist for anyone, and answers
     * like a missing page, without a session.
     */
    @Bean
    @Order(3)
    SecurityFilterChain undeclaredRoutes(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refusal -> refusal
                        .authenticationEntryPoint((request, response, e) -> response.sendError(404))
                        .accessDeniedHandler((request, response, e) -> response.sendError(404)));
        return withSecurityHeaders(http).build();
    }

    private static HttpSecurity withSecurityHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService curatorAccount(CuratorAccountProperties account, DemoMode demo, PasswordEncoder encoder) {
        String password = account.password();
        if (!StringUtils.hasText(password)) {
            if (!demo.enabled()) {
                throw new IllegalStateException(
                        "Set PASSERELLE_ADMIN_PASSWORD: without demo data there is no default curator password.");
            }
            password = DEMO_PASSWORD;
        }
        return new InMemoryUserDetailsManager(User.withUsername(account.username())
                .password(encoder.encode(password))
                .roles(CURATOR)
                .build());
    }
}
