-- Seed 000, step 6: count how often each post is read.
-- db/schema already has the column, its index and the new tv_post document (a fresh database is
-- built with them); this brings an existing database to the same schema, in one transaction.

-- A constant default: PostgreSQL adds the column without rewriting the table.
ALTER TABLE tb_post ADD COLUMN view_count INTEGER NOT NULL DEFAULT 0;

CREATE INDEX idx_tb_post_views ON tb_post (view_count DESC);

-- The tv_post documents gain viewCount (as in db/schema/30_functions/40_fn_sync_tv_post.sql).
CREATE OR REPLACE FUNCTION fn_sync_tv_post(p_post UUID) RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO tv_post (id, data)
    SELECT p.pk_post, jsonb_build_object(
        'id', p.pk_post,
        'title', p.title,
        'slug', p.slug,
        'content', p.content,
        'excerpt', p.excerpt,
        'tags', to_jsonb(p.tags),
        'isPublished', p.is_published,
        'publishedAt', fn_json_time(p.published_at),
        'createdAt', fn_json_time(p.created_at),
        'updatedAt', fn_json_time(p.updated_at),
        'author', u.data,
        'comments', c.comments,
        'commentCount', jsonb_array_length(c.comments),
        'viewCount', p.view_count)
    FROM tb_post p
    JOIN tv_user u ON u.id = p.fk_user
    CROSS JOIN LATERAL (
        SELECT coalesce(jsonb_agg(tc.data ORDER BY cm.created_at, cm.id), '[]'::jsonb) AS comments
        FROM tb_comment cm
        JOIN tv_comment tc ON tc.id = cm.pk_comment
        WHERE cm.fk_post = p.pk_post) c
    WHERE p.pk_post = p_post
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data
$$;

-- Rewrite the existing documents; readers see the old ones until this migration commits.
SELECT fn_sync_tv_post(pk_post) FROM tb_post;
