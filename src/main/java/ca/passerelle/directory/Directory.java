package ca.passerelle.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.directory.hsds.ServiceFacetRefresh;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import jakarta.annotation.security.PermitAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds services in the directory and reads one in full, in the reader's language, as the
 * reader may see it: a confidential location's address never reaches a public page.
 */
@Component
public class Directory {

    private static final String TEXT_QUERY = ServiceFacetRefresh.searchFor("text");

    private final JdbcClient jdbc;
    private final ServiceDetailsReader details;

    Directory(JdbcClient jdbc, ServiceDetailsReader details) {
        this.jdbc = jdbc;
        this.details = details;
    }

    @PermitAll
    public SearchResults search(DirectorySearch search, Language language, Audience audience) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        conditions.add(audience == Audience.PUBLIC ? "s.status in ('active', 'temporarily closed')" : "true");
        if (search.text() != null) {
            conditions.add("s.search @@ " + TEXT_QUERY);
            parameters.put("text", search.text());
        }
        if (!search.domains().isEmpty()) {
            conditions.add("s.need_domains && cast(:domains as text[])");
            parameters.put("domains", search.domains().stream().map(NeedDomain::code).toArray(String[]::new));
        }
        if (search.province() != null) {
            conditions.add(":province = any(s.provinces)");
            parameters.put("province", search.province().code());
        }
        if (search.city() != null) {
            conditions.add("lower(unaccent('unaccent', cast(:city as text))) = any(s.cities)");
            parameters.put("city", search.city());
        }
        if (search.language() != null) {
            conditions.add(":language = any(s.language_codes)");
            parameters.put("language", search.language());
        }
        if (search.open247()) {
            conditions.add("s.open_24_7");
        }
        String where = " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from services s" + where).params(parameters).query(Long.class).single();
        // First the page of ids, straight from the indexes; then what the page shows, for those only.
        String order = (search.text() != null ? "ts_rank_cd(s.search, " + TEXT_QUERY + ") desc, " : "")
                + (language == Language.FR ? "s.sort_fr" : "s.sort_en") + ", s.id";
        List<UUID> page = jdbc.sql("select s.id from services s" + where + " order by " + order + " limit :limit offset :offset")
                .params(parameters)
                .param("limit", DirectorySearch.PAGE_SIZE)
                .param("offset", (search.page() - 1) * DirectorySearch.PAGE_SIZE)
                .query(UUID.class)
                .list();
        Map<ServiceId, ServiceSummary> summaries = summaries(page.stream().map(ServiceId::new).toList(), language);
        List<ServiceSummary> services = page.stream().map(id -> summaries.get(new ServiceId(id)))
                .filter(java.util.Objects::nonNull).toList();
        int pages = (int) ((total + DirectorySearch.PAGE_SIZE - 1) / DirectorySearch.PAGE_SIZE);
        return new SearchResults(services, total, search.page(), pages);
    }

    /** These services as a list shows them, in the reader's language (services that do not exist are left out). */
    @PermitAll
    public Map<ServiceId, ServiceSummary> summaries(List<ServiceId> ids, Language language) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SUMMARIES)
                .param("ids", ids.stream().map(id -> id.value().toString()).toArray(String[]::new))
                .param("nameTerm", PasserelleTaxonomy.translation(language, "name").id())
                .param("languageTerm", PasserelleTaxonomy.RECORD_LANGUAGE.id())
                .query((row, n) -> summary(row, language)).list().stream()
                .collect(Collectors.toMap(ServiceSummary::id, summary -> summary, (first, same) -> first));
    }

    private static final String SUMMARIES = """
            select s.id, s.name, s.record_language, s.status, s.need_domains, s.open_24_7, s.no_status_required,
                   s.substance_use_accessible, s.trafficking_specific, s.capacity_status, s.capacity_available,
                   s.capacity_maximum, s.capacity_unit, s.capacity_updated, s.language_codes,
                   name_in_language.value as translated_name,
                   o.name as organization_name, organization_in_language.value as organization_translated,
                   organization_language.value as organization_language,
                   place.city, place.province,
                   (select p.number from phones p where p.service_id = s.id order by p.id limit 1) as phone
            from services s
            join organizations o on o.id = s.organization_id
            left join attributes name_in_language on name_in_language.link_id = s.id and name_in_language.taxonomy_term_id = :nameTerm
            left join attributes organization_in_language on organization_in_language.link_id = o.id
                 and organization_in_language.taxonomy_term_id = :nameTerm
            left join attributes organization_language on organization_language.link_id = o.id
                 and organization_language.taxonomy_term_id = :languageTerm
            left join lateral (
                select a.city, a.state_province as province from service_at_location sal
                join addresses a on a.location_id = sal.location_id
                where sal.service_id = s.id order by a.address_type <> 'physical', a.id limit 1
            ) place on true
            where s.id = any(cast(:ids as uuid[]))""";

    @PermitAll
    public Optional<ServiceDetails> service(ServiceId id, Language language, Audience audience) {
        return details.read(id, language, audience);
    }

    /** The organization each of these services belongs to (services that do not exist are left out). */
    @PermitAll
    public Map<ServiceId, OrganizationId> organizationsOf(List<ServiceId> services) {
        return jdbc.sql("select id, organization_id from services where id = any(cast(:ids as uuid[]))")
                .param("ids", services.stream().map(ServiceId::value).toArray(UUID[]::new))
                .query((row, n) -> Map.entry(new ServiceId(row.getObject("id", UUID.class)),
                        new OrganizationId(row.getObject("organization_id", UUID.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static ServiceSummary summary(ResultSet row, Language language) throws SQLException {
        Language recordLanguage = Language.fromCode(row.getString("record_language"));
        String translated = row.getString("translated_name");
        ShownText name = translated != null ? new ShownText(translated, language) : new ShownText(row.getString("name"), recordLanguage);
        String organizationTranslated = row.getString("organization_translated");
        ShownText organization = organizationTranslated != null ? new ShownText(organizationTranslated, language)
                : new ShownText(row.getString("organization_name"), Language.fromCode(row.getString("organization_language")));
        return new ServiceSummary(
                new ServiceId(row.getObject("id", UUID.class)),
                name,
                organization,
                row.getString("status"),
                domains((String[]) row.getArray("need_domains").getArray()),
                row.getString("city"),
                Province.fromCode(row.getString("province")).orElse(null),
                row.getString("phone"),
                row.getBoolean("open_24_7"),
                row.getBoolean("no_status_required"),
                row.getBoolean("substance_use_accessible"),
                row.getBoolean("trafficking_specific"),
                capacity(row),
                Arrays.asList((String[]) row.getArray("language_codes").getArray()));
    }

    static Capacity capacity(ResultSet row) throws SQLException {
        OffsetDateTime updated = row.getObject("capacity_updated", OffsetDateTime.class);
        return new Capacity(row.getString("capacity_status"), (Integer) row.getObject("capacity_available"),
                (Integer) row.getObject("capacity_maximum"), row.getString("capacity_unit"),
                updated == null ? null : updated.toInstant());
    }

    static List<NeedDomain> domains(String[] codes) {
        return Arrays.stream(codes).map(NeedDomain::fromCode).flatMap(Optional::stream).sorted().toList();
    }
}
