package ca.passerelle.directory;

/**
 * A curator changed a service, its capacity or its organisation: whoever keeps a copy of the
 * directory reloads this one service.
 *
 * @param service the service that changed
 */
public record ServiceChanged(ServiceId service) {
}
