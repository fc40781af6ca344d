-- What moderation has to remember about a comment:
--  previous_status: the status it had before a moderator sent it to the spam or the trash, so
--    restoring puts it back there (NULL: restore to pending).
--  approved_at: when it first became public. Follow-up subscribers hear about a comment once,
--    however often it is unapproved and approved again. Comments public today were announced.
ALTER TABLE comments ADD COLUMN previous_status VARCHAR(16);
ALTER TABLE comments ADD CONSTRAINT comments_previous_status_ck
    CHECK (previous_status IN ('pending', 'approved'));
ALTER TABLE comments ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
UPDATE comments SET approved_at = created_at WHERE status = 'approved';
