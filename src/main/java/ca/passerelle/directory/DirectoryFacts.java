package ca.passerelle.directory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import ca.passerelle.directory.ServiceFacts.NamesInLanguages;
import ca.passerelle.directory.ServiceFacts.Site;
import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the directory as facts for matching: the whole of it in batches, or one service after it
 * changed. One query a batch; everything a service needs comes back in its row.
 */
@Component
public class DirectoryFacts {

    private static final int BATCH = 5_000;

    private static final String FACTS = """
            select s.id, s.status, s.name, s.alternate_name, s.description, s.eligibility_description,
                   s.minimum_age, s.maximum_age, s.need_domains, s.eligible_genders, s.language_codes, s.provinces,
                   s.open_24_7, s.substance_use_accessible, s.no_status_required, s.trafficking_specific,
                   s.capacity_status, s.capacity_available, s.capacity_maximum, s.capacity_unit, s.capacity_updated,
                   o.name as organization_name,
                   (select jsonb_object_agg(t.code, a.value) from attributes a
                    join taxonomy_terms t on t.id = a.taxonomy_term_id and t.taxonomy_id = :taxonomy
                    where a.link_id = s.id and a.value is not null) as service_attributes,
                   (select jsonb_object_agg(t.code, a.value) from attributes a
                    join taxonomy_terms t on t.id = a.taxonomy_term_id and t.taxonomy_id = :taxonomy
                    where a.link_id = o.id and a.value is not null) as organization_attributes,
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
            """;

    private final JdbcClient jdbc;

    DirectoryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every service of the directory, in id order, a batch at a time. */
    public void forEach(Consumer<ServiceFacts> consumer) {
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        while (true) {
            List<ServiceFacts> batch = jdbc.sql(FACTS + " where s.id > :after order by s.id limit :batch")
                    .param("taxonomy", PasserelleTaxonomy.ID)
                    .param("after", after)
                    .param("batch", BATCH)
                    .query((row, n) -> facts(row))
                    .list();
            batch.forEach(consumer);
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.getLast().id().value();
        }
    }

    public Optional<ServiceFacts> of(ServiceId id) {
        return jdbc.sql(FACTS + " where s.id = :id")
                .param("taxonomy", PasserelleTaxonomy.ID)
                .param("id", id.value())
                .query((row, n) -> facts(row))
                .optional();
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
            if (code.startsWith("translation.")) {
                words.add(value);
            }
        });
        organizationAttributes.forEach((code, value) -> {
            if (code.startsWith("translation.")) {
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

    private static LocalTime time(JsonNode time) {
        return text(time) == null ? null : LocalTime.parse(text(time));
    }
}
