package ca.passerelle.directory.hsds;

/**
 * What is wrong with one row or field of an HSDS file: where (a file and row, or a JSON path),
 * which field, and why, as a message key with its arguments so it reads in the person's language.
 */
public record ImportProblem(String where, String field, String messageKey, Object... arguments) {
}
