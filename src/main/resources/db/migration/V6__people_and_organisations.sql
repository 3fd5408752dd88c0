-- The network's member organisations and the people who work in them. An account signs in; a
-- membership says which roles it holds in one organisation. Nothing here is ever deleted:
-- the audit trail keeps pointing at it.
create table network_organisations (
    id                     uuid primary key,
    name                   text not null,
    -- the organisation's own entry in the directory, when it has one; no foreign key, so that
    -- replacing the directory (an HSDS import) never touches the network's membership
    directory_organization uuid,
    demo                   boolean not null default false,
    created_at             timestamptz not null
);

create table accounts (
    id                   uuid primary key,
    email                text not null,
    display_name         text not null,
    password_hash        text not null,
    -- base32 TOTP secret, absent until the second factor is set up
    totp_secret          text,
    -- the last time step whose code was accepted: a code is never accepted twice
    last_totp_step       bigint not null default 0,
    enabled              boolean not null default true,
    demo                 boolean not null default false,
    -- sessions begun before this instant are over (disabling an account moves it to now)
    sessions_valid_after timestamptz not null,
    created_at           timestamptz not null
);
create unique index accounts_by_email on accounts (lower(email));

create table memberships (
    account      uuid not null references accounts (id),
    organisation uuid not null references network_organisations (id),
    roles        text[] not null check (cardinality(roles) > 0),
    primary key (account, organisation)
);
create index memberships_by_organisation on memberships (organisation);

-- One-time codes to sign in without the authenticator; only their SHA-256 is kept.
create table recovery_codes (
    account   uuid not null references accounts (id),
    code_hash bytea not null,
    used_at   timestamptz,
    primary key (account, code_hash)
);
