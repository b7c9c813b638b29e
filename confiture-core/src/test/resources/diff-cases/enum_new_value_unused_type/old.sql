CREATE TYPE color AS ENUM ('red');
CREATE FUNCTION favourite() RETURNS color LANGUAGE sql AS $$ SELECT 'red'::color $$;
