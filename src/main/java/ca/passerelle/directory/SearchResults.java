package ca.passerelle.directory;

import java.util.List;

/** One page of services matching a search, and how many match in all. */
public record SearchResults(List<ServiceSummary> services, long total, int page, int pages) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
