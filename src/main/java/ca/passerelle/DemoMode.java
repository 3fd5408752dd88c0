package ca.passerelle;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Whether Passerelle runs with its fictional demo directory (and, in demo, its documented demo
 * account). On by default with the embedded database, off with an external one.
 */
public record DemoMode(boolean enabled) {

    /** The seed of the demo directory: the same records, with the same ids, on every machine. */
    public static final long DIRECTORY_SEED = 2009;

    /**
     * The id the demo directory gives a record: {@code kind} is the HSDS table, {@code n} the
     * organisation's number, {@code k} the record's number within it. The demo network's member
     * organisations are linked to their own directory entries by these ids.
     */
    public static UUID directoryRecordId(long seed, String kind, int n, int k) {
        return UUID.nameUUIDFromBytes(("passerelle-demo:" + seed + ":" + kind + ":" + n + ":" + k).getBytes(StandardCharsets.UTF_8));
    }

    /** The demo directory's {@code n}-th organisation. */
    public static UUID directoryOrganization(int n) {
        return directoryRecordId(DIRECTORY_SEED, "organization", n, 0);
    }
}
