-- Reverts 001_add_post_views: the tv_post documents lose viewCount, then the column goes.
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
        'commentCount', jsonb_array_length(c.comments))
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

DROP INDEX idx_tb_post_views;

ALTER TABLE tb_post DROP COLUMN view_count;

SELECT fn_sync_tv_post(pk_post) FROM tb_post;
