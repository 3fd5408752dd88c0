package ca.passerelle.matching;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ca.passerelle.directory.DirectoryFacts;
import ca.passerelle.directory.DirectoryImported;
import ca.passerelle.directory.ServiceChanged;
import ca.passerelle.directory.ServiceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the matcher's index a faithful copy of the directory: built whole at start-up, after the
 * demo directory is in, then updated after every committed change. Changes are applied on one
 * thread, a burst at a time: the services changed are read again in one query and replace their
 * old entries; an import, or more changes than {@link #REBUILD_AFTER}, rebuilds the whole index.
 * A change read before the rebuild began is in it; one that arrives during it is applied after.
 * Changes committed before the start-up build (the demo directory loading, a batch at a time) are
 * in it too, so they are not followed: rebuilding after each batch kept the other core busy for
 * as long as the load took (773 s of rebuilds during a 714 s load of 250,000 services), for an
 * index nobody could search before the start-up build.
 */
@Component
@Order(10)
class DirectoryFollower implements ApplicationRunner {

    /** Changes the small segment takes before the whole index is rebuilt (each change rebuilds the small segment). */
    static final int REBUILD_AFTER = 5_000;

    private static final Logger log = LoggerFactory.getLogger(DirectoryFollower.class);

    private final DirectoryFacts directory;
    private final Matcher matcher;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("match-index").daemon().factory());
    private final Set<ServiceId> changed = new HashSet<>();
    private boolean rebuildAsked;
    private boolean scheduled;
    /** Set as the start-up build begins: a change committed before it is read by it. */
    private volatile boolean following;

    DirectoryFollower(DirectoryFacts directory, Matcher matcher) {
        this.directory = directory;
        this.matcher = matcher;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        following = true;
        worker.submit(this::rebuild).get();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ServiceChanged event) {
        if (!following) {
            return;
        }
        synchronized (this) {
            changed.add(event.service());
        }
        catchUpSoon(0);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DirectoryImported event) {
        if (!following) {
            return;
        }
        synchronized (this) {
            rebuildAsked = true;
        }
        catchUpSoon(0);
    }

    private synchronized void catchUpSoon(long delayMillis) {
        if (!scheduled) {
            scheduled = true;
            worker.schedule(this::catchUp, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void catchUp() {
        Set<ServiceId> ids;
        boolean whole;
        synchronized (this) {
            scheduled = false;
            ids = Set.copyOf(changed);
            changed.clear();
            whole = rebuildAsked || matcher.index().changedSince() + ids.size() > REBUILD_AFTER;
            rebuildAsked = false;
        }
        try {
            if (whole) {
                rebuild();
            } else if (!ids.isEmpty()) {
                matcher.use(matcher.index().with(ids, directory.of(ids)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not bring the match index up to date; trying again in a second", e);
            synchronized (this) {
                changed.addAll(ids);
                rebuildAsked |= whole;
            }
            catchUpSoon(1_000);
        }
    }

    private void rebuild() {
        long start = System.nanoTime();
        Segment.Builder whole = new Segment.Builder();
        directory.forEach(whole::add);
        matcher.use(ServiceIndex.of(whole.build()));
        log.info("Match index of {} services built in {} ms", whole.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
