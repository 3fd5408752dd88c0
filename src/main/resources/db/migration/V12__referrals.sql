-- Referrals between member organisations and the steps of their loop. The person stays in the
-- sender's records (the foreign key makes the database refuse a referral of someone else's
-- person); the receiver sees them only through the share check. The sender's words (why, how to
-- reach the person, notes on each step) are sealed by the application.
create table referrals (
    id             uuid primary key,
    sender         uuid not null references network_organisations (id),
    sent_by        uuid not null references accounts (id),
    person         uuid not null,
    -- no foreign key: an HSDS import may replace the directory, the referral stays
    service        uuid not null,
    receiver       uuid not null references network_organisations (id),
    urgency        text not null,
    reason         bytea not null,
    contact_plan   bytea,
    created_at     timestamptz not null,
    status         text not null,
    status_at      timestamptz not null,
    -- when the next follow-up is due if nobody answers; null once answered
    answer_due_at  timestamptz,
    reminders      integer not null default 0,
    expected_on    date,
    version        integer not null,
    foreign key (person, sender) references persons (id, organisation)
);
create index referrals_by_sender on referrals (sender, status, status_at);
create index referrals_by_receiver on referrals (receiver, status, status_at);
create index referrals_by_person on referrals (person);
create index referrals_due on referrals (answer_due_at) where answer_due_at is not null;

create table referral_steps (
    referral      uuid not null references referrals (id),
    position      integer not null,
    status        text not null,
    at            timestamptz not null,
    by_account    uuid references accounts (id),
    organisation  uuid references network_organisations (id),
    reason        text,
    note          bytea,
    expected_on   date,
    primary key (referral, position)
);

-- Both ends of a referral see it; nobody else does.
alter table referrals enable row level security;
create policy referrals_read on referrals for select
    using (passerelle_organisation() is null or passerelle_organisation() in (sender, receiver));
create policy referrals_change on referrals for update
    using (passerelle_organisation() is null or passerelle_organisation() in (sender, receiver));
create policy referrals_add on referrals for insert
    with check (passerelle_organisation() is null or sender = passerelle_organisation());

alter table referral_steps enable row level security;
create policy referral_steps_read on referral_steps for select
    using (exists (select 1 from referrals r where r.id = referral));
create policy referral_steps_add on referral_steps for insert
    with check (exists (select 1 from referrals r where r.id = referral));

-- The loop's history is never rewritten nor erased.
revoke delete on referrals from passerelle_app;
revoke delete, update on referral_steps from passerelle_app;
