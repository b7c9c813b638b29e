-- Every write to a tb_ table refreshes the tv_ documents it appears in, in the same transaction,
-- whoever writes: the application (JPA), the seeds, a migration or psql. Deletes need nothing more
-- than the ON DELETE CASCADE of the tv_ tables, except for the count of a deleted comment's post.

CREATE FUNCTION fn_tb_user_sync() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM fn_sync_tv_user(NEW.pk_user);
    IF TG_OP = 'UPDATE' THEN
        PERFORM fn_sync_tv_comment(pk_comment) FROM tb_comment WHERE fk_user = NEW.pk_user;
        PERFORM fn_sync_tv_post(pk_post) FROM tb_post
        WHERE fk_user = NEW.pk_user OR pk_post IN (SELECT fk_post FROM tb_comment WHERE fk_user = NEW.pk_user);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_tb_user_sync AFTER INSERT OR UPDATE ON tb_user
    FOR EACH ROW EXECUTE FUNCTION fn_tb_user_sync();

CREATE FUNCTION fn_tb_post_sync() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM fn_sync_tv_post(NEW.pk_post);
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_tb_post_sync AFTER INSERT OR UPDATE ON tb_post
    FOR EACH ROW EXECUTE FUNCTION fn_tb_post_sync();

CREATE FUNCTION fn_tb_comment_sync() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM fn_sync_tv_post(OLD.fk_post);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM fn_sync_tv_comment(NEW.pk_comment);
        PERFORM fn_sync_tv_post(NEW.fk_post);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_tb_comment_sync AFTER INSERT OR UPDATE OR DELETE ON tb_comment
    FOR EACH ROW EXECUTE FUNCTION fn_tb_comment_sync();
