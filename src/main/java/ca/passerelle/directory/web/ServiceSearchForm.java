package ca.passerelle.directory.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ca.passerelle.directory.DirectorySearch;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * The directory search as a page's address carries it, so a search can be bookmarked, shared
 * and reloaded: {@code /services?q=refuge&domain=health&province=QC&open247=true}.
 */
public record ServiceSearchForm(String q, List<String> domain, String province, String city, String language,
        Boolean open247, Integer page) {

    public DirectorySearch toSearch() {
        Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        if (domain != null) {
            domain.forEach(code -> NeedDomain.fromCode(code).ifPresent(domains::add));
        }
        return new DirectorySearch(q, domains, Province.fromCode(province).orElse(null), city,
                language != null && language.matches("[A-Za-z]{2,3}") ? language : null,
                Boolean.TRUE.equals(open247), page == null ? 1 : page);
    }

    /** A value the person typed or chose that Passerelle does not know, to say so rather than ignore it silently. */
    public boolean hasUnknownFilter() {
        return province != null && !province.isBlank() && Province.fromCode(province).isEmpty()
                || domain != null && domain.stream().anyMatch(code -> !code.isBlank() && NeedDomain.fromCode(code).isEmpty())
                || language != null && !language.isBlank() && !language.matches("[A-Za-z]{2,3}");
    }

    public boolean selected(NeedDomain candidate) {
        return domain != null && domain.contains(candidate.code());
    }
}
