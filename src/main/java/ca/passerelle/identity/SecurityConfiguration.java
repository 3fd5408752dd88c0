package ca.passerelle.identity;

import static ca.passerelle.identity.Permission.AUDIT_NETWORK;
import static ca.passerelle.identity.Permission.AUDIT_ORGANISATION;
import static ca.passerelle.identity.Permission.BREAK_GLASS;
import static ca.passerelle.identity.Permission.CURATE_DIRECTORY;
import static ca.passerelle.identity.Permission.FIND_SERVICES;
import static ca.passerelle.identity.Permission.MANAGE_MEMBERS;
import static ca.passerelle.identity.Permission.MANAGE_ORGANISATIONS;
import static ca.passerelle.identity.Permission.RECORD_PEOPLE;
import static ca.passerelle.identity.Permission.REFER;
import static ca.passerelle.identity.Permission.UPDATE_CAPACITY;

import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Every route is declared here, with who may use it, and anything not declared is refused; every
 * public method of a module's API declares it too ({@code @PreAuthorize}, or {@code @PermitAll} for
 * anyone: that one is granted without evaluating an expression, which matters on the finder's path,
 * where every search passed through a lock the expression's set-up takes), as a second check. Public
 * pages and the HSDS API run without a session or cookie; the staff area under {@code /app}
 * requires sign-in and, route by route, a permission. Every refusal in the staff area is audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    static final String ROUTE_REFUSED = "route.refused";

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

    /** The staff area: signed-in people, each route open to the permissions named here. */
    @Bean
    @Order(2)
    SecurityFilterChain staffArea(HttpSecurity http, StaffSessions sessions, SecurityContextRepository contexts,
            AuditTrail audit) throws Exception {
        http.securityMatcher("/app", "/app/**", "/login", "/login/**", "/logout", "/invitation/*")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/**", "/invitation/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/app/directory/services/*/capacity").hasAuthority(UPDATE_CAPACITY.authority())
                        .requestMatchers(HttpMethod.GET, "/app/directory", "/app/directory/services/*").hasAuthority(FIND_SERVICES.authority())
                        .requestMatchers("/app/directory/**").hasAuthority(CURATE_DIRECTORY.authority())
                        .requestMatchers("/app/match").hasAuthority(FIND_SERVICES.authority())
                        .requestMatchers("/app/people/invite").hasAuthority(MANAGE_MEMBERS.authority())
                        .requestMatchers(HttpMethod.GET, "/app/people/*").hasAnyAuthority(MANAGE_MEMBERS.authority(), BREAK_GLASS.authority())
                        .requestMatchers(HttpMethod.POST, "/app/people/*/break-glass").hasAuthority(BREAK_GLASS.authority())
                        .requestMatchers("/app/people", "/app/people/**").hasAuthority(MANAGE_MEMBERS.authority())
                        .requestMatchers("/app/persons/*/referrals", "/app/persons/*/referrals/**").hasAuthority(REFER.authority())
                        .requestMatchers("/app/persons", "/app/persons/**").hasAuthority(RECORD_PEOPLE.authority())
                        .requestMatchers("/app/referrals", "/app/referrals/**").hasAuthority(REFER.authority())
                        .requestMatchers("/app/organisations").hasAuthority(MANAGE_ORGANISATIONS.authority())
                        .requestMatchers("/app/audit").hasAnyAuthority(AUDIT_ORGANISATION.authority(), AUDIT_NETWORK.authority())
                        .requestMatchers("/app/audit/verification").hasAuthority(AUDIT_NETWORK.authority())
                        .requestMatchers("/app", "/app/roles", "/app/notices", "/app/account", "/app/account/**").hasAuthority(StaffSessions.SIGNED_IN)
                        .anyRequest().denyAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .addFilterBefore(sessions.filter(), AuthorizationFilter.class)
                .exceptionHandling(refusal -> refusal
                        .authenticationEntryPoint((request, response, e) -> {
                            audit.record(refusalOf(request));
                            // a browser whose session timed out is told so, not just shown the sign-in page
                            boolean timedOut = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
                            response.sendRedirect(request.getContextPath() + (timedOut ? "/login?expired" : "/login"));
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            audit.record(refusalOf(request));
                            response.sendError(403);
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return withSecurityHeaders(http).build();
    }

    /** What was refused: the method and path (never the query, which may carry what was typed). */
    private static AuditEvent refusalOf(HttpServletRequest request) {
        String route = request.getMethod() + " " + request.getRequestURI();
        return AuditEvent.refused(StaffSessions.actor(request), ROUTE_REFUSED, null, "route", route);
    }

    /**
     * The API for partner systems: stateless, each request carrying a staff member's API token
     * ({@code Authorization: Bearer psl_…}) and acting with that member's roles as they are now.
     */
    @Bean
    @Order(3)
    SecurityFilterChain partnerApi(HttpSecurity http, ApiTokens tokens, AuditTrail audit) throws Exception {
        http.securityMatcher("/api/v1/referrals", "/api/v1/referrals/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(REFER.authority()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .securityContext(context -> context.requireExplicitSave(true))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore((request, response, chain) -> {
                    String header = ((HttpServletRequest) request).getHeader("Authorization");
                    if (header != null && header.startsWith("Bearer ")) {
                        tokens.memberOf(header.substring("Bearer ".length()).strip()).ifPresent(member -> {
                            var context = SecurityContextHolder.createEmptyContext();
                            context.setAuthentication(StaffSessions.authenticated(member));
                            SecurityContextHolder.setContext(context);
                        });
                    }
                    chain.doFilter(request, response);
                }, AuthorizationFilter.class)
                .exceptionHandling(refusal -> refusal
                        .authenticationEntryPoint((request, response, e) -> {
                            audit.record(refusalOf(request));
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(response, 401, "A valid API token is required: Authorization: Bearer psl_…"
                                    + " / Un jeton d’API valide est requis : Authorization: Bearer psl_…");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            audit.record(refusalOf(request));
                            problem(response, 403, "This token’s roles do not allow referrals."
                                    + " / Les rôles de ce jeton ne permettent pas les orientations.");
                        }));
        return withSecurityHeaders(http).build();
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    /**
     * Deny by default: a route no chain above declares does not exist for anyone, and answers
     * like a missing page, without a session.
     */
    @Bean
    @Order(4)
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

    /**
     * Nothing reads observations (only health is exposed), and wrapping every filter of every
     * request in one cost the finder's search a few per cent: the chains run undecorated.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Sign-in goes through {@link SignIn}; this only keeps Spring Boot from inventing a default user. */
    @Bean
    UserDetailsService noUserDetails() {
        return username -> {
            throw new UsernameNotFoundException("Sign-in goes through the sign-in pages");
        };
    }
}
