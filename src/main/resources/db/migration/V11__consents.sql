-- A person's consent to share what their organisation knows of them, and the shares made without
-- it because of imminent danger. Both belong to the person's organisation, which the foreign key
-- on (person, organisation) makes the database guarantee: no organisation records a consent for
-- someone else's person.
alter table persons add constraint persons_id_and_organisation unique (id, organisation);

create table consents (
    id            uuid primary key,
    organisation  uuid not null,
    person        uuid not null,
    categories    text[] not null check (cardinality(categories) > 0),
    -- the member organisations the information may reach
    recipients    uuid[] not null check (cardinality(recipients) > 0),
    purpose       text not null,
    given_as      text not null,
    explained_in  text not null,
    -- the last day covered, in UTC
    expires_on    date not null,
    recorded_by   uuid not null references accounts (id),
    recorded_at   timestamptz not null,
    withdrawn_at  timestamptz,
    withdrawn_by  uuid references accounts (id),
    foreign key (person, organisation) references persons (id, organisation)
);
create index consents_by_person on consents (person, recorded_at);

-- Shares without consent because the person is in imminent danger: time-bound, the reason sealed
-- by the application (it may describe the danger).
create table vital_interest_shares (
    id            uuid primary key,
    organisation  uuid not null,
    person        uuid not null,
    recipient     uuid not null references network_organisations (id),
    reason        bytea not null,
    invoked_by    uuid not null references accounts (id),
    invoked_at    timestamptz not null,
    expires_at    timestamptz not null,
    foreign key (person, organisation) references persons (id, organisation)
);
create index vital_interest_shares_by_person on vital_interest_shares (person, recipient, expires_at);

alter table consents enable row level security;
create policy consents_read on consents for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy consents_change on consents for update
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy consents_add on consents for insert
    with check (passerelle_organisation() is null or organisation = passerelle_organisation());

alter table vital_interest_shares enable row level security;
create policy vital_interest_shares_read on vital_interest_shares for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy vital_interest_shares_add on vital_interest_shares for insert
    with check (passerelle_organisation() is null or organisation = passerelle_organisation());

-- A consent is never erased nor rewritten, only withdrawn; a vital-interest share is never changed.
revoke delete, update on consents from passerelle_app;
grant update (withdrawn_at, withdrawn_by) on consents to passerelle_app;
revoke delete, update on vital_interest_shares from passerelle_app;
