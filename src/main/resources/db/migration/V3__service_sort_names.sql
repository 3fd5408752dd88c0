-- Each service's name as a French and an English page sorts it (translation, accents and case
-- resolved), so a list in either language is read in order straight from an index.
alter table services add column sort_fr text, add column sort_en text;
create index services_sort_fr on services (sort_fr, id);
create index services_sort_en on services (sort_en, id);
