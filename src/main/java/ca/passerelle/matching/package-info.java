/**
 * Finds the right services for a person's needs in microseconds: an in-memory index of the
 * directory, built at start-up and kept current from the directory's events, ranked and
 * explained. The database stays the source of truth.
 */
package ca.passerelle.matching;
