package ca.passerelle.directory.hsds;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One field of an HSDS table, as the official tabular data package defines it, and how its
 * values are read from a file, stored and written back without loss.
 */
public record HsdsField(String name, Type type, boolean required, List<String> allowed) {

    public enum Type { UUID, TEXT, URI, EMAIL, NUMBER, DATE, DATETIME, TIME }

    public boolean isReference() {
        return type == Type.UUID && !name.equals("id");
    }

    /**
     * The stored value of a value read from CSV (always text) or JSON (text, number or boolean).
     * Blank text is absent. A value that does not fit the field is refused with the reason.
     */
    public Object parse(Object raw) throws InvalidValue {
        if (raw == null || (raw instanceof String text && text.isBlank())) {
            return null;
        }
        String text = raw instanceof BigDecimal number ? number.toPlainString() : raw.toString();
        try {
            Object value = switch (type) {
                case UUID -> java.util.UUID.fromString(checkedUuid(text.strip()));
                case NUMBER -> raw instanceof BigDecimal number ? number : new BigDecimal(text.strip());
                case DATE -> LocalDate.parse(text.strip());
                case DATETIME -> OffsetDateTime.parse(text.strip()).toInstant();
                case TIME -> LocalTime.parse(text.strip());
                case URI -> checkedUri(text);
                case EMAIL -> checkedEmail(text);
                case TEXT -> text;
            };
            if (!allowed.isEmpty() && !allowed.contains(value.toString())) {
                throw new InvalidValue("hsds.invalid.enum", String.join(", ", allowed));
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidValue("hsds.invalid.number");
        } catch (DateTimeParseException e) {
            throw new InvalidValue("hsds.invalid." + type.name().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("hsds.invalid.uuid");
        }
    }

    /** The value as JSON writes it: numbers as numbers, everything else as text. */
    public Object toJson(Object stored) {
        return switch (stored) {
            case null -> null;
            case BigDecimal number -> number.stripTrailingZeros().scale() <= 0
                    ? number.toBigIntegerExact() : number.stripTrailingZeros();
            default -> toText(stored);
        };
    }

    /** The value as a CSV cell writes it. */
    public String toText(Object stored) {
        return switch (stored) {
            case null -> null;
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case OffsetDateTime dateTime -> dateTime.toInstant().toString();
            case LocalTime time -> time.format(DateTimeFormatter.ISO_LOCAL_TIME);
            default -> stored.toString();
        };
    }

    /** Reads this field's column from a database row, as {@link #parse} would have made it. */
    public Object read(ResultSet row) throws SQLException {
        return switch (type) {
            case UUID -> row.getObject(name, java.util.UUID.class);
            case NUMBER -> row.getBigDecimal(name);
            case DATE -> row.getObject(name, LocalDate.class);
            case DATETIME -> {
                OffsetDateTime dateTime = row.getObject(name, OffsetDateTime.class);
                yield dateTime == null ? null : dateTime.toInstant();
            }
            case TIME -> row.getObject(name, LocalTime.class);
            case TEXT, URI, EMAIL -> row.getString(name);
        };
    }

    private static String checkedUuid(String text) {
        if (text.length() != 36) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    private static String checkedUri(String text) throws InvalidValue {
        try {
            if (new URI(text.strip()).getScheme() == null) {
                throw new InvalidValue("hsds.invalid.uri");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new InvalidValue("hsds.invalid.uri");
        }
    }

    private static String checkedEmail(String text) throws InvalidValue {
        String email = text.strip();
        int at = email.indexOf('@');
        if (at < 1 || at == email.length() - 1 || email.indexOf('@', at + 1) >= 0 || email.contains(" ")) {
            throw new InvalidValue("hsds.invalid.email");
        }
        return text;
    }

    /** Why a value does not fit its field, as a message key and its arguments. */
    public static final class InvalidValue extends Exception {

        private final String messageKey;
        private final Object[] arguments;

        public InvalidValue(String messageKey, Object... arguments) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments;
        }
    }
}
