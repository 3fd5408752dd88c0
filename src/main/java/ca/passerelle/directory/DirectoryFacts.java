package ca.passerelle.directory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import ca.passerelle.directory.ServiceFacts.NamesInLanguages;
import ca.passerelle.directory.ServiceFacts.Site;
import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import javax.sql.DataSource;
import jakarta.annotation.security.PermitAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the directory as facts for matching: the whole of it in one pass, or the services a burst
 * of changes touched. Everything a service needs comes back in its row.
 */
@Component
public class DirectoryFacts {

    private static final String COLUMNS = """
            s.id, s.status, s.name, s.alternate_name, s.description, s.eligibility_description,
            s.minimum_age, s.maximum_age, s.need_domains, s.eligible_genders, s.language_codes, s.provinces,
            s.open_24_7, s.substance_use_accessible, s.no_status_required, s.trafficking_specific,
            s.capacity_status, s.capacity_available, s.capacity_maximum, s.capacity_unit, s.capacity_updated,
            o.name as organization_name
            """;

    /**
     * The texts of a service matching searches, in the language it is written in and in its
     * translation; an organisation is searched by its name. Not its fees, transport or the like:
     * "free" would find nearly every service, and a word found only in a translation of them would
     * find a service in one language and not the other.
     */
    private static final List<String> SEARCHED = List.of("name", "alternate_name", "description", "eligibility_description");

    /** The codes of the attribute terms matching reads: the record language and the translations of {@link #SEARCHED}. */
    private static final String[] TERMS_READ = termsRead();

    private static final Set<String> ORGANIZATION_NAMES = Set.of(PasserelleTaxonomy.translation(Language.FR, "name").code(),
            PasserelleTaxonomy.translation(Language.EN, "name").code());

    private static String[] termsRead() {
        List<String> codes = new ArrayList<>();
        codes.add(PasserelleTaxonomy.RECORD_LANGUAGE.code());
        for (Language language : Language.values()) {
            SEARCHED.forEach(field -> codes.add(PasserelleTaxonomy.translation(language, field).code()));
        }
        return codes.toArray(String[]::new);
    }

    /** What matching reads of one record's attributes, by term code: {@link #TERMS_READ}. */
    private static String attributesOf(String record) {
        return """
                (select jsonb_object_agg(t.code, a.value) from attributes a
                 join taxonomy_terms t on t.id = a.taxonomy_term_id and t.taxonomy_id = :taxonomy
                 where a.link_id = %s and a.value is not null and t.code = any(:terms))
                """.formatted(record);
    }

    /** A few services: what each needs is looked up by its id, through the indexes. */
    private static final String SOME = "select " + COLUMNS + ", " + attributesOf("s.id") + " as service_attributes, "
            + attributesOf("o.id") + " as organization_attributes, " + """
              (select jsonb_agg(jsonb_build_array(l.latitude, l.longitude, l.confidential, a.city, a.state_province)
                                order by a.address_type <> 'physical', sal.id)
               from service_at_location sal join locations l on l.id = sal.location_id
               left join addresses a on a.location_id = l.id and a.address_type = 'physical'
               where sal.service_id = s.id) as sites,
              (select jsonb_agg(jsonb_build_array(sc.byday, sc.opens_at, sc.closes_at))
               from (select sc.byday, sc.opens_at, sc.closes_at, sc.valid_to from schedules sc where sc.service_id = s.id
                     union all
                     select sc.byday, sc.opens_at, sc.closes_at, sc.valid_to from service_at_location sal
                     join schedules sc on sc.service_at_location_id = sal.id where sal.service_id = s.id) sc
               where sc.valid_to is null or sc.valid_to >= current_date) as hours,
              (select p.number from phones p where p.service_id = s.id order by p.id limit 1) as phone
            from services s
            join organizations o on o.id = s.organization_id
            where s.id = any(:ids)
            """;

    /**
     * The whole directory: each related table read once and grouped, then joined, which at
     * hundreds of thousands of services is many times faster than a lookup per service. Of the
     * attributes (millions of rows, most of them on locations and schedules, or saying again what
     * the services' columns say) only {@link #TERMS_READ} are read.
     */
    private static final String ALL = """
            with taxonomy_attributes as materialized (
                select a.link_id, jsonb_object_agg(t.code, a.value) as attributes from attributes a
                join taxonomy_terms t on t.id = a.taxonomy_term_id and t.taxonomy_id = ?
                where a.value is not null and t.code = any(?) group by a.link_id)
            """ + "select " + COLUMNS + """
                 , sa.attributes as service_attributes, oa.attributes as organization_attributes,
                   si.sites, h.hours, p.number as phone
            from services s
            join organizations o on o.id = s.organization_id
            left join taxonomy_attributes sa on sa.link_id = s.id
            left join taxonomy_attributes oa on oa.link_id = o.id
            left join (select sal.service_id,
                              jsonb_agg(jsonb_build_array(l.latitude, l.longitude, l.confidential, a.city, a.state_province)
                                        order by a.address_type <> 'physical', sal.id) as sites
                       from service_at_location sal join locations l on l.id = sal.location_id
                       left join addresses a on a.location_id = l.id and a.address_type = 'physical'
                       group by sal.service_id) si on si.service_id = s.id
            left join (select sc.service_id, jsonb_agg(jsonb_build_array(sc.byday, sc.opens_at, sc.closes_at)) as hours
                       from (select sc.service_id, sc.byday, sc.opens_at, sc.closes_at, sc.valid_to from schedules sc
                             where sc.service_id is not null
                             union all
                             select sal.service_id, sc.byday, sc.opens_at, sc.closes_at, sc.valid_to from service_at_location sal
                             join schedules sc on sc.service_at_location_id = sal.id) sc
                       where sc.valid_to is null or sc.valid_to >= current_date
                       group by sc.service_id) h on h.service_id = s.id
            left join (select distinct on (p.service_id) p.service_id, p.number from phones p
                       where p.service_id is not null order by p.service_id, p.id) p on p.service_id = s.id
            """;

    private static final Map<String, LocalTime> TIMES = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    DirectoryFacts(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL streams a result only inside a transaction and with a fetch size; otherwise it
        // would hold the whole directory in memory twice
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every service of the directory, read in one pass. */
    @PermitAll
    public void forEach(Consumer<ServiceFacts> consumer) {
        readOnly.executeWithoutResult(status -> {
            // the attributes are grouped by record in a sort of millions of rows: in memory rather
            // than on disk, the whole read takes about half the time (25 s to 14 s at 250,000 services)
            streaming.execute("set local work_mem = '64MB'");
            streaming.query(ALL, (RowCallbackHandler) row -> consumer.accept(facts(row)), PasserelleTaxonomy.ID, TERMS_READ);
        });
    }

    /** The services among these that still exist, as they are now: one query for a whole burst of changes. */
    @PermitAll
    public List<ServiceFacts> of(Collection<ServiceId> ids) {
        return jdbc.sql(SOME)
                .param("taxonomy", PasserelleTaxonomy.ID)
                .param("terms", TERMS_READ)
                .param("ids", ids.stream().map(ServiceId::value).toArray(UUID[]::new))
                .query((row, n) -> facts(row))
                .list();
    }

    private static ServiceFacts facts(ResultSet row) throws SQLException {
        Map<String, String> serviceAttributes = texts(row.getString("service_attributes"));
        RecordTexts service = new RecordTexts(RecordTexts.fieldsOf(
                "name", row.getString("name"),
                "alternate_name", row.getString("alternate_name"),
                "description", row.getString("description"),
                "eligibility_description", row.getString("eligibility_description")), serviceAttributes);
        Map<String, String> organizationAttributes = texts(row.getString("organization_attributes"));
        RecordTexts organization = new RecordTexts(RecordTexts.fieldsOf("name", row.getString("organization_name")),
                organizationAttributes);

        List<Site> sites = new ArrayList<>();
        String city = null;
        Province siteProvince = null;
        for (JsonNode site : json(row.getString("sites"))) {
            Province province = Province.fromCode(text(site.get(4))).orElse(null);
            if (city == null && text(site.get(3)) != null) {
                city = text(site.get(3));
                siteProvince = province;
            }
            if (site.get(0).isNumber() && site.get(1).isNumber()
                    && GeoPoint.isValid(site.get(0).asDouble(), site.get(1).asDouble())) {
                sites.add(new Site(new GeoPoint(site.get(0).asDouble(), site.get(1).asDouble()), province,
                        site.get(2).asBoolean()));
            }
        }
        Set<Province> provinces = EnumSet.noneOf(Province.class);
        Arrays.stream(strings(row, "provinces")).map(Province::fromCode).flatMap(Optional::stream).forEach(provinces::add);
        Province province = siteProvince != null ? siteProvince : provinces.stream().findFirst().orElse(null);

        OpeningHours hours = OpeningHours.none();
        for (JsonNode schedule : json(row.getString("hours"))) {
            hours = hours.with(text(schedule.get(0)), time(schedule.get(1)), time(schedule.get(2)));
        }

        Set<String> words = new LinkedHashSet<>();
        words.addAll(Arrays.asList(row.getString("name"), row.getString("alternate_name"), row.getString("description"),
                row.getString("eligibility_description"), row.getString("organization_name")));
        serviceAttributes.forEach((code, value) -> {
            if (PasserelleTaxonomy.isTranslation(code)) {
                words.add(value);
            }
        });
        organizationAttributes.forEach((code, value) -> {
            if (ORGANIZATION_NAMES.contains(code)) {
                words.add(value);
            }
        });
        words.remove(null);

        return new ServiceFacts(
                new ServiceId(row.getObject("id", UUID.class)),
                row.getString("status"),
                new NamesInLanguages(service.text("name", Language.FR), service.text("name", Language.EN)),
                new NamesInLanguages(organization.text("name", Language.FR), organization.text("name", Language.EN)),
                domains(strings(row, "need_domains")),
                city,
                province,
                row.getString("phone"),
                List.copyOf(sites),
                Set.copyOf(provinces),
                Set.of(strings(row, "language_codes")),
                age(row.getBigDecimal("minimum_age")),
                age(row.getBigDecimal("maximum_age")),
                Set.of(strings(row, "eligible_genders")),
                row.getBoolean("open_24_7"),
                row.getBoolean("substance_use_accessible"),
                row.getBoolean("no_status_required"),
                row.getBoolean("trafficking_specific"),
                Directory.capacity(row),
                hours,
                String.join(" ", words));
    }

    private static Set<NeedDomain> domains(String[] codes) {
        Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        domains.addAll(Directory.domains(codes));
        return domains;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Map<String, String> texts(String json) {
        Map<String, String> texts = new HashMap<>();
        json(json).properties().forEach(entry -> texts.put(entry.getKey(), entry.getValue().asString()));
        return texts;
    }

    private static JsonNode json(String json) {
        return json == null ? JsonMapper.shared().createArrayNode() : JsonMapper.shared().readTree(json);
    }

    private static String[] strings(ResultSet row, String column) throws SQLException {
        return (String[]) row.getArray(column).getArray();
    }

    private static Integer age(BigDecimal age) {
        return age == null ? null : age.intValue();
    }

    /** A time as PostgreSQL writes it ("08:30:00"); a directory has few distinct ones, so each is parsed once. */
    private static LocalTime time(JsonNode time) {
        String text = text(time);
        return text == null ? null : TIMES.computeIfAbsent(text, LocalTime::parse);
    }
}
