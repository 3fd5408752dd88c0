package ca.passerelle.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.Province;

/**
 * The directory in memory: a large segment built from the whole directory, and a small one holding
 * the services changed since. A change hides the service's old entry (cleared bits in a copy of
 * the segment's live sets) and rebuilds only the small segment, so an edit is findable in
 * milliseconds whatever the directory's size. Immutable: a change makes a new index, and readers
 * never wait.
 */
final class ServiceIndex {

    private final Segment base;
    private final Segment.Live baseLive;
    private final Map<ServiceId, ServiceFacts> changed;
    private final Segment recent;

    static ServiceIndex of(Iterable<ServiceFacts> directory) {
        return of(Segment.of(directory));
    }

    static ServiceIndex of(Segment base) {
        return new ServiceIndex(base, base.active(), Map.of());
    }

    private ServiceIndex(Segment base, Segment.Live baseLive, Map<ServiceId, ServiceFacts> changed) {
        this.base = base;
        this.baseLive = baseLive;
        this.changed = changed;
        this.recent = Segment.of(changed.values());
    }

    /**
     * This index with these services as they are now.
     *
     * @param ids     the services that changed
     * @param current how those of them that still exist look now
     */
    ServiceIndex with(Collection<ServiceId> ids, Collection<ServiceFacts> current) {
        Segment.Live live = baseLive.copy();
        Map<ServiceId, ServiceFacts> now = new HashMap<>(changed);
        for (ServiceId id : ids) {
            int slot = base.slotOf(id);
            if (slot >= 0) {
                live.hide(slot);
            }
            now.remove(id);
        }
        current.forEach(facts -> now.put(facts.id(), facts));
        return new ServiceIndex(base, live, now);
    }

    /** How many services changed since the large segment was built: past a point, rebuilding it is cheaper. */
    int changedSince() {
        return changed.size();
    }

    /**
     * The best {@code query.limit()} services meeting every hard constraint, the total meeting
     * them, and (for several domains) a bundle covering them.
     *
     * @param area the province {@code query.near()} is in: services without a site meet the place
     *             only if they serve it
     */
    Search.Found search(MatchQuery query, Province area) {
        Search search = new Search(query, area);
        base.search(query, area, baseLive, search);
        recent.search(query, area, recent.active(), search);
        return search.found();
    }

    /** How many services meet every hard constraint: the total of {@link #search}, without ranking any. */
    int count(MatchQuery query, Province area) {
        Search search = new Search(query, area);
        return base.count(query, area, baseLive, search) + recent.count(query, area, recent.active(), search);
    }

    /**
     * How far from {@code query.near()} the nearest site of a service meeting every hard constraint
     * but the radius is: the least radius that would find it. Infinite when none has a site.
     */
    double nearestKm(MatchQuery query) {
        Search search = new Search(query, null);
        return Math.min(base.nearestKm(query, baseLive, search), recent.nearestKm(query, recent.active(), search));
    }
}
