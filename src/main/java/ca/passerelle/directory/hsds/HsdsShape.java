package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nested properties a JSON answer holds, recursively: a full service nests its
 * organization, locations and the rest; a list item nests little or nothing.
 */
public record HsdsShape(Map<String, HsdsShape> nested) {

    public static final HsdsShape FLAT = new HsdsShape(Map.of());

    /** What the official compiled schema of a top-level {@code table} document nests. */
    public static HsdsShape full(String table) {
        return full(table, List.of(table));
    }

    /** A list item: the row with only the named properties nested, flat. */
    public static HsdsShape withFlat(String... properties) {
        Map<String, HsdsShape> nested = new LinkedHashMap<>();
        for (String property : properties) {
            nested.put(property, FLAT);
        }
        return new HsdsShape(nested);
    }

    /** This shape with {@code property} nested as {@code shape} instead. */
    public HsdsShape with(String property, HsdsShape shape) {
        Map<String, HsdsShape> copy = new LinkedHashMap<>(nested);
        copy.put(property, shape);
        return new HsdsShape(copy);
    }

    private static HsdsShape full(String table, List<String> path) {
        boolean top = path.size() == 1;
        Map<String, HsdsShape> nested = new LinkedHashMap<>();
        for (HsdsNesting.Link link : HsdsNesting.linksOf(table)) {
            if (path.contains(link.table()) || !top && onlyAtTheTop(table, link)) {
                continue;
            }
            List<String> deeper = new ArrayList<>(path);
            deeper.add(link.table());
            nested.put(link.property(), full(link.table(), deeper));
        }
        return new HsdsShape(nested);
    }

    /** An organization lists its services, and a service at a location names its service, only as documents of their own. */
    private static boolean onlyAtTheTop(String table, HsdsNesting.Link link) {
        return table.equals("organization") && link.property().equals("services")
                || table.equals("service_at_location") && link.property().equals("service");
    }
}
