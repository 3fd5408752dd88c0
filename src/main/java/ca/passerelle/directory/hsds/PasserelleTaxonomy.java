package ca.passerelle.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;

/**
 * Passerelle's own vocabulary, published as an HSDS taxonomy so that every facet HSDS lacks
 * (need domains, status-free access, live capacity, translations, confidential locations) travels
 * in standard attributes that any HSDS system can read, keep and give back.
 */
public final class PasserelleTaxonomy {

    public static final UUID ID = uuid("taxonomy");
    public static final String URI = "https://passerelle.ca/hsds/taxonomy";

    /** A term of the taxonomy; its id is derived from its code, the same on every installation. */
    public record Term(String code) {

        public UUID id() {
            return uuid("term:" + code);
        }

        /** The message key of its name and description. */
        public String messageKey() {
            return "hsds.term." + code;
        }
    }

    public static final Term SUBSTANCE_USE_ACCESSIBLE = new Term("substance-use-accessible");
    public static final Term NO_STATUS_REQUIRED = new Term("no-immigration-status-required");
    public static final Term TRAFFICKING_SPECIFIC = new Term("trafficking-specific");
    public static final Term ELIGIBLE_GENDER = new Term("eligible-gender");
    public static final Term CAPACITY_STATUS = new Term("capacity-status");
    public static final Term CAPACITY_AVAILABLE = new Term("capacity-available");
    public static final Term CAPACITY_MAXIMUM = new Term("capacity-maximum");
    public static final Term CAPACITY_UNIT = new Term("capacity-unit");
    public static final Term CAPACITY_UPDATED = new Term("capacity-updated");
    public static final Term RECORD_LANGUAGE = new Term("record-language");
    public static final Term CONFIDENTIAL_LOCATION = new Term("confidential-location");

    /** What the code of every translation term begins with: {@code translation.en.description}. */
    public static final String TRANSLATION_PREFIX = "translation.";

    /** The text fields a record may carry in both languages. */
    public static final List<String> TRANSLATABLE_FIELDS = List.of("name", "alternate_name", "description",
            "eligibility_description", "application_process", "fees_description", "wait_time", "alert",
            "interpretation_services", "transportation", "document", "amount_description", "notes");

    private PasserelleTaxonomy() {
    }

    public static Term domain(NeedDomain domain) {
        return new Term("domain." + domain.code());
    }

    public static Optional<NeedDomain> domainOf(String code) {
        return code.startsWith("domain.") ? NeedDomain.fromCode(code.substring("domain.".length())) : Optional.empty();
    }

    /** Whether a term's code is that of a translation. */
    public static boolean isTranslation(String code) {
        return code.startsWith(TRANSLATION_PREFIX);
    }

    public static Term translation(Language language, String field) {
        return new Term(TRANSLATION_PREFIX + language.code() + "." + field);
    }

    /** Every term, in the order the taxonomy lists them. */
    public static List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        for (NeedDomain domain : NeedDomain.values()) {
            terms.add(domain(domain));
        }
        terms.addAll(List.of(SUBSTANCE_USE_ACCESSIBLE, NO_STATUS_REQUIRED, TRAFFICKING_SPECIFIC, ELIGIBLE_GENDER,
                CAPACITY_STATUS, CAPACITY_AVAILABLE, CAPACITY_MAXIMUM, CAPACITY_UNIT, CAPACITY_UPDATED,
                RECORD_LANGUAGE, CONFIDENTIAL_LOCATION));
        for (Language language : Language.values()) {
            for (String field : TRANSLATABLE_FIELDS) {
                terms.add(translation(language, field));
            }
        }
        return terms;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("passerelle:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
