package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Builds the nested JSON documents of HSDS (a service with its organization, locations, phones
 * and the rest) from the tables: one query per nested property for a whole batch of rows, and
 * the attributes and metadata of every record in the documents read together at the end.
 */
@Component
public class HsdsDocuments {

    private static final String ATTRIBUTES = "attributes";
    private static final String METADATA = "metadata";

    private final HsdsRows rows;
    private final HsdsSchema schema = HsdsSchema.official();

    HsdsDocuments(HsdsRows rows) {
        this.rows = rows;
    }

    /** The documents of {@code table} rows with these ids, in the order of {@code ids}. */
    public List<Map<String, Object>> byIds(String table, List<UUID> ids, HsdsShape shape) {
        List<Map<String, Object>> found = rows.where(schema.table(table), "id", ids);
        Map<Object, Map<String, Object>> documents = new HashMap<>();
        List<Map<String, Object>> rendered = render(table, found, shape);
        for (int i = 0; i < found.size(); i++) {
            documents.put(found.get(i).get("id"), rendered.get(i));
        }
        return ids.stream().map(documents::get).filter(Objects::nonNull).toList();
    }

    /** Renders {@code rows} of {@code table}, nesting what {@code shape} asks for. */
    public List<Map<String, Object>> render(String table, List<Map<String, Object>> rows, HsdsShape shape) {
        Pending pending = new Pending();
        List<Map<String, Object>> documents = render(table, rows, shape, pending);
        pending.resolve();
        return documents;
    }

    private List<Map<String, Object>> render(String table, List<Map<String, Object>> rows, HsdsShape shape, Pending pending) {
        HsdsTable definition = schema.table(table);
        List<Map<String, Object>> documents = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> document = new LinkedHashMap<>();
            for (HsdsField field : definition.fields()) {
                Object value = field.toJson(row.get(field.name()));
                if (value != null) {
                    document.put(field.name(), value);
                }
            }
            documents.add(document);
        }
        if (rows.isEmpty()) {
            return documents;
        }
        for (HsdsNesting.Link link : HsdsNesting.linksOf(table)) {
            HsdsShape nestedShape = shape.nested().get(link.property());
            if (nestedShape == null) {
                continue;
            }
            if (link.property().equals(ATTRIBUTES) || link.property().equals(METADATA)) {
                for (int i = 0; i < rows.size(); i++) {
                    pending.later(link.property(), (UUID) rows.get(i).get("id"), documents.get(i), nestedShape);
                }
            } else {
                nest(rows, documents, link, nestedShape, pending);
            }
        }
        return documents;
    }

    private void nest(List<Map<String, Object>> parents, List<Map<String, Object>> documents,
            HsdsNesting.Link link, HsdsShape shape, Pending pending) {
        HsdsTable childTable = schema.table(link.table());
        if (link.childRefersToParent()) {
            List<UUID> parentIds = parents.stream().map(p -> (UUID) p.get("id")).toList();
            List<Map<String, Object>> children = rows.where(childTable, link.field(), parentIds);
            List<Map<String, Object>> rendered = render(link.table(), children, shape, pending);
            Map<Object, List<Map<String, Object>>> byParent = new HashMap<>();
            for (int i = 0; i < children.size(); i++) {
                byParent.computeIfAbsent(children.get(i).get(link.field()), k -> new ArrayList<>()).add(rendered.get(i));
            }
            for (int i = 0; i < parents.size(); i++) {
                documents.get(i).put(link.property(), byParent.getOrDefault(parents.get(i).get("id"), List.of()));
            }
        } else {
            List<UUID> childIds = parents.stream().map(p -> (UUID) p.get(link.field())).toList();
            List<Map<String, Object>> children = rows.where(childTable, "id", childIds);
            List<Map<String, Object>> rendered = render(link.table(), children, shape, pending);
            Map<Object, Map<String, Object>> byId = new HashMap<>();
            for (int i = 0; i < children.size(); i++) {
                byId.put(children.get(i).get("id"), rendered.get(i));
            }
            for (int i = 0; i < parents.size(); i++) {
                Map<String, Object> child = byId.get(parents.get(i).get(link.field()));
                if (child != null) {
                    documents.get(i).put(link.property(), child);
                }
            }
        }
    }

    /**
     * The attributes and metadata still to nest: every record in a document has them, and most
     * have none, so they are read for all records at once rather than once per level.
     */
    private final class Pending {

        private record Wanted(UUID id, Map<String, Object> document, HsdsShape shape) {
        }

        private final Map<String, List<Wanted>> wanted = new HashMap<>();

        void later(String property, UUID id, Map<String, Object> document, HsdsShape shape) {
            document.put(property, List.of());
            wanted.computeIfAbsent(property, p -> new ArrayList<>()).add(new Wanted(id, document, shape));
        }

        /** Attributes first (their terms bring more metadata to read), then metadata. */
        void resolve() {
            for (String property : List.of(ATTRIBUTES, METADATA)) {
                List<Wanted> requests = wanted.remove(property);
                if (requests == null) {
                    continue;
                }
                String table = property.equals(ATTRIBUTES) ? "attribute" : "metadata";
                String field = property.equals(ATTRIBUTES) ? "link_id" : "resource_id";
                List<Map<String, Object>> children = rows.where(schema.table(table), field,
                        requests.stream().map(Wanted::id).toList());
                List<Map<String, Object>> rendered = render(table, children, requests.getFirst().shape(), this);
                Map<Object, List<Map<String, Object>>> byParent = new HashMap<>();
                for (int i = 0; i < children.size(); i++) {
                    byParent.computeIfAbsent(children.get(i).get(field), k -> new ArrayList<>()).add(rendered.get(i));
                }
                for (Wanted request : requests) {
                    request.document().put(property, byParent.getOrDefault(request.id(), List.of()));
                }
            }
        }
    }
}
