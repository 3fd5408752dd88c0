package ca.passerelle.directory;

import java.util.Set;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * What a person looks for in the directory. Every part is optional; empty, it lists everything.
 *
 * @param text words in French or English, accents and case ignored
 * @param domains services meeting any of these needs
 * @param province services there, or serving all of it
 * @param city services with a site in this city
 * @param language an ISO 639 code of a language the service speaks
 * @param open247 only services open around the clock
 * @param page which page of results, from 1
 */
public record DirectorySearch(String text, Set<NeedDomain> domains, Province province, String city, String language,
        boolean open247, int page) {

    public static final int PAGE_SIZE = 20;

    public DirectorySearch {
        text = text == null || text.isBlank() ? null : text.strip();
        city = city == null || city.isBlank() ? null : city.strip();
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        page = Math.max(1, page);
    }

    public boolean isEmpty() {
        return text == null && domains.isEmpty() && province == null && city == null && language == null && !open247;
    }
}
