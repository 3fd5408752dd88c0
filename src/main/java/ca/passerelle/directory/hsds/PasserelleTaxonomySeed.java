package ca.passerelle.directory.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.passerelle.shared.Language;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the Passerelle taxonomy and its terms at start-up, named in both languages from the
 * message files, so every installation publishes the same vocabulary under the same ids.
 */
@Component
public class PasserelleTaxonomySeed implements InitializingBean {

    private final HsdsWriter writer;
    private final MessageSource messages;
    private final HsdsSchema schema = HsdsSchema.official();

    PasserelleTaxonomySeed(HsdsWriter writer, MessageSource messages) {
        this.writer = writer;
        this.messages = messages;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Object> taxonomy = new LinkedHashMap<>();
        taxonomy.put("id", PasserelleTaxonomy.ID);
        taxonomy.put("name", bilingual("hsds.taxonomy.name", null));
        taxonomy.put("description", bilingual("hsds.taxonomy.description", null));
        taxonomy.put("uri", PasserelleTaxonomy.URI);
        taxonomy.put("version", "1");
        writer.upsert(schema.table("taxonomy"), List.of(taxonomy));

        List<Map<String, Object>> terms = new ArrayList<>();
        for (PasserelleTaxonomy.Term term : PasserelleTaxonomy.terms()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", term.id());
            row.put("code", term.code());
            row.put("name", bilingual(nameKey(term), term));
            row.put("description", bilingual(descriptionKey(term), term));
            row.put("taxonomy", "Passerelle");
            row.put("taxonomy_id", PasserelleTaxonomy.ID);
            row.put("term_uri", PasserelleTaxonomy.URI + "#" + term.code());
            terms.add(row);
        }
        writer.upsert(schema.table("taxonomy_term"), terms);
    }

    private static String nameKey(PasserelleTaxonomy.Term term) {
        return PasserelleTaxonomy.domainOf(term.code()).map(d -> d.messageKey())
                .orElse(PasserelleTaxonomy.isTranslation(term.code())
                        ? "hsds.term.translation.name" : term.messageKey() + ".name");
    }

    private static String descriptionKey(PasserelleTaxonomy.Term term) {
        if (PasserelleTaxonomy.domainOf(term.code()).isPresent()) {
            return "hsds.term.domain.description";
        }
        return PasserelleTaxonomy.isTranslation(term.code())
                ? "hsds.term.translation.description" : term.messageKey() + ".description";
    }

    /** "English / Français": HSDS has one name per term, and the taxonomy serves both languages. */
    private String bilingual(String key, PasserelleTaxonomy.Term term) {
        return text(key, term, Language.EN) + " / " + text(key, term, Language.FR);
    }

    /** A translation term's text names its language and field: "French text of: description". */
    private String text(String key, PasserelleTaxonomy.Term term, Language language) {
        Object[] arguments = null;
        if (term != null && PasserelleTaxonomy.isTranslation(term.code())) {
            String[] parts = term.code().split("\\.", 3);
            arguments = new Object[] {messages.getMessage("language.name." + parts[1], null, language.locale()), parts[2]};
        }
        return messages.getMessage(key, arguments, language.locale());
    }
}
