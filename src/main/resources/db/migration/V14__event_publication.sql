-- Spring Modulith's JDBC event publication registry: an event for a listener in another module is stored in
-- the transaction of the change that raised it and marked complete once the listener succeeded. Incomplete
-- publications (a crash, a failing listener) are resubmitted (see integration/EventRedelivery).
create table event_publication (
    id               uuid primary key,
    listener_id      text not null,
    event_type       text not null,
    serialized_event text not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_incomplete_idx on event_publication (publication_date) where completion_date is null;
create index event_publication_by_completion_date_idx on event_publication (completion_date);
