package ca.passerelle.directory;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import ca.passerelle.directory.hsds.HsdsSchema;
import ca.passerelle.directory.hsds.HsdsWriter;
import ca.passerelle.directory.hsds.PasserelleTaxonomy.Term;
import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.directory.hsds.ServiceFacetRefresh;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LanguageNames;
import ca.passerelle.shared.LocalizedText;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Directory curators' changes: organisations and services written in both languages, and live
 * capacity. Each change is written as HSDS rows and Passerelle attributes in one transaction, is
 * refused if someone else saved the record first, and announces itself with an event.
 */
@Component
public class DirectoryCuration {

    private static final HsdsSchema HSDS = HsdsSchema.official();
    /** The service fields a draft writes, in the service's own language; the other language goes to attributes. */
    private static final List<String> SERVICE_TEXTS = List.of("name", "description", "eligibility_description",
            "application_process", "fees_description", "wait_time", "alert");

    private final JdbcClient jdbc;
    private final HsdsWriter writer;
    private final ServiceFacetRefresh refresh;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryCuration(JdbcClient jdbc, HsdsWriter writer, ServiceFacetRefresh refresh, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.refresh = refresh;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- organisations

    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    @Transactional
    public OrganizationId createOrganization(OrganizationDraft draft) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organizations (id, name, description, email, website) values (:id, :name, :description, :email, :website)")
                .param("id", id)
                .param("name", draft.name().in(draft.recordLanguage()))
                .param("description", orEmpty(draft.description().in(draft.recordLanguage())))
                .param("email", draft.email())
                .param("website", draft.website())
                .update();
        writeOrganizationDetails(id, draft);
        return new OrganizationId(id);
    }

    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    @Transactional
    public void updateOrganization(OrganizationId id, long version, OrganizationDraft draft) {
        int updated = jdbc.sql("""
                update organizations set name = :name, description = :description, email = :email, website = :website,
                    version = version + 1
                where id = :id and version = :version""")
                .param("id", id.value())
                .param("version", version)
                .param("name", draft.name().in(draft.recordLanguage()))
                .param("description", orEmpty(draft.description().in(draft.recordLanguage())))
                .param("email", draft.email())
                .param("website", draft.website())
                .update();
        if (updated == 0) {
            throw new StaleEditException();
        }
        writeOrganizationDetails(id.value(), draft);
        List<UUID> services = jdbc.sql("select id from services where organization_id = :id").param("id", id.value())
                .query(UUID.class).list();
        refresh.refresh(services);
        services.forEach(service -> events.publishEvent(new ServiceChanged(new ServiceId(service))));
    }

    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    public Optional<OrganizationDraft> organizationDraft(OrganizationId id) {
        return jdbc.sql("select name, description, email, website from organizations where id = :id")
                .param("id", id.value())
                .query((row, n) -> {
                    Map<String, String> attributes = passerelle(id.value());
                    Language language = recordLanguage(attributes);
                    return new OrganizationDraft(language,
                            bilingual(row.getString("name"), attributes, "name", language),
                            bilingual(row.getString("description"), attributes, "description", language),
                            row.getString("email"), row.getString("website"),
                            jdbc.sql("select number from phones where organization_id = :id and service_id is null order by id limit 1")
                                    .param("id", id.value()).query(String.class).optional().orElse(null));
                })
                .optional();
    }

    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    public long organizationVersion(OrganizationId id) {
        return jdbc.sql("select version from organizations where id = :id").param("id", id.value()).query(Long.class).single();
    }

    /** Organisations by name, for choosing the one a new service belongs to. */
    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    public Map<OrganizationId, String> organizationNames() {
        Map<OrganizationId, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from organizations order by lower(name)")
                .query((row, n) -> names.put(new OrganizationId(row.getObject("id", UUID.class)), row.getString("name")))
                .list();
        return names;
    }

    /** The organisation's services by name, in the record's own language, for its page. */
    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    public Map<ServiceId, String> servicesOf(OrganizationId id) {
        Map<ServiceId, String> services = new LinkedHashMap<>();
        jdbc.sql("select id, name from services where organization_id = :id order by lower(name)")
                .param("id", id.value())
                .query((row, n) -> services.put(new ServiceId(row.getObject("id", UUID.class)), row.getString("name")))
                .list();
        return services;
    }

    private void writeOrganizationDetails(UUID id, OrganizationDraft draft) {
        replaceAttributes(id, "organization", translationTerms(List.of("name", "description")),
                translations(draft.recordLanguage(), Map.of("name", draft.name(), "description", draft.description())));
        replaceAttributes(id, "organization", List.of(PasserelleTaxonomy.RECORD_LANGUAGE),
                List.of(new Value(PasserelleTaxonomy.RECORD_LANGUAGE, draft.recordLanguage().code())));
        replaceMainPhone("organization_id", id, draft.phone(), "and service_id is null");
    }

    // ---------------------------------------------------------------- services

    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    @Transactional
    public ServiceId createService(ServiceDraft draft) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into services (id, organization_id, name, status) values (:id, :organization, '', 'active')")
                .param("id", id)
                .param("organization", draft.organization().value())
                .update();
        long version = jdbc.sql("select version from services where id = :id").param("id", id).query(Long.class).single();
        write(id, version, draft);
        return new ServiceId(id);
    }

    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    @Transactional
    public void updateService(ServiceId id, long version, ServiceDraft draft) {
        write(id.value(), version, draft);
    }

    @PreAuthorize("hasAuthority('PERMISSION_UPDATE_CAPACITY')")
    @Transactional
    public Capacity changeCapacity(ServiceId id, CapacityChange change) {
        Capacity current = jdbc.sql("""
                select capacity_status, capacity_available, capacity_maximum, capacity_unit, capacity_updated
                from services where id = :id for update""")
                .param("id", id.value())
                .query((row, n) -> Directory.capacity(row))
                .optional()
                .orElseThrow(() -> new java.util.NoSuchElementException("no service " + id));
        Capacity next = change.applyTo(current, clock.instant());
        List<Value> values = new ArrayList<>();
        addIfPresent(values, PasserelleTaxonomy.CAPACITY_STATUS, next.status());
        addIfPresent(values, PasserelleTaxonomy.CAPACITY_AVAILABLE, next.available());
        addIfPresent(values, PasserelleTaxonomy.CAPACITY_MAXIMUM, next.maximum());
        values.add(new Value(PasserelleTaxonomy.CAPACITY_UPDATED, next.updated().toString()));
        replaceAttributes(id.value(), "service", List.of(PasserelleTaxonomy.CAPACITY_STATUS, PasserelleTaxonomy.CAPACITY_AVAILABLE,
                PasserelleTaxonomy.CAPACITY_MAXIMUM, PasserelleTaxonomy.CAPACITY_UPDATED), values);
        touch(id.value());
        return next;
    }

    /** The service as its edit form shows it, with the version the form must send back. */
    @PreAuthorize("hasAuthority('PERMISSION_CURATE_DIRECTORY')")
    public Optional<Editable<ServiceDraft>> serviceDraft(ServiceId id) {
        return jdbc.sql("select * from services where id = :id").param("id", id.value())
                .query((row, n) -> {
                    Map<String, String> attributes = passerelle(id.value());
                    Language language = recordLanguage(attributes);
                    Map<String, String> own = new HashMap<>();
                    for (String field : SERVICE_TEXTS) {
                        own.put(field, row.getString(field));
                    }
                    Function<String, LocalizedText> text = field -> bilingual(own.get(field), attributes, field, language);
                    Set<NeedDomain> domains = new LinkedHashSet<>(Directory.domains((String[]) row.getArray("need_domains").getArray()));
                    Set<String> genders = new LinkedHashSet<>(List.of((String[]) row.getArray("eligible_genders").getArray()));
                    ServiceDraft draft = new ServiceDraft(
                            new OrganizationId(row.getObject("organization_id", UUID.class)),
                            language,
                            text.apply("name"), text.apply("description"), text.apply("eligibility_description"),
                            text.apply("application_process"), text.apply("fees_description"), text.apply("wait_time"),
                            text.apply("alert"),
                            row.getString("status"),
                            domains,
                            row.getBoolean("no_status_required"),
                            row.getBoolean("substance_use_accessible"),
                            row.getBoolean("trafficking_specific"),
                            whole(row.getBigDecimal("minimum_age")),
                            whole(row.getBigDecimal("maximum_age")),
                            genders,
                            jdbc.sql("select number from phones where service_id = :id order by id limit 1").param("id", id.value())
                                    .query(String.class).optional().orElse(null),
                            row.getString("email"),
                            row.getString("url"),
                            hoursOf(id.value()),
                            List.of((String[]) row.getArray("language_codes").getArray()),
                            siteOf(id.value()),
                            areaOf(id.value()),
                            row.getString("capacity_unit"),
                            (Integer) row.getObject("capacity_maximum"));
                    return new Editable<>(draft, row.getLong("version"));
                })
                .optional();
    }

    /** A record as its form edits it, and the version that tells a stale form from a fresh one. */
    public record Editable<T>(T draft, long version) {
    }

    private void write(UUID id, long version, ServiceDraft draft) {
        Language language = draft.recordLanguage();
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        texts.put("name", draft.name());
        texts.put("description", draft.description());
        texts.put("eligibility_description", draft.eligibility());
        texts.put("application_process", draft.applicationProcess());
        texts.put("fees_description", draft.fees());
        texts.put("wait_time", draft.waitTime());
        texts.put("alert", draft.alert());
        var update = jdbc.sql("""
                update services set status = :status, url = :url, email = :email, minimum_age = :minimumAge,
                    maximum_age = :maximumAge, last_modified = :now, name = :name, description = :description,
                    eligibility_description = :eligibility_description, application_process = :application_process,
                    fees_description = :fees_description, wait_time = :wait_time, alert = :alert
                where id = :id and version = :version""")
                .param("id", id)
                .param("version", version)
                .param("status", draft.status())
                .param("url", draft.url())
                .param("email", draft.email())
                .param("minimumAge", draft.minimumAge() == null ? null : BigDecimal.valueOf(draft.minimumAge()))
                .param("maximumAge", draft.maximumAge() == null ? null : BigDecimal.valueOf(draft.maximumAge()))
                .param("now", Timestamp.from(clock.instant()));
        for (String field : SERVICE_TEXTS) {
            String value = texts.get(field).in(language);
            update = update.param(field, field.equals("name") ? orEmpty(value) : value);
        }
        if (update.update() == 0) {
            throw new StaleEditException();
        }

        List<Term> managed = new ArrayList<>(translationTerms(SERVICE_TEXTS));
        for (NeedDomain domain : NeedDomain.values()) {
            managed.add(PasserelleTaxonomy.domain(domain));
        }
        managed.addAll(List.of(PasserelleTaxonomy.RECORD_LANGUAGE, PasserelleTaxonomy.NO_STATUS_REQUIRED,
                PasserelleTaxonomy.SUBSTANCE_USE_ACCESSIBLE, PasserelleTaxonomy.TRAFFICKING_SPECIFIC,
                PasserelleTaxonomy.ELIGIBLE_GENDER, PasserelleTaxonomy.CAPACITY_UNIT, PasserelleTaxonomy.CAPACITY_MAXIMUM));
        List<Value> values = new ArrayList<>(translations(language, texts));
        values.add(new Value(PasserelleTaxonomy.RECORD_LANGUAGE, language.code()));
        draft.domains().forEach(domain -> values.add(new Value(PasserelleTaxonomy.domain(domain), null)));
        if (draft.noStatusRequired()) {
            values.add(new Value(PasserelleTaxonomy.NO_STATUS_REQUIRED, "true"));
        }
        if (draft.substanceUseAccessible()) {
            values.add(new Value(PasserelleTaxonomy.SUBSTANCE_USE_ACCESSIBLE, "true"));
        }
        if (draft.traffickingSpecific()) {
            values.add(new Value(PasserelleTaxonomy.TRAFFICKING_SPECIFIC, "true"));
        }
        draft.genders().forEach(gender -> values.add(new Value(PasserelleTaxonomy.ELIGIBLE_GENDER, gender)));
        addIfPresent(values, PasserelleTaxonomy.CAPACITY_UNIT, draft.capacityUnit());
        addIfPresent(values, PasserelleTaxonomy.CAPACITY_MAXIMUM, draft.capacityMaximum());
        replaceAttributes(id, "service", managed, values);

        replaceMainPhone("service_id", id, draft.phone(), "");
        writeHours(id, draft.hours(), language);
        writeLanguages(id, draft.languages());
        writeSite(id, draft);
        writeArea(id, draft);
        touch(id);
    }

    /** Refreshes the service's derived columns (bumping its version) and tells the other modules. */
    private void touch(UUID service) {
        refresh.refresh(List.of(service));
        events.publishEvent(new ServiceChanged(new ServiceId(service)));
    }

    private void writeHours(UUID service, Map<DayOfWeek, List<OpeningHours.Hours>> hours, Language language) {
        jdbc.sql("delete from attributes where link_id in (select id from schedules where service_id = :id and service_at_location_id is null)")
                .param("id", service).update();
        jdbc.sql("delete from schedules where service_id = :id and service_at_location_id is null").param("id", service).update();
        // Days with the same hours share one weekly schedule, as HSDS writes them: MO,TU,WE,TH,FR 09:00-17:00.
        Map<OpeningHours.Hours, List<DayOfWeek>> days = new LinkedHashMap<>();
        hours.forEach((day, openings) -> openings.forEach(h -> days.computeIfAbsent(h, k -> new ArrayList<>()).add(day)));
        List<Map<String, Object>> rows = new ArrayList<>();
        days.forEach((opening, on) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", UUID.randomUUID());
            row.put("service_id", service);
            row.put("freq", "WEEKLY");
            row.put("wkst", "MO");
            row.put("byday", String.join(",", on.stream().sorted().map(d -> d.name().substring(0, 2)).toList()));
            row.put("opens_at", opening.opens());
            row.put("closes_at", opening.closes());
            rows.add(row);
        });
        writer.upsert(HSDS.table("schedule"), rows);
    }

    private void writeLanguages(UUID service, List<String> codes) {
        jdbc.sql("delete from languages where service_id = :id").param("id", service).update();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String code : codes) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", UUID.randomUUID());
            row.put("service_id", service);
            row.put("code", code);
            row.put("name", LanguageNames.name(code, Locale.ENGLISH));
            rows.add(row);
        }
        writer.upsert(HSDS.table("language"), rows);
    }

    private void writeSite(UUID service, ServiceDraft draft) {
        ServiceDraft.Site site = draft.site();
        Optional<UUID> existing = jdbc.sql("select location_id from service_at_location where service_id = :id order by id limit 1")
                .param("id", service).query(UUID.class).optional();
        if (site.isEmpty()) {
            return;
        }
        UUID location = existing.orElseGet(UUID::randomUUID);
        if (existing.isEmpty()) {
            jdbc.sql("insert into locations (id, location_type, organization_id) values (:id, 'physical', :organization)")
                    .param("id", location).param("organization", draft.organization().value()).update();
            jdbc.sql("insert into service_at_location (id, service_id, location_id) values (:id, :service, :location)")
                    .param("id", UUID.randomUUID()).param("service", service).param("location", location).update();
        }
        jdbc.sql("update locations set latitude = :latitude, longitude = :longitude where id = :id")
                .param("id", location).param("latitude", site.latitude()).param("longitude", site.longitude()).update();
        Optional<UUID> address = jdbc.sql("select id from addresses where location_id = :id order by address_type <> 'physical', id limit 1")
                .param("id", location).query(UUID.class).optional();
        Map<String, Object> row = new HashMap<>();
        row.put("id", address.orElseGet(UUID::randomUUID));
        row.put("location_id", location);
        row.put("address_1", orEmpty(site.address()));
        row.put("city", orEmpty(site.city()));
        row.put("state_province", site.province() == null ? "" : site.province().code());
        row.put("postal_code", orEmpty(site.postalCode()));
        row.put("country", "CA");
        row.put("address_type", "physical");
        writer.upsert(HSDS.table("address"), List.of(row));
        replaceAttributes(location, "location", List.of(PasserelleTaxonomy.CONFIDENTIAL_LOCATION),
                site.confidential() ? List.of(new Value(PasserelleTaxonomy.CONFIDENTIAL_LOCATION, "true")) : List.of());
        refresh.refreshLocations(List.of(location));
    }

    private void writeArea(UUID service, ServiceDraft draft) {
        jdbc.sql("delete from service_areas where service_id = :id").param("id", service).update();
        String name = switch (draft.area()) {
            case CANADA -> "Canada";
            case PROVINCE -> draft.site().province() == null ? null : draft.site().province().code();
            case LOCAL -> draft.site().city();
        };
        if (name != null) {
            jdbc.sql("insert into service_areas (id, service_id, name) values (:id, :service, :name)")
                    .param("id", UUID.randomUUID()).param("service", service).param("name", name).update();
        }
    }

    private Map<DayOfWeek, List<OpeningHours.Hours>> hoursOf(UUID service) {
        OpeningHours hours = OpeningHours.none();
        for (Map<String, Object> schedule : jdbc.sql(
                "select byday, opens_at, closes_at from schedules where service_id = :id and service_at_location_id is null order by id")
                .param("id", service).query().listOfRows()) {
            hours = hours.with((String) schedule.get("byday"),
                    schedule.get("opens_at") instanceof java.sql.Time t ? t.toLocalTime() : null,
                    schedule.get("closes_at") instanceof java.sql.Time t ? t.toLocalTime() : null);
        }
        Map<DayOfWeek, List<OpeningHours.Hours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!hours.on(day).isEmpty()) {
                byDay.put(day, hours.on(day));
            }
        }
        return byDay;
    }

    private ServiceDraft.Site siteOf(UUID service) {
        return jdbc.sql("""
                select a.address_1, a.city, a.state_province, a.postal_code, l.latitude, l.longitude, l.confidential
                from service_at_location sal join locations l on l.id = sal.location_id
                left join lateral (select * from addresses a where a.location_id = l.id
                                   order by a.address_type <> 'physical', a.id limit 1) a on true
                where sal.service_id = :id order by sal.id limit 1""")
                .param("id", service)
                .query((row, n) -> new ServiceDraft.Site(row.getString("address_1"), row.getString("city"),
                        Province.fromCode(row.getString("state_province")).orElse(null), row.getString("postal_code"),
                        row.getBigDecimal("latitude"), row.getBigDecimal("longitude"), row.getBoolean("confidential")))
                .optional()
                .orElse(new ServiceDraft.Site(null, null, null, null, null, null, false));
    }

    private ServiceDraft.Area areaOf(UUID service) {
        List<String> names = jdbc.sql("select name from service_areas where service_id = :id and name is not null")
                .param("id", service).query(String.class).list();
        if (names.stream().anyMatch(n -> n.equalsIgnoreCase("canada"))) {
            return ServiceDraft.Area.CANADA;
        }
        return names.stream().anyMatch(n -> Province.fromCode(n).isPresent()) ? ServiceDraft.Area.PROVINCE : ServiceDraft.Area.LOCAL;
    }

    // ---------------------------------------------------------------- attributes

    /** A Passerelle attribute to write: its term and value. */
    private record Value(Term term, String value) {
    }

    private static void addIfPresent(List<Value> values, Term term, Object value) {
        if (value != null && !value.toString().isBlank()) {
            values.add(new Value(term, value.toString()));
        }
    }

    /** Removes the record's attributes of {@code terms} and writes {@code values} in their place. */
    private void replaceAttributes(UUID record, String entity, List<Term> terms, List<Value> values) {
        jdbc.sql("delete from attributes where link_id = :id and taxonomy_term_id = any(cast(:terms as uuid[]))")
                .param("id", record)
                .param("terms", terms.stream().map(t -> t.id().toString()).toArray(String[]::new))
                .update();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Value value : values) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", UUID.randomUUID());
            row.put("link_id", record);
            row.put("taxonomy_term_id", value.term().id());
            row.put("link_entity", entity);
            row.put("value", value.value());
            rows.add(row);
        }
        writer.upsert(HSDS.table("attribute"), rows);
    }

    private static List<Term> translationTerms(List<String> fields) {
        List<Term> terms = new ArrayList<>();
        for (Language language : Language.values()) {
            fields.forEach(field -> terms.add(PasserelleTaxonomy.translation(language, field)));
        }
        return terms;
    }

    /** The texts in the language other than the record's, as translation attributes. */
    private static List<Value> translations(Language recordLanguage, Map<String, LocalizedText> texts) {
        Language other = recordLanguage == Language.FR ? Language.EN : Language.FR;
        List<Value> values = new ArrayList<>();
        texts.forEach((field, text) -> {
            if (text != null && text.isWrittenIn(other)) {
                values.add(new Value(PasserelleTaxonomy.translation(other, field), text.in(other)));
            }
        });
        return values;
    }

    private void replaceMainPhone(String owner, UUID id, String number, String andOnlyItsOwn) {
        Optional<UUID> existing = jdbc.sql("select id from phones where " + owner + " = :id " + andOnlyItsOwn + " order by id limit 1")
                .param("id", id).query(UUID.class).optional();
        if (number == null || number.isBlank()) {
            existing.ifPresent(phone -> jdbc.sql("delete from phones where id = :id").param("id", phone).update());
            return;
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", existing.orElseGet(UUID::randomUUID));
        row.put(owner, id);
        row.put("number", number.strip());
        row.put("type", "voice");
        writer.upsert(HSDS.table("phone"), List.of(row));
    }

    private Map<String, String> passerelle(UUID record) {
        Map<String, String> attributes = new HashMap<>();
        jdbc.sql("""
                select t.code, a.value from attributes a join taxonomy_terms t on t.id = a.taxonomy_term_id
                where a.link_id = :id and t.taxonomy_id = :taxonomy""")
                .param("id", record).param("taxonomy", PasserelleTaxonomy.ID)
                .query((row, n) -> attributes.put(row.getString("code"), row.getString("value")))
                .list();
        return attributes;
    }

    private static Language recordLanguage(Map<String, String> attributes) {
        Language language = Language.fromCode(attributes.get(PasserelleTaxonomy.RECORD_LANGUAGE.code()));
        return language == null ? Language.EN : language;
    }

    private static LocalizedText bilingual(String own, Map<String, String> attributes, String field, Language language) {
        Language other = language == Language.FR ? Language.EN : Language.FR;
        String translated = attributes.get(PasserelleTaxonomy.translation(other, field).code());
        return language == Language.FR ? LocalizedText.of(own, translated) : LocalizedText.of(translated, own);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Integer whole(BigDecimal number) {
        return number == null ? null : number.intValue();
    }
}
