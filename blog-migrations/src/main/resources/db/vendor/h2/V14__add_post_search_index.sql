-- Search on H2 matches with LIKE (blog.core.search.H2SearchRepository), which no index serves;
-- PostgreSQL gets its full-text index in db/vendor/postgresql/V14. This keeps the numbering alike.
SELECT 1;
