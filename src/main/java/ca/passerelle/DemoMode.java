package ca.passerelle;

/**
 * Whether Passerelle runs with its fictional demo directory (and, in demo, its documented demo
 * account). On by default with the embedded database, off with an external one.
 */
public record DemoMode(boolean enabled) {
}
