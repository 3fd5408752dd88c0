-- The people an organisation supports: a minimal, pseudonymous record owned by one organisation.
-- What could identify a person (the name they chose, their year of birth, a safe way to reach
-- them, when to) is sealed by the application (AES-256-GCM, bound to the row and the field) under
-- a key the database never holds; the name is found again by keyed blind indexes of its words.
create table persons (
    id                uuid primary key,
    organisation      uuid not null references network_organisations (id),
    chosen_name       bytea not null,
    name_words        bytea[] not null,
    birth_year        bytea,
    gender            text,
    languages         text[] not null,
    province          text,
    contact_channel   text not null,
    contact_language  text,
    safe_contact      bytea,
    contact_times     bytea,
    needs             text[] not null,
    recorded_by       uuid not null references accounts (id),
    recorded_at       timestamptz not null,
    version           integer not null
);
create index persons_by_organisation on persons (organisation, recorded_at);
create index persons_by_name_word on persons using gin (name_words);

alter table persons enable row level security;
create policy persons_read on persons for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy persons_change on persons for update
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy persons_remove on persons for delete
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy persons_add on persons for insert
    with check (passerelle_organisation() is null or organisation = passerelle_organisation());
