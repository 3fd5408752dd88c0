package ca.passerelle.directory.hsds;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the values of Passerelle's attributes may be: a capacity is a whole number, a capacity
 * status one of a few words, a record language French or English. Other taxonomies' attributes
 * are kept as written.
 */
final class PasserelleAttributes {

    static final Set<String> CAPACITY_STATUSES = Set.of("accepting", "waitlist", "full");
    static final Set<String> GENDERS = Set.of("women", "men", "gender-diverse");

    private static final Map<UUID, Rule> RULES = new HashMap<>();

    private record Rule(Predicate<String> accepts, String messageKey) {
    }

    static {
        Rule yesOrNo = new Rule(v -> v == null || v.equals("true") || v.equals("false"), "hsds.invalid.passerelle.boolean");
        RULES.put(PasserelleTaxonomy.SUBSTANCE_USE_ACCESSIBLE.id(), yesOrNo);
        RULES.put(PasserelleTaxonomy.NO_STATUS_REQUIRED.id(), yesOrNo);
        RULES.put(PasserelleTaxonomy.TRAFFICKING_SPECIFIC.id(), yesOrNo);
        Rule count = new Rule(v -> v != null && v.matches("[0-9]{1,9}"), "hsds.invalid.passerelle.count");
        RULES.put(PasserelleTaxonomy.CAPACITY_AVAILABLE.id(), count);
        RULES.put(PasserelleTaxonomy.CAPACITY_MAXIMUM.id(), count);
        RULES.put(PasserelleTaxonomy.CAPACITY_STATUS.id(),
                new Rule(CAPACITY_STATUSES::contains, "hsds.invalid.passerelle.capacity-status"));
        RULES.put(PasserelleTaxonomy.ELIGIBLE_GENDER.id(), new Rule(GENDERS::contains, "hsds.invalid.passerelle.gender"));
        RULES.put(PasserelleTaxonomy.RECORD_LANGUAGE.id(),
                new Rule(v -> "fr".equals(v) || "en".equals(v), "hsds.invalid.passerelle.language"));
        RULES.put(PasserelleTaxonomy.CAPACITY_UPDATED.id(), new Rule(PasserelleAttributes::isDateTime,
                "hsds.invalid.datetime"));
    }

    private PasserelleAttributes() {
    }

    static void check(List<ParsedRow> attributes, List<ImportProblem> problems) {
        for (ParsedRow attribute : attributes) {
            Rule rule = RULES.get(attribute.values().get("taxonomy_term_id"));
            Object value = attribute.values().get("value");
            if (rule != null && !rule.accepts().test(value == null ? null : value.toString().strip())) {
                problems.add(new ImportProblem(attribute.where(), "value", rule.messageKey()));
            }
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
