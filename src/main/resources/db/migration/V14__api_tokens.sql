-- Tokens with which a partner system acts for one staff member, with that member's roles as they
-- are at each request. Only the SHA-256 of a token is kept; it is shown once, when created.
create table api_tokens (
    id            uuid primary key,
    account       uuid not null references accounts (id),
    organisation  uuid not null references network_organisations (id),
    name          text not null,
    token_hash    bytea not null unique,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_tokens_by_account on api_tokens (account, organisation);

alter table api_tokens enable row level security;
create policy api_tokens_read on api_tokens for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy api_tokens_change on api_tokens for update
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy api_tokens_add on api_tokens for insert
    with check (passerelle_organisation() is null or organisation = passerelle_organisation());
revoke delete on api_tokens from passerelle_app;

-- What a partner system's creation request answered, by its Idempotency-Key: a replay returns
-- the same referrals, and the same key with another request is refused.
create table referral_requests (
    organisation     uuid not null references network_organisations (id),
    idempotency_key  text not null,
    request_digest   bytea not null,
    referrals        uuid[] not null,
    created_at       timestamptz not null,
    primary key (organisation, idempotency_key)
);
alter table referral_requests enable row level security;
create policy referral_requests_read on referral_requests for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy referral_requests_add on referral_requests for insert
    with check (passerelle_organisation() is null or organisation = passerelle_organisation());
revoke delete, update on referral_requests from passerelle_app;
