-- The authorization URL a log-in was sent to: finishing it must repeat its redirect_uri exactly.
ALTER TABLE sign_in_requests ADD COLUMN redirect_to VARCHAR(4000);
