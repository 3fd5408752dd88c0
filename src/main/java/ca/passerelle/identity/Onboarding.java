package ca.passerelle.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first people at a start that finds none: the configured first platform administrator, or,
 * with demo data, one documented demo account per role in two demo organisations. Demo accounts
 * never exist under the production profile: Passerelle refuses to start beside them.
 */
@Component
class Onboarding {

    /** Every demo account's password and authenticator key, documented in the README. */
    static final String DEMO_PASSWORD = "aurore-boreale-2026";
    static final String DEMO_TOTP_SECRET = "PASSERELLEDEMOTOTPSECRET";
    /** The demo member organisations, each linked to a demo directory entry so that it receives referrals. */
    static final List<DemoOrganisation> DEMO_ORGANISATIONS = List.of(
            new DemoOrganisation("aurore.example", "Maison Aurore (démo)", 1),
            new DemoOrganisation("boreale.example", "Clinique Boréale (démo)", 3),
            new DemoOrganisation("cedre.example", "Refuge Cèdre (démo)", 2));
    static final String DEMO_PLATFORM_DOMAIN = "passerelle.example";

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final FirstAdministratorProperties firstAdministrator;
    private final DemoMode demo;
    private final Environment environment;
    private final Clock clock;

    Onboarding(Accounts accounts, PasswordEncoder passwords, PasswordPolicy policy,
            FirstAdministratorProperties firstAdministrator, DemoMode demo, Environment environment, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.firstAdministrator = firstAdministrator;
        this.demo = demo;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void welcomeTheFirstPeople() {
        boolean production = environment.matchesProfiles("production");
        if (production && demo.enabled()) {
            throw new IllegalStateException("The production profile never runs with demo data: unset PASSERELLE_DEMO");
        }
        if (production && accounts.anyDemo()) {
            throw new IllegalStateException("This database holds demo accounts, which the production profile refuses:"
                    + " use a database that never had demo data");
        }
        if (accounts.any()) {
            return;
        }
        if (demo.enabled()) {
            createDemoAccounts();
        } else if (StringUtils.hasText(firstAdministrator.email()) && StringUtils.hasText(firstAdministrator.password())) {
            createFirstAdministrator();
        } else {
            log.warn("No account can sign in yet: set PASSERELLE_ADMIN_EMAIL and PASSERELLE_ADMIN_PASSWORD to create"
                    + " the first platform administrator");
        }
    }

    private void createFirstAdministrator() {
        policy.refusal(firstAdministrator.password(), firstAdministrator.email()).ifPresent(refusal -> {
            throw new IllegalStateException("PASSERELLE_ADMIN_PASSWORD is refused (" + refusal
                    + "): use at least " + PasswordPolicy.MINIMUM_LENGTH + " characters, not a common password");
        });
        Instant now = clock.instant();
        UUID platform = accounts.createOrganisation("Passerelle", false, now);
        UUID account = accounts.createAccount(firstAdministrator.email(), firstAdministrator.email(),
                passwords.encode(firstAdministrator.password()), null, false, now);
        accounts.addMembership(account, platform, EnumSet.of(Role.PLATFORM_ADMINISTRATOR));
        log.info("Created the first platform administrator; their second factor is set up at their first sign-in");
    }

    private void createDemoAccounts() {
        Instant now = clock.instant();
        String hash = passwords.encode(DEMO_PASSWORD);
        List<Role> organisationRoles = EnumSet.complementOf(EnumSet.of(Role.PLATFORM_ADMINISTRATOR)).stream().toList();
        for (DemoOrganisation demoOrganisation : DEMO_ORGANISATIONS) {
            UUID organisation = accounts.createOrganisation(demoOrganisation.name(), true, now);
            accounts.linkToDirectory(organisation, DemoMode.directoryOrganization(demoOrganisation.directoryEntry()));
            for (Role role : organisationRoles) {
                createDemoAccount(role.slug() + "@" + demoOrganisation.domain(), demoOrganisation.name(), role, organisation,
                        hash, now);
            }
        }
        UUID platform = accounts.createOrganisation("Passerelle (démo)", true, now);
        createDemoAccount(Role.PLATFORM_ADMINISTRATOR.slug() + "@" + DEMO_PLATFORM_DOMAIN, "Passerelle (démo)",
                Role.PLATFORM_ADMINISTRATOR, platform, hash, now);
        log.info("Created the demo accounts (password and authenticator key in the README)");
    }

    /**
     * @param directoryEntry the number of its entry in the demo directory: the Calgary anti-trafficking
     *                       organisation, community health centre and shelter
     */
    record DemoOrganisation(String domain, String name, int directoryEntry) {
    }

    private void createDemoAccount(String email, String organisationName, Role role, UUID organisation, String hash,
            Instant now) {
        String displayName = role.slug() + ", " + organisationName;
        UUID account = accounts.createAccount(email, displayName, hash, DEMO_TOTP_SECRET, true, now);
        accounts.addMembership(account, organisation, Set.of(role));
    }
}
