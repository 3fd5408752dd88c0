package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import ca.passerelle.directory.DirectoryFacts;
import ca.passerelle.directory.DirectoryImported;
import ca.passerelle.directory.ServiceChanged;
import ca.passerelle.directory.ServiceFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the matcher's index a faithful copy of the directory: built once at start-up, after the
 * demo directory is in, then rebuilt after every committed change. Changes that arrive while a
 * rebuild runs fold into one more rebuild, so a burst of edits costs two builds, not a hundred.
 */
@Component
@Order(10)
class DirectoryFollower implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFollower.class);

    private final DirectoryFacts directory;
    private final Matcher matcher;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("match-index").daemon().factory());
    private final AtomicBoolean rebuildPending = new AtomicBoolean();

    DirectoryFollower(DirectoryFacts directory, Matcher matcher) {
        this.directory = directory;
        this.matcher = matcher;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        build();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ServiceChanged changed) {
        requestRebuild();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DirectoryImported imported) {
        requestRebuild();
    }

    private void requestRebuild() {
        if (rebuildPending.compareAndSet(false, true)) {
            builder.execute(() -> {
                rebuildPending.set(false);
                build();
            });
        }
    }

    private void build() {
        long start = System.nanoTime();
        List<ServiceFacts> facts = new ArrayList<>();
        directory.forEach(facts::add);
        ServiceIndex index = new ServiceIndex(facts);
        matcher.use(index);
        log.info("Match index of {} services built in {} ms", index.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
