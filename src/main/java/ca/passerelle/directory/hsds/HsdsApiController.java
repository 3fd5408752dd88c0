package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-only HSDS 3.0 API, open to anyone, with the paths, paging and query parameters of
 * the official OpenAPI description. Answers come from {@link HsdsDocuments}, so confidential
 * locations are withheld here as everywhere public.
 */
@RestController
@RequestMapping("/hsds")
class HsdsApiController {

    static final String OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";
    private static final int DEFAULT_PER_PAGE = 50;
    private static final int MAX_PER_PAGE = 1000;
    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();

    private final JdbcClient jdbc;
    private final HsdsDocuments documents;
    private final MessageSource messages;

    HsdsApiController(JdbcClient jdbc, HsdsDocuments documents, MessageSource messages) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    Map<String, Object> root(HttpServletRequest request) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", HsdsSchema.VERSION);
        root.put("profile", ServletUriComponentsBuilder.fromContextPath(request).path("/hsds/profile").toUriString());
        root.put("openapi_url", OPENAPI_URL);
        return root;
    }

    @GetMapping("/services")
    ResponseEntity<WrittenBody> services(
            @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @RequestParam(required = false) String minimal,
            @RequestParam(required = false) String full,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String format) {
        HsdsQuery query = new HsdsQuery("services t")
                .where("t.search @@ " + HsdsQuery.TEXT_QUERY, "search", blankToNull(search))
                .where("exists (select 1 from attributes a where a.link_id = t.id and a.taxonomy_term_id = :term)",
                        "term", uuid("taxonomy_term_id", taxonomyTermId))
                .where("exists (select 1 from attributes a join taxonomy_terms tt on tt.id = a.taxonomy_term_id"
                        + " where a.link_id = t.id and tt.taxonomy_id = :taxonomy)", "taxonomy", uuid("taxonomy_id", taxonomyId))
                .where("t.organization_id = :organization", "organization", uuid("organization_id", organizationId))
                .where("t.last_modified >= :modifiedAfter", "modifiedAfter", dateTime("modified_after", modifiedAfter));
        HsdsShape shape = flag("minimal", minimal) ? HsdsShape.FLAT
                : flag("full", full) ? HsdsShape.full("service") : HsdsShape.withFlat("organization", "program");
        Function<Map<String, Object>, Map<String, Object>> minimalView = flag("minimal", minimal)
                ? HsdsApiController::minimalService : Function.identity();
        return answer(query, "service", shape, minimalView, page, perPage, format);
    }

    @GetMapping("/services/{id}")
    ResponseEntity<?> service(@PathVariable String id) {
        return one("service", id, HsdsShape.full("service"));
    }

    @GetMapping("/organizations")
    ResponseEntity<WrittenBody> organizations(
            @RequestParam(required = false) String search,
            @RequestParam(name = "full_service", required = false) String fullService,
            @RequestParam(required = false) String full,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String format) {
        HsdsQuery query = new HsdsQuery("organizations t")
                .where("to_tsvector('passerelle_simple', concat_ws(' ', t.name, t.alternate_name, t.description))"
                        + " @@ websearch_to_tsquery('passerelle_simple', :search)", "search", blankToNull(search));
        HsdsShape shape = flag("full", full) ? organizationShape(flag("full_service", fullService)) : HsdsShape.FLAT;
        return answer(query, "organization", shape, Function.identity(), page, perPage, format);
    }

    @GetMapping("/organizations/{id}")
    ResponseEntity<?> organization(@PathVariable String id,
            @RequestParam(name = "full_service", required = false) String fullService) {
        return one("organization", id, organizationShape(flag("full_service", fullService)));
    }

    @GetMapping("/service_at_locations")
    ResponseEntity<WrittenBody> servicesAtLocations(
            @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) String organizationId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @RequestParam(required = false) String full,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String postcode,
            @RequestParam(required = false) String proximity) {
        HsdsQuery query = new HsdsQuery("service_at_location t join services s on s.id = t.service_id")
                .where("s.search @@ " + HsdsQuery.TEXT_QUERY, "search", blankToNull(search))
                .where("exists (select 1 from attributes a where a.link_id in (t.id, s.id, t.location_id)"
                        + " and a.taxonomy_term_id = :term)", "term", uuid("taxonomy_term_id", taxonomyTermId))
                .where("exists (select 1 from attributes a join taxonomy_terms tt on tt.id = a.taxonomy_term_id"
                        + " where a.link_id in (t.id, s.id, t.location_id) and tt.taxonomy_id = :taxonomy)",
                        "taxonomy", uuid("taxonomy_id", taxonomyId))
                .where("s.organization_id = :organization", "organization", uuid("organization_id", organizationId))
                .where("s.last_modified >= :modifiedAfter", "modifiedAfter", dateTime("modified_after", modifiedAfter));
        Double metres = proximity == null || proximity.isBlank() ? null : positiveNumber("proximity", proximity);
        String code = postcode == null ? null : postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (code != null && !code.isEmpty()) {
            // Confidential locations never match a postcode or a distance: probing would reveal them.
            if (metres == null) {
                query.where("exists (select 1 from addresses a join locations l on l.id = a.location_id"
                        + " where l.id = t.location_id and not l.confidential"
                        + " and upper(replace(a.postal_code, ' ', '')) like :postcode || '%')", "postcode", code);
            } else {
                query.where("""
                        exists (select 1 from locations l,
                            (select avg(l2.latitude) as lat, avg(l2.longitude) as lon from locations l2
                             join addresses a2 on a2.location_id = l2.id
                             where not l2.confidential and l2.latitude is not null
                               and upper(replace(a2.postal_code, ' ', '')) like :postcode || '%') centre
                        where l.id = t.location_id and not l.confidential and l.latitude is not null
                          and 2 * 6371008.8 * asin(sqrt(power(sin(radians(l.latitude - centre.lat) / 2), 2)
                              + cos(radians(centre.lat)) * cos(radians(l.latitude))
                              * power(sin(radians(l.longitude - centre.lon) / 2), 2))) <= :metres)""",
                        "postcode", code).parameter("metres", metres);
            }
        }
        HsdsShape shape = flag("full", full) ? HsdsShape.full("service_at_location") : HsdsShape.withFlat("location", "service");
        return answer(query, "service_at_location", shape, Function.identity(), page, perPage, format);
    }

    @GetMapping("/service_at_locations/{id}")
    ResponseEntity<?> serviceAtLocation(@PathVariable String id) {
        return one("service_at_location", id, HsdsShape.full("service_at_location"));
    }

    @GetMapping("/taxonomies")
    ResponseEntity<WrittenBody> taxonomies(@RequestParam(required = false) String search,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String format) {
        HsdsQuery query = new HsdsQuery("taxonomies t")
                .where("to_tsvector('passerelle_simple', concat_ws(' ', t.name, t.description))"
                        + " @@ websearch_to_tsquery('passerelle_simple', :search)", "search", blankToNull(search));
        return answer(query, "taxonomy", HsdsShape.full("taxonomy"), Function.identity(), page, perPage, format);
    }

    @GetMapping("/taxonomies/{id}")
    ResponseEntity<?> taxonomy(@PathVariable String id) {
        return one("taxonomy", id, HsdsShape.full("taxonomy"));
    }

    @GetMapping("/taxonomy_terms")
    ResponseEntity<WrittenBody> taxonomyTerms(@RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
            @RequestParam(name = "top_only", required = false) String topOnly,
            @RequestParam(name = "parent_id", required = false) String parentId,
            @RequestParam(required = false) String page,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String format) {
        HsdsQuery query = new HsdsQuery("taxonomy_terms t")
                .where("to_tsvector('passerelle_simple', concat_ws(' ', t.code, t.name, t.description))"
                        + " @@ websearch_to_tsquery('passerelle_simple', :search)", "search", blankToNull(search))
                .where("t.taxonomy_id = :taxonomy", "taxonomy", uuid("taxonomy_id", taxonomyId))
                .where("t.parent_id = :parent", "parent", uuid("parent_id", parentId));
        if (flag("top_only", topOnly)) {
            query.where("t.parent_id is null");
        }
        return answer(query, "taxonomy_term", HsdsShape.full("taxonomy_term"), Function.identity(), page, perPage, format);
    }

    @GetMapping("/taxonomy_terms/{id}")
    ResponseEntity<?> taxonomyTerm(@PathVariable String id) {
        return one("taxonomy_term", id, HsdsShape.full("taxonomy_term"));
    }

    private static HsdsShape organizationShape(boolean fullServices) {
        HsdsShape full = HsdsShape.full("organization");
        return fullServices ? full : full.with("services", HsdsShape.FLAT);
    }

    private ResponseEntity<?> one(String table, String id, HsdsShape shape) {
        UUID wanted = uuidOrNull(id);
        List<Map<String, Object>> found = wanted == null ? List.of() : documents.byIds(table, List.of(wanted), shape);
        if (found.isEmpty()) {
            throw new HsdsRequestException(HttpStatus.NOT_FOUND, "hsds.api.not-found");
        }
        return ResponseEntity.ok().cacheControl(CACHE).body(found.getFirst());
    }

    private ResponseEntity<WrittenBody> answer(HsdsQuery query, String table, HsdsShape shape,
            Function<Map<String, Object>, Map<String, Object>> view, String page, String perPage, String format) {
        if (format != null && format.equalsIgnoreCase("ndjson")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .body(stream(query, table, shape, view));
        }
        if (format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
            throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-format", format);
        }
        int pageNumber = positiveInteger("page", page, 1, Integer.MAX_VALUE);
        int size = positiveInteger("per_page", perPage, DEFAULT_PER_PAGE, MAX_PER_PAGE);
        long total = query.count(jdbc);
        List<UUID> ids = query.ids(jdbc, (long) (pageNumber - 1) * size, size);
        List<Map<String, Object>> contents = documents.byIds(table, ids, shape).stream().map(view).toList();
        long totalPages = total == 0 ? 0 : (total + size - 1) / size;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_items", total);
        body.put("total_pages", totalPages);
        body.put("page_number", pageNumber);
        body.put("size", contents.size());
        body.put("first_page", pageNumber == 1);
        body.put("last_page", pageNumber >= totalPages);
        body.put("empty", contents.isEmpty());
        body.put("contents", contents);
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.APPLICATION_JSON)
                .body(out -> JsonMapper.shared().writeValue(out, body));
    }

    /** Every match, one JSON document per line, read a batch at a time so memory stays flat. */
    private WrittenBody stream(HsdsQuery query, String table, HsdsShape shape,
            Function<Map<String, Object>, Map<String, Object>> view) {
        return out -> {
            UUID after = null;
            while (true) {
                List<UUID> ids = query.idsAfter(jdbc, after, 500);
                if (ids.isEmpty()) {
                    return;
                }
                for (Map<String, Object> document : documents.byIds(table, ids, shape)) {
                    writeLine(out, view.apply(document));
                }
                after = ids.getLast();
            }
        };
    }

    private static void writeLine(OutputStream out, Map<String, Object> document) throws IOException {
        out.write(JsonMapper.shared().writeValueAsBytes(document));
        out.write('\n');
    }

    /** {@code minimal=true}: what a synchroniser needs to know whether to fetch a service again. */
    private static Map<String, Object> minimalService(Map<String, Object> service) {
        Map<String, Object> minimal = new LinkedHashMap<>();
        for (String field : List.of("id", "name", "status", "last_modified")) {
            if (service.containsKey(field)) {
                minimal.put(field, service.get(field));
            }
        }
        return minimal;
    }

    @ExceptionHandler(HsdsRequestException.class)
    ResponseEntity<Map<String, Object>> refused(HsdsRequestException refusal, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", refusal.status().value());
        body.put("error", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-boolean", name);
        };
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        UUID id = uuidOrNull(value);
        if (id == null) {
            throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-uuid", name);
        }
        return id;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value.strip().length() == 36 ? UUID.fromString(value.strip()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static java.sql.Timestamp dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value.strip()).toInstant();
            return java.sql.Timestamp.from(instant);
        } catch (DateTimeParseException e) {
            throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-datetime", name);
        }
    }

    private static int positiveInteger(String name, String value, int whenAbsent, int max) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1 || number > max) {
                throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-range", name, 1, max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-range", name, 1, max);
        }
    }

    private static double positiveNumber(String name, String value) {
        try {
            double number = Double.parseDouble(value.strip());
            if (!(number > 0) || Double.isInfinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new HsdsRequestException(HttpStatus.BAD_REQUEST, "hsds.api.bad-number", name);
        }
    }

    /** A request the API cannot answer as asked: a bad parameter, or a record that is not there. */
    static final class HsdsRequestException extends RuntimeException {

        private final HttpStatus status;
        private final String messageKey;
        private final Object[] arguments;

        HsdsRequestException(HttpStatus status, String messageKey, Object... arguments) {
            super(messageKey, null, false, false);
            this.status = status;
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        HttpStatus status() {
            return status;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments;
        }
    }
}
