package ca.passerelle.shared;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern POSTAL_CODE = Pattern.compile("[ABCEGHJKLMNPRSTVXY]\\d[A-Z](\\s*\\d[A-Z]\\d)?",
            Pattern.CASE_INSENSITIVE);

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

    /**
     * The province a Canadian postal code is in, whole ("H2X 1Y4") or its first three characters
     * ("H2X"), as people type it: its first letter says it (Canada Post's regions), which is all a
     * postal code tells without a table of their places, and no openly licensed one could be had.
     * "X0A" to "X0C" are Nunavut's, the rest of "X" the Northwest Territories'.
     */
    public static Optional<Province> ofPostalCode(String typed) {
        if (typed == null || !POSTAL_CODE.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return Optional.of(switch (code.charAt(0)) {
            case 'A' -> NL;
            case 'B' -> NS;
            case 'C' -> PE;
            case 'E' -> NB;
            case 'G', 'H', 'J' -> QC;
            case 'K', 'L', 'M', 'N', 'P' -> ON;
            case 'R' -> MB;
            case 'S' -> SK;
            case 'T' -> AB;
            case 'V' -> BC;
            case 'Y' -> YT;
            default -> code.startsWith("X0A") || code.startsWith("X0B") || code.startsWith("X0C") ? NU : NT;
        });
    }

    public static Optional<Province> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst();
    }
}
