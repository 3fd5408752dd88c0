-- The audit trail: who did what to which record, when, from where and why, never the data itself.
-- Rows form a chain in position order: each carries a keyed hash (HMAC-SHA-256, the key lives
-- outside the database) of its own content and of the previous row's hash, so an edited, deleted
-- or reordered row breaks the chain where it happened.
create table audit_trail (
    position           bigint primary key,
    at                 timestamptz not null,
    actor              uuid,
    actor_organisation uuid,
    organisation       uuid,
    action             text not null,
    record_type        text,
    record_id          text,
    outcome            text not null check (outcome in ('granted', 'refused')),
    address            text,
    reason             text,
    previous_hash      bytea not null,
    hash               bytea not null
);
create index audit_trail_by_organisation on audit_trail (organisation, position);
create index audit_trail_by_actor_organisation on audit_trail (actor_organisation, position);

-- Append-only for the application: it may add and read rows, never change or remove one.
revoke update, delete, truncate on audit_trail from passerelle_app;
