-- v10-event-time: the event log in time order. `lawcat log` and
-- /api/v1/log list events newest first, and pick them by day (`--on`,
-- `--since`, `--until`); without an index on the time, every one of them read
-- and sorted the whole log with each event's copy, book, place and person
-- (2.2 s for the latest 20 of a million events). Events are written in time
-- order, so the index grows at its end.
CREATE INDEX event_by_time ON event(at, id);
