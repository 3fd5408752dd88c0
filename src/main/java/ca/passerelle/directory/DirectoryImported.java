package ca.passerelle.directory;

/**
 * Directory data arrived in bulk (an HSDS import, the demo directory): whoever keeps a copy of
 * the directory should reload it rather than wait for one event per service.
 *
 * @param services how many services were added or changed
 */
public record DirectoryImported(int services) {
}
