-- What Passerelle tells staff: a notice in the application for the members of an organisation
-- who hold a permission, and the e-mails that announce it. Neither ever holds personal data of
-- the people served: only what happened, and a link behind sign-in.
create table notices (
    id            uuid primary key,
    organisation  uuid not null references network_organisations (id),
    -- who in the organisation sees it, by permission
    permission    text not null,
    kind          text not null,
    link          text not null,
    created_at    timestamptz not null
);
create index notices_by_organisation on notices (organisation, created_at);

-- The e-mail outbox: written in the same transaction as the notice, sent after, retried with a
-- growing pause while the mail server is away; nothing is deleted, so what was sent stays known.
create table outgoing_mail (
    id               uuid primary key,
    notice           uuid not null references notices (id),
    address          text not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    sent_at          timestamptz,
    last_failure     text
);
create index outgoing_mail_due on outgoing_mail (next_attempt_at) where sent_at is null;

alter table notices enable row level security;
create policy notices_read on notices for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy notices_add on notices for insert with check (true);
revoke delete, update on notices from passerelle_app;
revoke delete on outgoing_mail from passerelle_app;

-- Addresses are staff members' own: only Passerelle's delivery, which runs for no organisation, reads them.
alter table outgoing_mail enable row level security;
create policy outgoing_mail_delivery on outgoing_mail using (passerelle_organisation() is null);
