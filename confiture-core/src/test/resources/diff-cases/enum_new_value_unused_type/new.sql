CREATE TYPE color AS ENUM ('red', 'green');
CREATE FUNCTION favourite() RETURNS color LANGUAGE sql AS $$ SELECT 'green'::color $$;
