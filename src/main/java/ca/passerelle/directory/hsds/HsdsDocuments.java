package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Builds the nested JSON documents of HSDS (a service with its organization, locations, phones
 * and the rest) from the tables, one query per nested property for a whole batch of rows rather
 * than one per row.
 */
@Component
public class HsdsDocuments {

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
        return ids.stream().map(documents::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Renders {@code rows} of {@code table}, nesting what {@code shape} asks for. */
    public List<Map<String, Object>> render(String table, List<Map<String, Object>> rows, HsdsShape shape) {
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
            if (nestedShape != null) {
                nest(rows, documents, link, nestedShape);
            }
        }
        return documents;
    }

    private void nest(List<Map<String, Object>> parents, List<Map<String, Object>> documents,
            HsdsNesting.Link link, HsdsShape shape) {
        HsdsTable childTable = schema.table(link.table());
        if (link.childRefersToParent()) {
            List<UUID> parentIds = parents.stream().map(p -> (UUID) p.get("id")).toList();
            List<Map<String, Object>> children = rows.where(childTable, link.field(), parentIds);
            List<Map<String, Object>> rendered = render(link.table(), children, shape);
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
            List<Map<String, Object>> rendered = render(link.table(), children, shape);
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
}
