/**
 * The append-only, hash-chained audit trail: who did what to which record, when, from where and
 * why, never the data itself. Nothing else writes it.
 */
package ca.passerelle.audit;
