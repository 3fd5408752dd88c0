package ca.passerelle.directory.hsds;

import java.util.Map;

/** A row whose values have been checked against their fields, and where the file wrote it. */
record ParsedRow(String where, Map<String, Object> values) {
}
