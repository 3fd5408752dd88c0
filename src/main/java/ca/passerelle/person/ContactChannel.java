package ca.passerelle.person;

/** How a person agrees to be reached; every notice about them respects it. */
public enum ContactChannel {
    PHONE,
    TEXT_MESSAGE,
    EMAIL,
    IN_PERSON,
    /** "Do not contact me directly: go through the worker who referred me." */
    THROUGH_WORKER;

    /** Whether reaching the person this way needs a number or an address. */
    public boolean needsSafeContact() {
        return this == PHONE || this == TEXT_MESSAGE || this == EMAIL;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
