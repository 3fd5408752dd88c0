package ca.passerelle.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A form read from a page the way a browser sees it, filled in field by field and submitted:
 * what is typed, ticked and selected, hidden fields and the CSRF token included.
 */
public final class HtmlForm {

    private final String action;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    private HtmlForm(String action) {
        this.action = action;
    }

    /** The first form of {@code html} matching {@code selector} (a CSS selector such as {@code form.curation}). */
    public static HtmlForm of(String html, String selector) {
        Document page = Jsoup.parse(html);
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("no form " + selector + " on the page");
        }
        HtmlForm read = new HtmlForm(form.attr("action"));
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    Element option = selected != null ? selected : input.selectFirst("option");
                    if (option != null) {
                        read.fields.add(Map.entry(name, option.attr("value")));
                    }
                }
                case "textarea" -> read.fields.add(Map.entry(name, input.text()));
                default -> {
                    String type = input.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                        continue;
                    }
                    if (!type.equals("submit")) {
                        read.fields.add(Map.entry(name, input.attr("value")));
                    }
                }
            }
        }
        return read;
    }

    /** Types or chooses {@code values} in the field, replacing what it held. */
    public HtmlForm set(String name, String... values) {
        fields.removeIf(field -> field.getKey().equals(name));
        for (String value : values) {
            fields.add(Map.entry(name, value));
        }
        return this;
    }

    /** Unticks a checkbox, or empties a field. */
    public HtmlForm clear(String name) {
        fields.removeIf(field -> field.getKey().equals(name));
        return this;
    }

    public String value(String name) {
        return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public String action() {
        return action;
    }

    public String encoded() {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
