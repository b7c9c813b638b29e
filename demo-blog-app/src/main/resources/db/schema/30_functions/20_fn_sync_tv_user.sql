-- Writes the tv_user document of one user from tb_user.
CREATE FUNCTION fn_sync_tv_user(p_user UUID) RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO tv_user (id, data)
    SELECT u.pk_user, jsonb_build_object(
        'id', u.pk_user,
        'email', u.email,
        'username', u.username,
        'fullName', u.full_name,
        'bio', u.bio,
        'isActive', u.is_active,
        'createdAt', fn_json_time(u.created_at),
        'updatedAt', fn_json_time(u.updated_at))
    FROM tb_user u
    WHERE u.pk_user = p_user
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data
$$;
