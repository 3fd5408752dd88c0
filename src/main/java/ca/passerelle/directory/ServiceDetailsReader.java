package ca.passerelle.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.directory.ServiceDetails.Phone;
import ca.passerelle.directory.ServiceDetails.Site;
import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.Province;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads one service with everything around it, a few small queries, in the reader's language. */
@Component
class ServiceDetailsReader {

    private static final ZoneId DEFAULT_ZONE = Province.ON.zone();

    private final JdbcClient jdbc;

    ServiceDetailsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceDetails> read(ServiceId id, Language language, Audience audience) {
        Optional<Map<String, Object>> found = jdbc.sql("""
                select s.*, o.name as organization_name, o.description as organization_description
                from services s join organizations o on o.id = s.organization_id
                where s.id = :id""" + (audience == Audience.PUBLIC ? " and s.status in ('active', 'temporarily closed')" : ""))
                .param("id", id.value())
                .query((row, n) -> {
                    Map<String, Object> values = new HashMap<>();
                    var meta = row.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        values.put(meta.getColumnLabel(i), row.getObject(i));
                    }
                    return values;
                })
                .optional();
        return found.map(service -> details(id, service, language, audience));
    }

    private ServiceDetails details(ServiceId id, Map<String, Object> service, Language language, Audience audience) {
        UUID organizationId = (UUID) service.get("organization_id");
        List<SiteRow> siteRows = sites(id.value());
        List<Map<String, Object>> phoneRows = phones(id.value(), siteRows, organizationId);
        List<Map<String, Object>> scheduleRows = jdbc.sql("""
                select sc.id, sc.byday, sc.opens_at, sc.closes_at, sc.description, sc.valid_to from schedules sc
                where sc.service_id = :id
                   or sc.service_at_location_id = any(array(select id from service_at_location where service_id = :id))
                order by sc.id""")
                .param("id", id.value()).query().listOfRows();
        List<Map<String, Object>> documentRows = jdbc.sql("select id, document from required_documents where service_id = :id order by id")
                .param("id", id.value()).query().listOfRows();

        List<UUID> records = new ArrayList<>(List.of(id.value(), organizationId));
        siteRows.forEach(site -> {
            records.add(site.id());
            records.addAll(site.accessibility().keySet());
        });
        phoneRows.forEach(phone -> records.add((UUID) phone.get("id")));
        scheduleRows.forEach(schedule -> records.add((UUID) schedule.get("id")));
        documentRows.forEach(document -> records.add((UUID) document.get("id")));
        Map<UUID, Map<String, String>> attributes = passerelleAttributes(records);

        RecordTexts texts = new RecordTexts(RecordTexts.fieldsOf(
                "name", (String) service.get("name"),
                "description", (String) service.get("description"),
                "alert", (String) service.get("alert"),
                "eligibility_description", (String) service.get("eligibility_description"),
                "application_process", (String) service.get("application_process"),
                "fees_description", (String) service.get("fees_description"),
                "wait_time", (String) service.get("wait_time"),
                "interpretation_services", (String) service.get("interpretation_services")), attributes.get(id.value()));
        RecordTexts organization = new RecordTexts(RecordTexts.fieldsOf("name", (String) service.get("organization_name")),
                attributes.get(organizationId));

        OpeningHours hours = OpeningHours.none();
        List<ShownText> notes = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (Map<String, Object> schedule : scheduleRows) {
            Object validTo = schedule.get("valid_to");
            if (validTo instanceof java.sql.Date date && date.toLocalDate().isBefore(today)) {
                continue;
            }
            hours = hours.with((String) schedule.get("byday"), time(schedule.get("opens_at")), time(schedule.get("closes_at")));
            ShownText note = new RecordTexts(RecordTexts.fieldsOf("description", (String) schedule.get("description")),
                    attributes.get((UUID) schedule.get("id"))).text("description", language);
            if (note != null && !notes.contains(note)) {
                notes.add(note);
            }
        }

        List<Site> sites = siteRows.stream().map(site -> site.toSite(language, audience, attributes)).toList();
        Province province = sites.stream().map(Site::province).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> Arrays.stream(strings(service.get("provinces"))).findFirst()
                        .flatMap(Province::fromCode).orElse(null));
        return new ServiceDetails(
                id,
                new OrganizationId(organizationId),
                texts.text("name", language),
                organization.text("name", language),
                texts.text("description", language),
                (String) service.get("status"),
                texts.text("alert", language),
                (String) service.get("url"),
                (String) service.get("email"),
                Directory.domains(strings(service.get("need_domains"))),
                (Boolean) service.get("no_status_required"),
                (Boolean) service.get("substance_use_accessible"),
                (Boolean) service.get("trafficking_specific"),
                new Capacity((String) service.get("capacity_status"), (Integer) service.get("capacity_available"),
                        (Integer) service.get("capacity_maximum"), (String) service.get("capacity_unit"),
                        service.get("capacity_updated") instanceof java.sql.Timestamp updated ? updated.toInstant() : null),
                whole(service.get("minimum_age")),
                whole(service.get("maximum_age")),
                Arrays.asList(strings(service.get("eligible_genders"))),
                texts.text("eligibility_description", language),
                texts.text("application_process", language),
                texts.text("fees_description", language),
                texts.text("wait_time", language),
                texts.text("interpretation_services", language),
                documentRows.stream().map(document -> new RecordTexts(RecordTexts.fieldsOf("document", (String) document.get("document")),
                        attributes.get((UUID) document.get("id"))).text("document", language)).filter(Objects::nonNull).toList(),
                phoneRows.stream().map(phone -> new Phone((String) phone.get("number"),
                        phone.get("extension") == null ? null : ((BigDecimal) phone.get("extension")).toPlainString(),
                        new RecordTexts(RecordTexts.fieldsOf("description", (String) phone.get("description")),
                                attributes.get((UUID) phone.get("id"))).text("description", language))).toList(),
                hours,
                notes,
                province == null ? DEFAULT_ZONE : province.zone(),
                Arrays.asList(strings(service.get("language_codes"))),
                sites,
                areas(id.value()),
                service.get("last_modified") instanceof java.sql.Timestamp modified ? modified.toInstant() : null,
                (Long) service.get("version"));
    }

    /** A site where the service is given: its location, first address and accessibility notes. */
    private record SiteRow(UUID id, String name, String transportation, boolean confidential, String address,
            String city, String province, String postalCode, BigDecimal latitude, BigDecimal longitude,
            Map<UUID, String> accessibility) {

        Site toSite(Language language, Audience audience, Map<UUID, Map<String, String>> attributes) {
            RecordTexts texts = new RecordTexts(RecordTexts.fieldsOf("name", name, "transportation", transportation),
                    attributes.get(id));
            boolean hidden = confidential && audience == Audience.PUBLIC;
            List<ShownText> access = accessibility.entrySet().stream()
                    .map(a -> new RecordTexts(RecordTexts.fieldsOf("description", a.getValue()), attributes.get(a.getKey()))
                            .text("description", language))
                    .filter(Objects::nonNull).toList();
            return new Site(texts.text("name", language), confidential,
                    hidden ? null : address, city, Province.fromCode(province).orElse(null),
                    hidden ? null : postalCode,
                    hidden || latitude == null ? null : latitude.doubleValue(),
                    hidden || longitude == null ? null : longitude.doubleValue(),
                    hidden ? null : texts.text("transportation", language),
                    access);
        }
    }

    private List<SiteRow> sites(UUID service) {
        List<SiteRow> sites = jdbc.sql("""
                select l.id, l.name, l.transportation, l.confidential, l.latitude, l.longitude,
                       a.address_1, a.address_2, a.city, a.state_province, a.postal_code
                from service_at_location sal
                join locations l on l.id = sal.location_id
                left join lateral (select * from addresses a where a.location_id = l.id
                                   order by a.address_type <> 'physical', a.id limit 1) a on true
                where sal.service_id = :id order by sal.id""")
                .param("id", service)
                .query((row, n) -> new SiteRow(row.getObject("id", UUID.class), row.getString("name"),
                        row.getString("transportation"), row.getBoolean("confidential"),
                        joined(row.getString("address_1"), row.getString("address_2")), row.getString("city"),
                        row.getString("state_province"), row.getString("postal_code"), row.getBigDecimal("latitude"),
                        row.getBigDecimal("longitude"), new java.util.LinkedHashMap<>()))
                .list();
        if (!sites.isEmpty()) {
            Map<UUID, SiteRow> byId = new HashMap<>();
            sites.forEach(site -> byId.put(site.id(), site));
            jdbc.sql("select id, location_id, description from accessibility where location_id = any(cast(:ids as uuid[])) order by id")
                    .param("ids", sites.stream().map(s -> s.id().toString()).toArray(String[]::new))
                    .query((row, n) -> byId.get(row.getObject("location_id", UUID.class)).accessibility()
                            .put(row.getObject("id", UUID.class), row.getString("description")))
                    .list();
        }
        return sites;
    }

    /** The service's own numbers; failing those, its sites', then its organisation's. */
    private List<Map<String, Object>> phones(UUID service, List<SiteRow> sites, UUID organization) {
        String select = "select id, number, extension, description from phones where ";
        List<Map<String, Object>> phones = jdbc.sql(select + "service_id = :id or service_at_location_id = any(array("
                + "select id from service_at_location where service_id = :id)) order by id").param("id", service).query().listOfRows();
        if (phones.isEmpty() && !sites.isEmpty()) {
            phones = jdbc.sql(select + "location_id = any(cast(:ids as uuid[])) order by id")
                    .param("ids", sites.stream().map(s -> s.id().toString()).toArray(String[]::new)).query().listOfRows();
        }
        if (phones.isEmpty()) {
            phones = jdbc.sql(select + "organization_id = :id order by id").param("id", organization).query().listOfRows();
        }
        return phones;
    }

    private List<ServiceDetails.ServedArea> areas(UUID service) {
        return jdbc.sql("select name from service_areas where service_id = :id and name is not null order by id")
                .param("id", service)
                .query((row, n) -> ServiceDetails.ServedArea.named(row.getString("name")))
                .list();
    }

    /** Passerelle's attributes of these records, by record and term code. */
    private Map<UUID, Map<String, String>> passerelleAttributes(Collection<UUID> records) {
        Map<UUID, Map<String, String>> attributes = new HashMap<>();
        jdbc.sql("""
                select a.link_id, t.code, a.value from attributes a
                join taxonomy_terms t on t.id = a.taxonomy_term_id and t.taxonomy_id = :taxonomy
                where a.link_id = any(cast(:ids as uuid[]))""")
                .param("ids", records.stream().map(UUID::toString).toArray(String[]::new))
                .param("taxonomy", PasserelleTaxonomy.ID)
                .query((row, n) -> attributes.computeIfAbsent(row.getObject("link_id", UUID.class), k -> new HashMap<>())
                        .put(row.getString("code"), row.getString("value")))
                .list();
        return attributes;
    }

    private static String[] strings(Object array) {
        try {
            return array instanceof java.sql.Array sql ? (String[]) sql.getArray() : new String[0];
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalTime time(Object value) {
        return value instanceof java.sql.Time time ? time.toLocalTime() : null;
    }

    private static Integer whole(Object number) {
        return number instanceof BigDecimal decimal ? decimal.intValue() : null;
    }

    private static String joined(String first, String second) {
        if (first == null) {
            return null;
        }
        return second == null || second.isBlank() ? first : first + ", " + second;
    }
}
