-- Writes the tv_comment document of one comment, with its author's tv_user document embedded.
CREATE FUNCTION fn_sync_tv_comment(p_comment UUID) RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO tv_comment (id, data)
    SELECT c.pk_comment, jsonb_build_object(
        'id', c.pk_comment,
        'postId', c.fk_post,
        'content', c.content,
        'createdAt', fn_json_time(c.created_at),
        'author', u.data)
    FROM tb_comment c
    JOIN tv_user u ON u.id = c.fk_user
    WHERE c.pk_comment = p_comment
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data
$$;
