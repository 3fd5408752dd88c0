-- The national service directory, as Open Referral HSDS 3.0 tables: one table per HSDS table,
-- one column per HSDS field, same names, so that import and export lose nothing. References
-- that HSDS files routinely leave dangling (a parent organisation, a contact's organisation)
-- are kept as written; only the links Passerelle relies on are foreign keys.
-- Passerelle's own facets are HSDS attributes under the Passerelle taxonomy; the columns after
-- the HSDS ones on services and locations are derived from them for fast queries.

create extension if not exists unaccent;

-- Accent- and case-insensitive full-text search with French and English stemming.
create text search configuration passerelle_fr (copy = french);
alter text search configuration passerelle_fr
    alter mapping for hword, hword_part, word with unaccent, french_stem;
create text search configuration passerelle_en (copy = english);
alter text search configuration passerelle_en
    alter mapping for hword, hword_part, word with unaccent, english_stem;
create text search configuration passerelle_simple (copy = simple);
alter text search configuration passerelle_simple
    alter mapping for hword, hword_part, word with unaccent, simple;

create table organizations (
    id uuid primary key,
    "name" text not null,
    "alternate_name" text,
    "description" text not null,
    "email" text,
    "website" text,
    "tax_status" text,
    "tax_id" text,
    "year_incorporated" numeric,
    "legal_status" text,
    "logo" text,
    "uri" text,
    "parent_organization_id" uuid,
    version bigint not null default 0
);

create table programs (
    id uuid primary key,
    "organization_id" uuid not null,
    "name" text not null,
    "alternate_name" text,
    "description" text not null
);

create table services (
    id uuid primary key,
    "organization_id" uuid not null,
    "program_id" uuid,
    "name" text not null,
    "alternate_name" text,
    "description" text,
    "url" text,
    "email" text,
    "status" text not null,
    "interpretation_services" text,
    "application_process" text,
    "fees_description" text,
    "wait_time" text,
    "fees" text,
    "accreditations" text,
    "eligibility_description" text,
    "minimum_age" numeric,
    "maximum_age" numeric,
    "assured_date" date,
    "assurer_email" text,
    "licenses" text,
    "alert" text,
    "last_modified" timestamptz,
    -- derived from the Passerelle attributes and related rows, refreshed after every write
    version bigint not null default 0,
    record_language text,
    need_domains text[] not null default '{}',
    eligible_genders text[] not null default '{}',
    language_codes text[] not null default '{}',
    provinces text[] not null default '{}',
    cities text[] not null default '{}',
    substance_use_accessible boolean not null default false,
    no_status_required boolean not null default false,
    trafficking_specific boolean not null default false,
    open_24_7 boolean not null default false,
    capacity_status text,
    capacity_available integer,
    capacity_maximum integer,
    capacity_unit text,
    capacity_updated timestamptz,
    search tsvector
);

create table attributes (
    id uuid primary key,
    "link_id" uuid not null,
    "taxonomy_term_id" uuid not null,
    "link_type" text,
    "link_entity" text not null,
    "value" text
);

create table service_at_location (
    id uuid primary key,
    "service_id" uuid not null,
    "location_id" uuid not null,
    "description" text
);

create table locations (
    id uuid primary key,
    "location_type" text not null,
    "url" text,
    "organization_id" uuid,
    "name" text,
    "alternate_name" text,
    "description" text,
    "transportation" text,
    "latitude" numeric,
    "longitude" numeric,
    "external_identifier" text,
    "external_identifier_type" text,
    confidential boolean not null default false
);

create table phones (
    id uuid primary key,
    "location_id" uuid,
    "service_id" uuid,
    "organization_id" uuid,
    "contact_id" uuid,
    "service_at_location_id" uuid,
    "number" text not null,
    "extension" numeric,
    "type" text,
    "description" text
);

create table contacts (
    id uuid primary key,
    "organization_id" uuid,
    "service_id" uuid,
    "service_at_location_id" uuid,
    "location_id" uuid,
    "name" text,
    "title" text,
    "department" text,
    "email" text
);

create table addresses (
    id uuid primary key,
    "location_id" uuid,
    "attention" text,
    "address_1" text not null,
    "address_2" text,
    "city" text not null,
    "region" text,
    "state_province" text not null,
    "postal_code" text not null,
    "country" text not null,
    "address_type" text not null
);

create table schedules (
    id uuid primary key,
    "service_id" uuid,
    "location_id" uuid,
    "service_at_location_id" uuid,
    "valid_from" date,
    "valid_to" date,
    "dtstart" date,
    "timezone" numeric,
    "until" date,
    "count" numeric,
    "wkst" text,
    "freq" text,
    "interval" numeric,
    "byday" text,
    "byweekno" text,
    "bymonthday" text,
    "byyearday" text,
    "description" text,
    "opens_at" time,
    "closes_at" time,
    "schedule_link" text,
    "attending_type" text,
    "notes" text
);

create table funding (
    id uuid primary key,
    "organization_id" uuid,
    "service_id" uuid,
    "source" text
);

create table service_areas (
    id uuid primary key,
    "service_id" uuid,
    "name" text,
    "description" text,
    "extent" text,
    "extent_type" text,
    "uri" text
);

create table required_documents (
    id uuid primary key,
    "service_id" uuid,
    "document" text,
    "uri" text
);

create table languages (
    id uuid primary key,
    "service_id" uuid,
    "location_id" uuid,
    "phone_id" uuid,
    "name" text,
    "code" text,
    "note" text
);

create table accessibility (
    id uuid primary key,
    "location_id" uuid,
    "description" text,
    "details" text,
    "url" text
);

create table taxonomy_terms (
    id uuid primary key,
    "code" text,
    "name" text not null,
    "description" text not null,
    "parent_id" uuid,
    "taxonomy" text,
    "language" text,
    "taxonomy_id" uuid,
    "term_uri" text
);

create table metadata (
    id uuid primary key,
    "resource_id" uuid not null,
    "resource_type" text not null,
    "last_action_date" date not null,
    "last_action_type" text not null,
    "field_name" text not null,
    "previous_value" text not null,
    "replacement_value" text not null,
    "updated_by" text not null
);

create table meta_table_descriptions (
    id uuid primary key,
    "name" text,
    "language" text,
    "character_set" text
);

create table cost_options (
    id uuid primary key,
    "service_id" uuid not null,
    "valid_from" date,
    "valid_to" date,
    "option" text,
    "currency" text,
    "amount" numeric,
    "amount_description" text
);

create table organization_identifiers (
    id uuid primary key,
    "organization_id" uuid not null,
    "identifier_scheme" text,
    "identifier_type" text not null,
    "identifier" text not null
);

create table taxonomies (
    id uuid primary key,
    "name" text not null,
    "description" text not null,
    "uri" text,
    "version" text
);

alter table services add constraint services_organization
    foreign key (organization_id) references organizations (id);
alter table service_at_location add constraint service_at_location_service
    foreign key (service_id) references services (id) on delete cascade;
alter table service_at_location add constraint service_at_location_location
    foreign key (location_id) references locations (id);
alter table services add constraint services_status
    check (status in ('active', 'inactive', 'defunct', 'temporarily closed'));
alter table locations add constraint locations_location_type
    check (location_type in ('physical', 'postal', 'virtual'));
alter table addresses add constraint addresses_address_type
    check (address_type in ('physical', 'postal', 'virtual'));

-- How nested HSDS documents find their parts, and how the directory's filters find services.
create index on programs (organization_id);
create index on services (organization_id);
create index on services (last_modified);
create index on services using gin (search);
create index on services using gin (need_domains);
create index on services using gin (language_codes);
create index on services using gin (provinces);
create index on attributes (link_id);
create index on attributes (taxonomy_term_id);
create index on service_at_location (service_id);
create index on service_at_location (location_id);
create index on locations (organization_id);
create index on phones (location_id);
create index on phones (service_id);
create index on phones (organization_id);
create index on phones (contact_id);
create index on phones (service_at_location_id);
create index on contacts (organization_id);
create index on contacts (service_id);
create index on contacts (service_at_location_id);
create index on contacts (location_id);
create index on addresses (location_id);
create index on schedules (service_id);
create index on schedules (location_id);
create index on schedules (service_at_location_id);
create index on funding (organization_id);
create index on funding (service_id);
create index on service_areas (service_id);
create index on required_documents (service_id);
create index on languages (service_id);
create index on languages (location_id);
create index on languages (phone_id);
create index on accessibility (location_id);
create index on taxonomy_terms (taxonomy_id);
create index on taxonomy_terms (parent_id);
create index on metadata (resource_id);
create index on cost_options (service_id);
create index on organization_identifiers (organization_id);

-- The province codes a place name stands for: a code, a name in either language, or Canada.
create function province_codes(place text) returns text[] language sql immutable as $$
    select case
        when place is null then '{}'::text[]
        when upper(btrim(place)) in ('AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT') then array[upper(btrim(place))]
        else coalesce((select array[code] from (values
            ('AB', 'alberta'), ('BC', 'british columbia'), ('BC', 'colombie-britannique'), ('MB', 'manitoba'),
            ('NB', 'new brunswick'), ('NB', 'nouveau-brunswick'), ('NL', 'newfoundland and labrador'),
            ('NL', 'terre-neuve-et-labrador'), ('NS', 'nova scotia'), ('NS', 'nouvelle-ecosse'),
            ('NT', 'northwest territories'), ('NT', 'territoires du nord-ouest'), ('NU', 'nunavut'),
            ('ON', 'ontario'), ('PE', 'prince edward island'), ('PE', 'ile-du-prince-edouard'),
            ('QC', 'quebec'), ('SK', 'saskatchewan'), ('YT', 'yukon')) as names (code, name)
            where name = lower(unaccent('unaccent', btrim(place)))),
            case when lower(btrim(place)) = 'canada'
                 then array['AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT'] else '{}'::text[] end)
    end
$$;
