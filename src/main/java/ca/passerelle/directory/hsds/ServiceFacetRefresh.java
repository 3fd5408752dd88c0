package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives a service's query columns (need domains, facets, capacity, languages, places, 24/7,
 * the French and English search document) from its HSDS rows and Passerelle attributes, after
 * every write, so the HSDS rows stay the only truth and searches stay fast.
 */
@Component
public class ServiceFacetRefresh {

    private static final int CHUNK = 5000;

    private final JdbcClient jdbc;
    private final String domainWords;

    ServiceFacetRefresh(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.domainWords = domainWords(messages);
    }

    /**
     * The full-text query of a service's search document for the words of a named parameter: their
     * French and English stems match names and texts, the words as written only what is indexed as
     * written (organisation, place and language names, weight C). As written over the whole
     * document, "refuge" (a shelter) found "refugees", whose English stem is "refuge".
     */
    public static String searchFor(String parameter) {
        return "(websearch_to_tsquery('passerelle_fr', :" + parameter + ")"
                + " || websearch_to_tsquery('passerelle_en', :" + parameter + ")"
                // each quoted lexeme of the query gets the weight C: 'refuge' becomes 'refuge':C
                + " || regexp_replace(websearch_to_tsquery('passerelle_simple', :" + parameter + ")::text,"
                + " '(''(?:[^'']|'''')*'')', '\\1:C', 'g')::tsquery)";
    }

    /** Refreshes the derived columns of these services and bumps their version. */
    public void refresh(Collection<UUID> services) {
        List<String> ids = services.stream().distinct().map(UUID::toString).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
            jdbc.sql(REFRESH)
                    .param("ids", chunk)
                    .param("taxonomy", PasserelleTaxonomy.ID)
                    .param("domainWords", domainWords)
                    .update();
        }
    }

    /** Refreshes which of these locations are confidential, from their Passerelle attribute. */
    public void refreshLocations(Collection<UUID> locations) {
        List<String> ids = locations.stream().distinct().map(UUID::toString).toList();
        for (int from = 0; from < ids.size(); from += CHUNK * 10) {
            jdbc.sql("""
                    update locations l set confidential = exists (select 1 from attributes a
                        where a.link_id = l.id and a.taxonomy_term_id = :term and coalesce(a.value, '') <> 'false')
                    where l.id = any(cast(:ids as uuid[]))
                    """)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK * 10)).toArray(String[]::new))
                    .param("term", PasserelleTaxonomy.CONFIDENTIAL_LOCATION.id())
                    .update();
        }
    }

    /** The services whose derived columns may change when rows with these ids or references change. */
    public List<UUID> servicesTouchedBy(Collection<UUID> ids) {
        List<UUID> services = new ArrayList<>();
        List<String> all = ids.stream().distinct().map(UUID::toString).toList();
        for (int from = 0; from < all.size(); from += CHUNK * 10) {
            String[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK * 10)).toArray(String[]::new);
            services.addAll(jdbc.sql("""
                    select s.id from services s
                    where s.id = any(cast(:ids as uuid[])) or s.organization_id = any(cast(:ids as uuid[]))
                    union
                    select sal.service_id from service_at_location sal
                    where sal.id = any(cast(:ids as uuid[])) or sal.location_id = any(cast(:ids as uuid[]))
                    """).param("ids", chunk).query(UUID.class).list());
        }
        return services.stream().distinct().toList();
    }

    /** Each domain's words in both languages (its name and what people call it), for the search document. */
    private static String domainWords(MessageSource messages) {
        Map<String, Map<String, String>> words = new LinkedHashMap<>();
        for (NeedDomain domain : NeedDomain.values()) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (Language language : Language.values()) {
                byLanguage.put(language.code(), messages.getMessage(domain.messageKey(), null, language.locale())
                        + " " + messages.getMessage(domain.messageKey() + ".keywords", null, language.locale()));
            }
            words.put(domain.code(), byLanguage);
        }
        return JsonMapper.shared().writeValueAsString(words);
    }

    private static final String REFRESH = """
            update services s set
                version = s.version + 1,
                record_language = d.record_language,
                need_domains = d.need_domains,
                eligible_genders = d.eligible_genders,
                language_codes = d.language_codes,
                provinces = d.provinces,
                cities = d.cities,
                substance_use_accessible = d.substance_use_accessible,
                no_status_required = d.no_status_required,
                trafficking_specific = d.trafficking_specific,
                open_24_7 = d.open_24_7,
                capacity_status = d.capacity_status,
                capacity_available = d.capacity_available,
                capacity_maximum = d.capacity_maximum,
                capacity_unit = d.capacity_unit,
                capacity_updated = d.capacity_updated,
                sort_fr = lower(unaccent('unaccent', coalesce(d.fr_display, s.name))),
                sort_en = lower(unaccent('unaccent', coalesce(d.en_display, s.name))),
                search =
                    setweight(to_tsvector('passerelle_fr', concat_ws(' ', d.fr_name, d.untagged_name)), 'A') ||
                    setweight(to_tsvector('passerelle_en', concat_ws(' ', d.en_name, d.untagged_name)), 'A') ||
                    setweight(to_tsvector('passerelle_fr', concat_ws(' ', d.fr_text, d.untagged_text, d.fr_domains)), 'B') ||
                    setweight(to_tsvector('passerelle_en', concat_ws(' ', d.en_text, d.untagged_text, d.en_domains)), 'B') ||
                    setweight(to_tsvector('passerelle_simple', concat_ws(' ', d.organization_name, d.place_names, d.language_names)), 'C')
            from (
                select s.id,
                    f.record_language,
                    coalesce(f.need_domains, '{}') as need_domains,
                    coalesce(f.eligible_genders, '{}') as eligible_genders,
                    coalesce(f.substance_use_accessible, false) as substance_use_accessible,
                    coalesce(f.no_status_required, false) as no_status_required,
                    coalesce(f.trafficking_specific, false) as trafficking_specific,
                    f.capacity_status, f.capacity_available, f.capacity_maximum, f.capacity_unit, f.capacity_updated,
                    f.fr_display, f.en_display,
                    coalesce(langs.codes, '{}') as language_codes,
                    langs.names as language_names,
                    coalesce(place.provinces, '{}') as provinces,
                    coalesce(place.cities, '{}') as cities,
                    place.names as place_names,
                    coalesce(hours.days = 7, false) as open_24_7,
                    concat_ws(' ', f.fr_name, case when f.record_language = 'fr' then concat_ws(' ', s.name, s.alternate_name) end) as fr_name,
                    concat_ws(' ', f.en_name, case when f.record_language = 'en' then concat_ws(' ', s.name, s.alternate_name) end) as en_name,
                    case when f.record_language is null then concat_ws(' ', s.name, s.alternate_name) end as untagged_name,
                    concat_ws(' ', f.fr_text, case when f.record_language = 'fr' then concat_ws(' ', s.description, s.eligibility_description) end) as fr_text,
                    concat_ws(' ', f.en_text, case when f.record_language = 'en' then concat_ws(' ', s.description, s.eligibility_description) end) as en_text,
                    case when f.record_language is null then concat_ws(' ', s.description, s.eligibility_description) end as untagged_text,
                    (select string_agg(cast(:domainWords as jsonb) -> d ->> 'fr', ' ') from unnest(f.need_domains) d) as fr_domains,
                    (select string_agg(cast(:domainWords as jsonb) -> d ->> 'en', ' ') from unnest(f.need_domains) d) as en_domains,
                    o.name as organization_name
                from services s
                join organizations o on o.id = s.organization_id
                left join lateral (
                    select
                        max(a.value) filter (where t.code = 'record-language') as record_language,
                        array_agg(distinct substr(t.code, 8) order by substr(t.code, 8)) filter (where t.code like 'domain.%') as need_domains,
                        array_agg(distinct a.value order by a.value) filter (where t.code = 'eligible-gender' and a.value is not null) as eligible_genders,
                        bool_or(t.code = 'substance-use-accessible' and coalesce(a.value, 'true') = 'true') as substance_use_accessible,
                        bool_or(t.code = 'no-immigration-status-required' and coalesce(a.value, 'true') = 'true') as no_status_required,
                        bool_or(t.code = 'trafficking-specific' and coalesce(a.value, 'true') = 'true') as trafficking_specific,
                        max(a.value) filter (where t.code = 'capacity-status') as capacity_status,
                        max(case when a.value ~ '^[0-9]{1,9}$' then cast(a.value as integer) end)
                            filter (where t.code = 'capacity-available') as capacity_available,
                        max(case when a.value ~ '^[0-9]{1,9}$' then cast(a.value as integer) end)
                            filter (where t.code = 'capacity-maximum') as capacity_maximum,
                        max(a.value) filter (where t.code = 'capacity-unit') as capacity_unit,
                        max(case when a.value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)$'
                            then cast(a.value as timestamptz) end) filter (where t.code = 'capacity-updated') as capacity_updated,
                        max(a.value) filter (where t.code = 'translation.fr.name') as fr_display,
                        max(a.value) filter (where t.code = 'translation.en.name') as en_display,
                        string_agg(a.value, ' ') filter (where t.code in ('translation.fr.name', 'translation.fr.alternate_name')) as fr_name,
                        string_agg(a.value, ' ') filter (where t.code in ('translation.en.name', 'translation.en.alternate_name')) as en_name,
                        string_agg(a.value, ' ') filter (where t.code in ('translation.fr.description', 'translation.fr.eligibility_description')) as fr_text,
                        string_agg(a.value, ' ') filter (where t.code in ('translation.en.description', 'translation.en.eligibility_description')) as en_text
                    from attributes a
                    join taxonomy_terms t on t.id = a.taxonomy_term_id and t.taxonomy_id = :taxonomy
                    where a.link_id = s.id
                ) f on true
                left join lateral (
                    select array_agg(distinct lower(btrim(l.code)) order by lower(btrim(l.code)))
                               filter (where nullif(btrim(l.code), '') is not null) as codes,
                           string_agg(l.name, ' ') as names
                    from languages l where l.service_id = s.id
                ) langs on true
                left join lateral (
                    select
                        array(select distinct p from unnest(array_agg(a.state_province) || array_agg(sa.name)) n,
                              unnest(province_codes(n)) p order by p) as provinces,
                        array_agg(distinct lower(unaccent('unaccent', btrim(a.city)))) filter (where a.city is not null) as cities,
                        string_agg(distinct concat_ws(' ', a.city, a.state_province), ' ') as names
                    from (select 1) one
                    left join service_at_location sal on sal.service_id = s.id
                    left join addresses a on a.location_id = sal.location_id
                    left join service_areas sa on sa.service_id = s.id
                ) place on true
                left join lateral (
                    select count(distinct btrim(day)) as days
                    from (select sc.byday, sc.opens_at, sc.closes_at from schedules sc where sc.service_id = s.id
                          union all
                          select sc.byday, sc.opens_at, sc.closes_at from service_at_location sal
                          join schedules sc on sc.service_at_location_id = sal.id where sal.service_id = s.id) sc
                    cross join unnest(string_to_array(upper(sc.byday), ',')) day
                    where sc.opens_at = time '00:00' and (sc.closes_at >= time '23:59' or sc.closes_at = time '00:00')
                      and btrim(day) in ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')
                ) hours on true
                where s.id = any(cast(:ids as uuid[]))
            ) d
            where d.id = s.id
            """;
}
