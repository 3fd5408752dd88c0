-- A second wall under the application's own checks: on the tables an organisation owns, a staff
-- request sees and changes only its own organisation's rows, even if a query forgets to ask.
-- Staff connections carry their organisation (and account) in passerelle.organisation and
-- passerelle.account; connections without them are the application's own work (sign-in,
-- invitations opened by their link, start-up) and reads it makes across organisations on purpose.
-- Inserts are not restricted: inviting into a new organisation or recording a break-glass opening
-- writes another organisation's row by design, and every such write is audited.
create function passerelle_organisation() returns uuid language sql stable as
$$ select nullif(current_setting('passerelle.organisation', true), '')::uuid $$;
create function passerelle_account() returns uuid language sql stable as
$$ select nullif(current_setting('passerelle.account', true), '')::uuid $$;

alter table memberships enable row level security;
create policy memberships_read on memberships for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy memberships_change on memberships for update
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy memberships_remove on memberships for delete
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy memberships_add on memberships for insert with check (true);

alter table invitations enable row level security;
create policy invitations_read on invitations for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy invitations_change on invitations for update
    using (passerelle_organisation() is null or organisation = passerelle_organisation());
create policy invitations_add on invitations for insert with check (true);

alter table break_glass enable row level security;
create policy break_glass_read on break_glass for select
    using (passerelle_organisation() is null or organisation = passerelle_organisation()
           or account = passerelle_account());
create policy break_glass_add on break_glass for insert with check (true);
