-- The view bodies are JSON that the projector rewrites often and a rebuild writes all at once: compressing them
-- (pglz) cost more CPU than every other part of writing them. They are stored out of line, uncompressed;
-- GET /stories/{id} serves its own gzip of the story view.
ALTER TABLE article_view ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE story_view ALTER COLUMN body SET STORAGE EXTERNAL;
