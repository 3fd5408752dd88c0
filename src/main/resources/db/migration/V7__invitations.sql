-- An invitation to join an organisation: a single-use link that expires. Only the SHA-256 of its
-- token is kept, so the link cannot be rebuilt from the database.
create table invitations (
    token_hash   bytea primary key,
    organisation uuid not null references network_organisations (id),
    email        text not null,
    display_name text not null,
    roles        text[] not null check (cardinality(roles) > 0),
    invited_by   uuid not null references accounts (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    account      uuid references accounts (id)
);
create index invitations_by_organisation on invitations (organisation, created_at);
