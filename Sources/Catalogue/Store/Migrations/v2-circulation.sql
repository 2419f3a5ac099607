-- v2-circulation: a missing copy is found before anything else is recorded
-- of it. A return, move or sighting of a missing copy would otherwise place it
-- and leave it `missing`; lawcat records a `found` event first (in the same
-- transaction), and this trigger makes that the only way.
CREATE TRIGGER event_sighting_refused_when_missing BEFORE INSERT ON event
WHEN new.kind IN ('returned', 'moved', 'seen') AND (SELECT status FROM copy WHERE id = new.copy_id) = 'missing' BEGIN
  SELECT RAISE(ABORT, 'lawcat:missing');
END;
