-- Passerelle's requests run as passerelle_app, a role that owns nothing and is no superuser:
-- table grants (the audit trail takes inserts only) and row-level security hold against the
-- application itself, not only against its code. Migrations run as the connecting user, who owns
-- the schema and switches to passerelle_app for everything else.
do $$
begin
    if not exists (select from pg_roles where rolname = 'passerelle_app') then
        create role passerelle_app nologin;
    end if;
exception when duplicate_object or unique_violation then
    null; -- another database on the same server created it at the same moment
end $$;

do $$
begin
    execute format('grant passerelle_app to %I', current_user);
end $$;

grant usage on schema public to passerelle_app;
grant select, insert, update, delete on all tables in schema public to passerelle_app;
grant usage, select on all sequences in schema public to passerelle_app;
alter default privileges in schema public grant select, insert, update, delete on tables to passerelle_app;
alter default privileges in schema public grant usage, select on sequences to passerelle_app;
revoke all on flyway_schema_history from passerelle_app;

-- Fresh statistics after a bulk load need ANALYZE, which PostgreSQL 17 grants as MAINTAIN; older
-- servers skip it with a warning and leave it to autovacuum.
do $$
begin
    if current_setting('server_version_num')::int >= 170000 then
        execute 'grant maintain on all tables in schema public to passerelle_app';
        execute 'alter default privileges in schema public grant maintain on tables to passerelle_app';
    end if;
end $$;
