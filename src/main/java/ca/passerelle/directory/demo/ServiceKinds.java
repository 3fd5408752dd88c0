package ca.passerelle.directory.demo;

import static ca.passerelle.directory.demo.ServiceKind.Area.CANADA;
import static ca.passerelle.directory.demo.ServiceKind.Area.LOCAL;
import static ca.passerelle.directory.demo.ServiceKind.Area.PROVINCE;
import static ca.passerelle.directory.demo.ServiceKind.text;
import static ca.passerelle.shared.NeedDomain.EDUCATION;
import static ca.passerelle.shared.NeedDomain.HEALTH;
import static ca.passerelle.shared.NeedDomain.IMMEDIATE_SAFETY;
import static ca.passerelle.shared.NeedDomain.IMMIGRATION;
import static ca.passerelle.shared.NeedDomain.LEGAL_AID;
import static ca.passerelle.shared.NeedDomain.LONG_TERM_HOUSING;
import static ca.passerelle.shared.NeedDomain.MATERIAL_NEEDS;
import static ca.passerelle.shared.NeedDomain.PSYCHOLOGICAL_SUPPORT;
import static ca.passerelle.shared.NeedDomain.SHORT_TERM_HOUSING;
import static ca.passerelle.shared.NeedDomain.SPIRITUAL_SUPPORT;
import static ca.passerelle.shared.NeedDomain.WORK;
import static ca.passerelle.shared.NeedDomain.YOUTH_PROTECTION;

import java.util.List;

import ca.passerelle.directory.demo.ServiceKind.Text;

/**
 * The fictional organisations of the demo directory and the services each kind of organisation
 * offers, modelled on the services the forums describe. No record names a real organisation.
 */
final class ServiceKinds {

    private static final Text ADULTS = text("Adultes de 18 ans et plus.", "Adults 18 and over.");
    private static final Text EVERYONE = text("Toute personne, quel que soit son statut d’immigration.",
            "Anyone, whatever their immigration status.");

    static final ServiceKind WOMEN_SHELTER = new ServiceKind("women-shelter",
            List.of(SHORT_TERM_HOUSING, IMMEDIATE_SAFETY),
            text("Hébergement d’urgence pour femmes", "Emergency shelter for women"),
            text("Hébergement sécuritaire et confidentiel jour et nuit pour les femmes et leurs enfants qui fuient la violence ou l’exploitation. Repas, vêtements, accompagnement et plan de sécurité.",
                    "Safe, confidential shelter day and night for women and their children fleeing violence or exploitation. Meals, clothing, accompaniment and safety planning."),
            text("Femmes de 16 ans et plus, avec ou sans enfants, et personnes de la diversité de genre. Aucun statut exigé.",
                    "Women 16 and over, with or without children, and gender-diverse people. No status required."),
            16, null, "women", true, true, true, LOCAL, 0.95, 0.5, false);

    static final ServiceKind SECOND_STAGE = new ServiceKind("second-stage",
            List.of(LONG_TERM_HOUSING, PSYCHOLOGICAL_SUPPORT),
            text("Logement de deuxième étape", "Second-stage housing"),
            text("Appartements abordables avec soutien pour six à dix-huit mois après un séjour en maison d’hébergement : suivi individuel, ateliers et aide pour trouver un logement permanent.",
                    "Affordable apartments with support for six to eighteen months after a shelter stay: one-to-one support, workshops and help finding permanent housing."),
            text("Femmes et familles sortant d’une maison d’hébergement.", "Women and families leaving a shelter."),
            18, null, "women", false, true, true, LOCAL, 0.8, 0.2, false);

    static final ServiceKind SAFETY_OUTREACH = new ServiceKind("safety-outreach",
            List.of(IMMEDIATE_SAFETY, PSYCHOLOGICAL_SUPPORT),
            text("Services externes et plan de sécurité", "Outreach and safety planning"),
            text("Une intervenante vous rencontre dans un lieu sûr de votre choix pour évaluer les risques, préparer un plan de sécurité et vous accompagner vers les services.",
                    "A worker meets you at a safe place of your choice to assess risks, make a safety plan and go with you to other services."),
            EVERYONE, 16, null, null, false, false, false, LOCAL, 1.0, 0.7, false);

    static final ServiceKind HEALTH_CLINIC = new ServiceKind("health-clinic",
            List.of(HEALTH),
            text("Clinique de santé pour personnes sans assurance maladie", "Health clinic for people without health insurance"),
            text("Consultations médicales et infirmières gratuites, vaccination, santé des femmes et orientation vers des spécialistes, sans carte d’assurance maladie.",
                    "Free medical and nursing visits, vaccinations, women’s health and referral to specialists, without a health card."),
            EVERYONE, null, null, null, false, false, false, LOCAL, 1.0, 0.6, false);

    static final ServiceKind HARM_REDUCTION = new ServiceKind("harm-reduction",
            List.of(HEALTH, MATERIAL_NEEDS),
            text("Réduction des méfaits et santé sexuelle", "Harm reduction and sexual health"),
            text("Matériel de consommation sécuritaire, naloxone, dépistage des ITSS, contraception et soins infirmiers, sans jugement.",
                    "Safer-use supplies, naloxone, STBBI testing, contraception and nursing care, without judgement."),
            EVERYONE, 14, null, null, false, false, false, LOCAL, 1.0, 1.0, false);

    static final ServiceKind TRAUMA_COUNSELLING = new ServiceKind("trauma-counselling",
            List.of(PSYCHOLOGICAL_SUPPORT),
            text("Counseling en traumatisme", "Trauma counselling"),
            text("Rencontres individuelles gratuites avec une thérapeute formée en approche sensible au trauma, en personne ou par vidéo; interprètes disponibles.",
                    "Free one-to-one sessions with a therapist trained in trauma-informed care, in person or by video; interpreters available."),
            EVERYONE, 16, null, null, false, false, false, LOCAL, 0.9, 0.5, false);

    static final ServiceKind LEGAL_CLINIC = new ServiceKind("legal-clinic",
            List.of(LEGAL_AID),
            text("Clinique juridique communautaire", "Community legal clinic"),
            text("Conseils juridiques gratuits et représentation en droit du logement, du travail, de la famille et de l’aide sociale.",
                    "Free legal advice and representation in housing, employment, family and social assistance law."),
            text("Personnes à faible revenu.", "People with low income."),
            18, null, null, false, false, false, LOCAL, 0.7, 0.3, false);

    static final ServiceKind IMMIGRATION_LAW = new ServiceKind("immigration-law",
            List.of(IMMIGRATION, LEGAL_AID),
            text("Clinique juridique en immigration (PST, CH, ERAR)", "Immigration legal clinic (TRP, H&C, PRRA)"),
            text("Avocates et avocats en immigration : permis de séjour temporaire pour les victimes de traite, demandes pour motifs d’ordre humanitaire, ERAR et demandes d’asile. Confidentiel, sans lien avec une poursuite criminelle.",
                    "Immigration lawyers: temporary resident permits for trafficked persons, humanitarian and compassionate applications, PRRA and refugee claims. Confidential, with no link to a criminal prosecution."),
            EVERYONE, null, null, null, false, false, false, PROVINCE, 1.0, 0.4, false);

    static final ServiceKind MIGRANT_WORKERS = new ServiceKind("migrant-workers",
            List.of(WORK, IMMIGRATION, LEGAL_AID),
            text("Centre d’appui aux travailleuses et travailleurs migrants", "Migrant workers’ support centre"),
            text("Information sur vos droits au travail, aide pour les salaires impayés, les permis de travail fermés et les plaintes, dans votre langue. Nous ne communiquons pas avec votre employeur sans votre accord.",
                    "Information about your rights at work, help with unpaid wages, closed work permits and complaints, in your language. We never contact your employer without your consent."),
            EVERYONE, 16, null, null, false, false, false, PROVINCE, 1.0, 0.4, false);

    static final ServiceKind EMPLOYMENT = new ServiceKind("employment",
            List.of(WORK, EDUCATION),
            text("Emploi et formation", "Employment and training"),
            text("Aide à la recherche d’emploi, curriculum vitæ, stages rémunérés et formations reconnues.",
                    "Help finding work, résumés, paid placements and recognised training."),
            text("Personnes ayant un permis de travail ou la citoyenneté.", "People with a work permit or citizenship."),
            16, null, null, false, false, false, LOCAL, 0.2, 0.3, false);

    static final ServiceKind YOUTH_SHELTER = new ServiceKind("youth-shelter",
            List.of(YOUTH_PROTECTION, SHORT_TERM_HOUSING, IMMEDIATE_SAFETY),
            text("Hébergement d’urgence jeunesse", "Youth emergency shelter"),
            text("Lits d’urgence, repas et intervenants jour et nuit pour les jeunes sans endroit sûr où dormir; lien avec la protection de la jeunesse dans l’intérêt supérieur du jeune.",
                    "Emergency beds, meals and youth workers day and night for young people with nowhere safe to sleep; links with youth protection in the young person’s best interests."),
            text("Jeunes de 12 à 24 ans.", "Young people aged 12 to 24."),
            12, 24, null, true, true, true, LOCAL, 1.0, 0.6, false);

    static final ServiceKind YOUTH_OUTREACH = new ServiceKind("youth-outreach",
            List.of(YOUTH_PROTECTION, MATERIAL_NEEDS, IMMEDIATE_SAFETY),
            text("Travail de rue jeunesse", "Youth street outreach"),
            text("Des intervenantes et intervenants de rue rejoignent les jeunes là où ils sont, en ligne et dans la rue, pour repérer l’exploitation et offrir nourriture, transport et accompagnement.",
                    "Outreach workers meet young people where they are, online and on the street, to spot exploitation and offer food, transport and accompaniment."),
            text("Jeunes de 12 à 24 ans.", "Young people aged 12 to 24."),
            12, 24, null, false, false, false, LOCAL, 1.0, 0.9, false);

    static final ServiceKind SETTLEMENT = new ServiceKind("settlement",
            List.of(IMMIGRATION, MATERIAL_NEEDS, EDUCATION),
            text("Services d’établissement pour nouveaux arrivants", "Settlement services for newcomers"),
            text("Accueil, aide pour les formulaires, l’inscription des enfants à l’école, la recherche de logement et l’accès aux services publics.",
                    "Welcome, help with forms, school registration, finding housing and using public services."),
            EVERYONE, null, null, null, false, false, false, LOCAL, 0.6, 0.2, false);

    static final ServiceKind LANGUAGE_CLASSES = new ServiceKind("language-classes",
            List.of(EDUCATION),
            text("Cours de français et d’anglais", "French and English classes"),
            text("Cours gratuits de francisation et d’anglais langue seconde, le jour et le soir, avec halte-garderie.",
                    "Free French and English as a second language classes, day and evening, with childminding."),
            ADULTS, 16, null, null, false, false, false, LOCAL, 0.5, 0.2, false);

    static final ServiceKind HEALING_LODGE = new ServiceKind("healing-lodge",
            List.of(SPIRITUAL_SUPPORT, PSYCHOLOGICAL_SUPPORT),
            text("Pavillon de guérison et aînés", "Healing lodge and Elders"),
            text("Cérémonies, cercles de partage et accompagnement par des aînés et des gardiennes du savoir, dans une approche culturelle autochtone.",
                    "Ceremonies, sharing circles and support from Elders and Knowledge Keepers, grounded in Indigenous culture."),
            text("Personnes autochtones et leurs familles; toute personne est accueillie.", "Indigenous people and their families; everyone is welcome."),
            null, null, null, false, false, false, LOCAL, 1.0, 0.8, false);

    static final ServiceKind SURVIVOR_SUPPORT = new ServiceKind("survivor-support",
            List.of(PSYCHOLOGICAL_SUPPORT, IMMEDIATE_SAFETY, MATERIAL_NEEDS, LEGAL_AID),
            text("Accompagnement des personnes ayant vécu la traite", "Support for people who have lived through trafficking"),
            text("Gestion de cas, accompagnement vers les services de santé, juridiques et d’immigration, aide financière d’urgence et groupe d’entraide de survivantes. Aucune obligation de porter plainte.",
                    "Case management, accompaniment to health, legal and immigration services, emergency financial help and a survivors’ peer group. No obligation to report to police."),
            EVERYONE, 16, null, null, false, false, false, LOCAL, 1.0, 0.8, true);

    static final ServiceKind SAFE_HOUSE = new ServiceKind("safe-house",
            List.of(SHORT_TERM_HOUSING, IMMEDIATE_SAFETY),
            text("Maison sécuritaire pour personnes victimes de traite", "Safe house for trafficked persons"),
            text("Hébergement confidentiel et sécuritaire, ouvert jour et nuit, pour les personnes qui sortent d’une situation de traite, à des fins sexuelles ou de travail.",
                    "Confidential, secure housing, open day and night, for people leaving trafficking for sexual exploitation or forced labour."),
            text("Personnes de 18 ans et plus ayant vécu la traite. Aucun statut exigé.",
                    "People 18 and over who have lived through trafficking. No status required."),
            18, null, null, true, true, true, LOCAL, 1.0, 0.6, true);

    static final ServiceKind CRISIS_LINE = new ServiceKind("crisis-line",
            List.of(IMMEDIATE_SAFETY, PSYCHOLOGICAL_SUPPORT),
            text("Ligne de crise 24 heures", "24-hour crisis line"),
            text("Écoute, information et orientation confidentielles jour et nuit, par téléphone et par texto; interprétation dans plus de 200 langues.",
                    "Confidential listening, information and referral day and night, by phone and text; interpretation in over 200 languages."),
            EVERYONE, null, null, null, true, false, false, PROVINCE, 1.0, 1.0, false);

    static final ServiceKind VICTIM_SERVICES = new ServiceKind("victim-services",
            List.of(LEGAL_AID, IMMEDIATE_SAFETY, PSYCHOLOGICAL_SUPPORT),
            text("Aide aux victimes d’actes criminels", "Victim services"),
            text("Information sur le processus judiciaire, accompagnement à la cour, aide pour l’indemnisation et soutien psychologique, que vous portiez plainte ou non.",
                    "Information about the court process, accompaniment to court, help with compensation and emotional support, whether or not you report."),
            EVERYONE, null, null, null, false, false, false, LOCAL, 1.0, 0.5, false);

    static final ServiceKind FOOD_BANK = new ServiceKind("food-bank",
            List.of(MATERIAL_NEEDS),
            text("Banque alimentaire et vestiaire", "Food bank and clothing room"),
            text("Paniers de nourriture, produits d’hygiène et vêtements gratuits, sans preuve d’adresse.",
                    "Free food hampers, hygiene products and clothing, without proof of address."),
            EVERYONE, null, null, null, false, false, false, LOCAL, 1.0, 1.0, false);

    static final ServiceKind EMERGENCY_FUND = new ServiceKind("emergency-fund",
            List.of(MATERIAL_NEEDS),
            text("Fonds d’aide d’urgence", "Emergency assistance fund"),
            text("Aide financière rapide pour un billet de transport, un téléphone, des médicaments ou les premiers jours de logement, sur demande d’un intervenant.",
                    "Fast financial help for a bus or train ticket, a phone, medication or the first days of housing, when a worker asks for it."),
            text("Sur demande d’un organisme membre du réseau.", "When a member organisation of the network asks."),
            null, null, null, false, false, false, PROVINCE, 1.0, 0.8, false);

    static final ServiceKind SPIRITUAL_CARE = new ServiceKind("spiritual-care",
            List.of(SPIRITUAL_SUPPORT),
            text("Accompagnement spirituel interconfessionnel", "Interfaith spiritual care"),
            text("Écoute et accompagnement spirituel par des aumôniers de plusieurs traditions, ou sans tradition; repas communautaire le dimanche.",
                    "Listening and spiritual care from chaplains of several faiths, or none; community meal on Sundays."),
            EVERYONE, null, null, null, false, false, false, LOCAL, 1.0, 0.8, false);

    static final ServiceKind NATIONAL_LINE = new ServiceKind("national-line",
            List.of(IMMEDIATE_SAFETY, SHORT_TERM_HOUSING, IMMIGRATION),
            text("Ligne nationale d’orientation pour les personnes victimes de traite", "National referral line for trafficked persons"),
            text("Un seul numéro, jour et nuit, pour trouver un hébergement, un avocat ou un service dans toutes les provinces et tous les territoires.",
                    "One number, day and night, to find shelter, a lawyer or a service in every province and territory."),
            EVERYONE, null, null, null, true, false, false, CANADA, 1.0, 1.0, true);

    /** A kind of organisation: how it is named, and the services it offers. */
    record Profile(String key, Text namePattern, List<ServiceKind> services, boolean hasConfidentialSite) {
    }

    static final List<Profile> PROFILES = List.of(
            new Profile("anti-trafficking", text("Chemins de liberté {city}", "Pathways to Freedom {city}"),
                    List.of(SURVIVOR_SUPPORT, SAFE_HOUSE, CRISIS_LINE), true),
            new Profile("shelter", text("Maison L’Escale de {city}", "{city} Harbour House Society"),
                    List.of(WOMEN_SHELTER, SECOND_STAGE, SAFETY_OUTREACH), true),
            new Profile("health", text("Centre de santé communautaire de {city}", "{city} Community Health Centre"),
                    List.of(HEALTH_CLINIC, HARM_REDUCTION, TRAUMA_COUNSELLING), false),
            new Profile("legal", text("Clinique juridique populaire de {city}", "{city} Community Legal Clinic"),
                    List.of(LEGAL_CLINIC, IMMIGRATION_LAW), false),
            new Profile("migrant-workers", text("Centre des travailleurs migrants de {city}", "{city} Migrant Workers’ Centre"),
                    List.of(MIGRANT_WORKERS, EMPLOYMENT), false),
            new Profile("youth", text("Services jeunesse Le Tremplin de {city}", "{city} Springboard Youth Services"),
                    List.of(YOUTH_SHELTER, YOUTH_OUTREACH), true),
            new Profile("settlement", text("Centre d’accueil des nouveaux arrivants de {city}", "{city} Newcomer Welcome Centre"),
                    List.of(SETTLEMENT, LANGUAGE_CLASSES), false),
            new Profile("indigenous", text("Pavillon Foin d’odeur de {city}", "{city} Sweetgrass Lodge"),
                    List.of(HEALING_LODGE), false),
            new Profile("victim-services", text("Centre d’aide aux victimes de {city}", "{city} Victim Support Centre"),
                    List.of(VICTIM_SERVICES), false),
            new Profile("food", text("Entraide alimentaire de {city}", "{city} Community Pantry"),
                    List.of(FOOD_BANK, EMERGENCY_FUND), false),
            new Profile("faith", text("Centre interconfessionnel de {city}", "{city} Interfaith Centre"),
                    List.of(SPIRITUAL_CARE), false));

    static final Profile NATIONAL = new Profile("national", text("Réseau Passerelle Canada", "Passerelle Network Canada"),
            List.of(NATIONAL_LINE), false);

    private ServiceKinds() {
    }
}
