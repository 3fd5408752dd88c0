-- Spring Modulith's event publication registry: an event handed from one module to another is
-- stored in the same transaction as the change that raised it, so none is lost between modules.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_serialized_event_hash on event_publication using hash (serialized_event);
