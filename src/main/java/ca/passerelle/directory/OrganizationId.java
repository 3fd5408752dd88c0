package ca.passerelle.directory;

import java.util.Optional;
import java.util.UUID;

/** The id of an organisation in the directory, the same as its HSDS id. */
public record OrganizationId(UUID value) {

    public static Optional<OrganizationId> parse(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(new OrganizationId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
