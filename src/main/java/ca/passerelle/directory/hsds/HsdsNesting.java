package ca.passerelle.directory.hsds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the JSON forms of HSDS nest one table's rows inside another's, as the official compiled
 * schemas do: a service holds its phones (phone.service_id) and its organization
 * (service.organization_id); every table holds its attributes and metadata.
 */
public final class HsdsNesting {

    /** One nested property: the rows of {@code table} linked to the parent by {@code field}. */
    public record Link(String property, String table, String field, boolean childRefersToParent) {

        public boolean single() {
            return !childRefersToParent;
        }
    }

    private static final Map<String, List<Link>> LINKS = new LinkedHashMap<>();

    static {
        LINKS.put("service", List.of(
                many("phones", "phone", "service_id"),
                many("schedules", "schedule", "service_id"),
                many("service_areas", "service_area", "service_id"),
                many("service_at_locations", "service_at_location", "service_id"),
                many("languages", "language", "service_id"),
                one("organization", "organization", "organization_id"),
                many("funding", "funding", "service_id"),
                many("cost_options", "cost_option", "service_id"),
                one("program", "program", "program_id"),
                many("required_documents", "required_document", "service_id"),
                many("contacts", "contact", "service_id")));
        LINKS.put("organization", List.of(
                many("funding", "funding", "organization_id"),
                many("contacts", "contact", "organization_id"),
                many("phones", "phone", "organization_id"),
                many("locations", "location", "organization_id"),
                many("programs", "program", "organization_id"),
                many("organization_identifiers", "organization_identifier", "organization_id"),
                many("services", "service", "organization_id")));
        LINKS.put("service_at_location", List.of(
                many("contacts", "contact", "service_at_location_id"),
                many("phones", "phone", "service_at_location_id"),
                many("schedules", "schedule", "service_at_location_id"),
                one("location", "location", "location_id"),
                one("service", "service", "service_id")));
        LINKS.put("location", List.of(
                many("languages", "language", "location_id"),
                many("addresses", "address", "location_id"),
                many("contacts", "contact", "location_id"),
                many("accessibility", "accessibility", "location_id"),
                many("phones", "phone", "location_id"),
                many("schedules", "schedule", "location_id")));
        LINKS.put("phone", List.of(many("languages", "language", "phone_id")));
        LINKS.put("contact", List.of(many("phones", "phone", "contact_id")));
        LINKS.put("attribute", List.of(one("taxonomy_term", "taxonomy_term", "taxonomy_term_id")));
        LINKS.put("taxonomy_term", List.of(one("taxonomy_detail", "taxonomy", "taxonomy_id")));
    }

    /** Tables that carry no attributes of their own in the JSON forms. */
    private static final Set<String> WITHOUT_ATTRIBUTES = Set.of("attribute", "taxonomy_term", "taxonomy", "metadata",
            "meta_table_description");

    private HsdsNesting() {
    }

    /** Everything {@code table} nests, attributes and metadata included, in the official order. */
    public static List<Link> linksOf(String table) {
        var links = new java.util.ArrayList<>(LINKS.getOrDefault(table, List.of()));
        if (!WITHOUT_ATTRIBUTES.contains(table)) {
            links.add(many("attributes", "attribute", "link_id"));
        }
        if (!table.equals("metadata") && !table.equals("meta_table_description")) {
            links.add(many("metadata", "metadata", "resource_id"));
        }
        return links;
    }

    private static Link many(String property, String table, String childField) {
        return new Link(property, table, childField, true);
    }

    private static Link one(String property, String table, String parentField) {
        return new Link(property, table, parentField, false);
    }
}
