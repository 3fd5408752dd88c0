package ca.passerelle.directory;

/**
 * What a person at a service says about its capacity, in one click or two: the figures are
 * still right, one place was taken or freed, it is full, or here are new figures.
 */
public sealed interface CapacityChange {

    record StillCorrect() implements CapacityChange {
    }

    record PlaceTaken() implements CapacityChange {
    }

    record PlaceFreed() implements CapacityChange {
    }

    record Full() implements CapacityChange {
    }

    /** New figures; a {@code null} status follows from the places free. */
    record Figures(String status, Integer available, Integer maximum) implements CapacityChange {
    }

    /**
     * The capacity after this change, as of {@code now}: places never below zero nor above the
     * total, and a status that agrees with them.
     */
    default Capacity applyTo(Capacity current, java.time.Instant now) {
        Integer maximum = current.maximum();
        Integer available = current.available();
        String status = current.status();
        switch (this) {
            case StillCorrect still -> { }
            case PlaceTaken taken -> available = available == null ? null : Math.max(0, available - 1);
            case PlaceFreed freed -> available = available == null ? 1 : available + 1;
            case Full full -> {
                available = 0;
                status = "full";
            }
            case Figures figures -> {
                maximum = figures.maximum();
                available = figures.available();
                status = figures.status();
            }
        }
        if (available != null && maximum != null && available > maximum) {
            available = maximum;
        }
        if (!(this instanceof StillCorrect) && !(this instanceof Figures f && f.status() != null)) {
            status = available == null ? status : available > 0 ? "accepting" : "waitlist".equals(status) ? "waitlist" : "full";
        }
        return new Capacity(status, available, maximum, current.unit(), now);
    }
}
