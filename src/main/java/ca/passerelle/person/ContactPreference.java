package ca.passerelle.person;

/**
 * How, when and in which language a person agrees to be reached.
 *
 * @param safeContact a number or address that is safe to use, when the channel needs one
 * @param times       when it is safe, in the person's words
 * @param language    the language to use, as a code such as {@code fr}
 */
public record ContactPreference(ContactChannel channel, String safeContact, String times, String language) {
}
