-- Writes the tv_post document of one post: its columns, its author's tv_user document, its
-- comments' tv_comment documents (oldest first) and their count, and its view count.
CREATE FUNCTION fn_sync_tv_post(p_post UUID) RETURNS void
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
