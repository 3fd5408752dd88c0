package ca.passerelle.shared;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Canada's provinces and territories, by their postal abbreviation. The time zone is the one
 * most of the population lives in; it decides what "open now" means for a service there.
 */
public enum Province {
    AB("America/Edmonton"),
    BC("America/Vancouver"),
    MB("America/Winnipeg"),
    NB("America/Moncton"),
    NL("America/St_Johns"),
    NS("America/Halifax"),
    NT("America/Yellowknife"),
    NU("America/Iqaluit"),
    ON("America/Toronto"),
    PE("America/Halifax"),
    QC("America/Toronto"),
    SK("America/Regina"),
    YT("America/Whitehorse");

    private final ZoneId zone;

    Province(String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public String code() {
        return name();
    }

    /** The message key of the province's name. */
    public String messageKey() {
        return "province." + name();
    }

    public static Optional<Province> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst();
    }
}
