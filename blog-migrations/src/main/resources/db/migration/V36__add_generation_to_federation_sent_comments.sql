-- A comment whose Delete went out and that is approved again goes out anew, under a new id:
-- servers keep a tombstone for a deleted object's id and would not take it again. The first
-- sending is generation 0 (/federation/comments/<id>), each sending after a Delete the next
-- (/federation/comments/<id>/<generation>).
ALTER TABLE federation_sent_comments ADD COLUMN generation INT DEFAULT 0 NOT NULL;
