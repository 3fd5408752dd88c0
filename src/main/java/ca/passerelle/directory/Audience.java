package ca.passerelle.directory;

/**
 * Who reads the directory: the public, who never see where a confidential location is, or
 * signed-in staff, who do.
 */
public enum Audience {
    PUBLIC, STAFF
}
