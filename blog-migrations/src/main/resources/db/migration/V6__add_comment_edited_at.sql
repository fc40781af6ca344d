-- Commenters may edit their own comment for a short while; pages say when it was edited.
ALTER TABLE comments ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
