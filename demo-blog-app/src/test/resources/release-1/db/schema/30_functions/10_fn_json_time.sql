-- Timestamps in the documents: ISO-8601 in UTC with milliseconds, whatever the session's TimeZone,
-- so that they read the same everywhere and sort as text.
CREATE FUNCTION fn_json_time(value TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql STABLE
AS $$
    SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;
