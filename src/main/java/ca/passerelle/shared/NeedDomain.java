package ca.passerelle.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The twelve domains of need of a person who has lived through trafficking: the eleven services
 * the forums named, with housing split into short and long term.
 */
public enum NeedDomain {
    IMMEDIATE_SAFETY("immediate-safety"),
    SHORT_TERM_HOUSING("short-term-housing"),
    LONG_TERM_HOUSING("long-term-housing"),
    HEALTH("health"),
    MATERIAL_NEEDS("material-needs"),
    PSYCHOLOGICAL_SUPPORT("psychological-support"),
    YOUTH_PROTECTION("youth-protection"),
    IMMIGRATION("immigration"),
    WORK("work"),
    LEGAL_AID("legal-aid"),
    SPIRITUAL_SUPPORT("spiritual-support"),
    EDUCATION("education");

    private final String code;

    NeedDomain(String code) {
        this.code = code;
    }

    /** The stable code used in URLs, the database and the HSDS taxonomy. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "need-domain." + code;
    }

    /** The domain of a code as people and programs write it: "legal-aid", "Legal-Aid" or "legal_aid". */
    public static Optional<NeedDomain> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst();
    }
}
