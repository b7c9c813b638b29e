-- Query side: one JSONB document per entity, in the shape the GraphQL API returns it.
-- Never written by the application: the sync functions of 30_functions keep them up to date,
-- called by triggers on the tb_ tables in the same transaction as each write.
CREATE TABLE tv_user (
    id UUID PRIMARY KEY REFERENCES tb_user (pk_user) ON DELETE CASCADE,
    data JSONB NOT NULL
);

CREATE TABLE tv_comment (
    id UUID PRIMARY KEY REFERENCES tb_comment (pk_comment) ON DELETE CASCADE,
    data JSONB NOT NULL
);

CREATE TABLE tv_post (
    id UUID PRIMARY KEY REFERENCES tb_post (pk_post) ON DELETE CASCADE,
    data JSONB NOT NULL
);

CREATE INDEX idx_tv_post_published ON tv_post (((data ->> 'isPublished')::boolean));
