package ca.passerelle.audit;

import java.util.Optional;

/**
 * What the verifier found: how many rows it checked and the first place where the chain breaks.
 *
 * @param checked the rows read, up to and including the first break
 */
public record Verification(long checked, Optional<Break> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** The row at {@code position} is where the chain stops holding, for the reason {@code kind}. */
    public record Break(long position, Kind kind) {
    }

    public enum Kind {
        /** The row no longer matches its seal: its content or its position was changed. */
        ALTERED,
        /** One or more rows before this one are gone. */
        MISSING,
        /** The row does not follow the one before it: rows were put in another order. */
        OUT_OF_ORDER
    }

    @Override
    public String toString() {
        return firstBreak.map(broken -> "Audit trail BROKEN at row " + broken.position() + " (" + broken.kind()
                        + "), after " + (checked - 1) + " intact rows")
                .orElse("Audit trail intact: " + checked + " rows checked");
    }
}
