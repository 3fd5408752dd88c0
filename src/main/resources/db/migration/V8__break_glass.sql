-- Break-glass: a person opening a record outside their normal access, with the reason they gave.
-- The access lasts until expires_at; rows are never changed or removed by the application.
create table break_glass (
    id           uuid primary key,
    account      uuid not null references accounts (id),
    organisation uuid not null references network_organisations (id),
    record_type  text not null,
    record_id    text not null,
    reason       text not null,
    opened_at    timestamptz not null,
    expires_at   timestamptz not null
);
create index break_glass_by_record on break_glass (account, record_type, record_id, expires_at);
create index break_glass_by_organisation on break_glass (organisation, opened_at);
revoke update, delete, truncate on break_glass from passerelle_app;
