-- The per-migration part of the baseline proof, created next to baseline-proof.sql (it uses its
-- functions) when confiture_proof_once found a difference. One call runs every SQL migration on
-- the freshly built schema, each in its own subtransaction that is always rolled back, and says
-- per migration whether the catalog could have changed. A migration that wrote to the catalog is
-- compared only on the relations it touched (their definition before and after, by name).
-- Anything else (a function, a type, a schema, a drop) is reported 'suspect' and judged by the
-- catalog layer, which also names the changes.
CREATE FUNCTION pg_temp.confiture_proof_owner(rel oid) RETURNS text LANGUAGE sql AS $f$
	SELECT CASE
		WHEN c.relkind IN ('i', 'I') THEN (SELECT i.indrelid::regclass::text FROM pg_index i WHERE i.indexrelid = c.oid)
		WHEN c.relkind = 't' THEN NULL
		ELSE c.oid::regclass::text END
	FROM pg_class c WHERE c.oid = rel
$f$;
--
CREATE FUNCTION pg_temp.confiture_proof_touched(changed oid[]) RETURNS text[] LANGUAGE sql AS $f$
	SELECT coalesce(array_agg(DISTINCT owner) FILTER (WHERE owner IS NOT NULL), '{}')
	FROM (
		SELECT pg_temp.confiture_proof_owner(oid) FROM pg_class
			WHERE 'pg_class'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(attrelid) FROM pg_attribute
			WHERE 'pg_attribute'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(adrelid) FROM pg_attrdef
			WHERE 'pg_attrdef'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT CASE WHEN conrelid <> 0 THEN pg_temp.confiture_proof_owner(conrelid) ELSE '' END FROM pg_constraint
			WHERE 'pg_constraint'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(indrelid) FROM pg_index
			WHERE 'pg_index'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(tgrelid) FROM pg_trigger
			WHERE 'pg_trigger'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(polrelid) FROM pg_policy
			WHERE 'pg_policy'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(ev_class) FROM pg_rewrite
			WHERE 'pg_rewrite'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(seqrelid) FROM pg_sequence
			WHERE 'pg_sequence'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT pg_temp.confiture_proof_owner(inhrelid) FROM pg_inherits
			WHERE 'pg_inherits'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT CASE WHEN classoid = 'pg_class'::regclass THEN pg_temp.confiture_proof_owner(objoid) ELSE '' END
			FROM pg_description WHERE 'pg_description'::regclass = ANY (changed) AND age(xmin) < 0
		UNION ALL SELECT CASE WHEN t.typrelid <> 0 THEN pg_temp.confiture_proof_owner(t.typrelid)
				WHEN e.typrelid <> 0 THEN pg_temp.confiture_proof_owner(e.typrelid) ELSE '' END
			FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem
			WHERE 'pg_type'::regclass = ANY (changed) AND age(t.xmin) < 0
	) AS rows(owner)
$f$;
--
CREATE FUNCTION pg_temp.confiture_proof_run(owners integer[], statements text[], catalogs oid[],
		counted boolean, OUT migration integer, OUT verdict text, OUT detail text)
		RETURNS SETOF record LANGUAGE plpgsql AS $f$
DECLARE
	first integer := 1;
	last integer;
	n integer := coalesce(array_length(owners, 1), 0);
	before bigint[];
	after bigint[];
	changed oid[];
	touched text[];
	signatures text[];
	counts bigint[];
	notes text;
	suspect text;
	k integer;
BEGIN
	WHILE first <= n LOOP
		migration := owners[first];
		last := first;
		WHILE last < n AND owners[last + 1] = migration LOOP
			last := last + 1;
		END LOOP;
		notes := NULL;
		suspect := NULL;
		touched := '{}';
		signatures := '{}';
		changed := '{}';
		counts := '{}';
		BEGIN
			before := pg_temp.confiture_proof_writes(catalogs);
			FOR k IN first .. last LOOP
				BEGIN
					EXECUTE statements[k];
				EXCEPTION
					WHEN duplicate_table OR duplicate_column OR duplicate_object OR duplicate_function
							OR duplicate_schema OR duplicate_alias OR undefined_table OR undefined_column
							OR undefined_object OR undefined_function OR invalid_schema_name
							OR active_sql_transaction THEN
						NULL;
					WHEN OTHERS THEN
						notes := coalesce(notes || '; ', '') || (k - first + 1) || ':' || SQLSTATE || ':' || SQLERRM;
				END;
			END LOOP;
			after := pg_temp.confiture_proof_writes(catalogs);
			IF NOT counted THEN
				suspect := 'no statistics counters (track_counts is off)';
			ELSIF after IS DISTINCT FROM before THEN
				FOR k IN 1 .. array_length(catalogs, 1) LOOP
					IF after[k] <> before[k] THEN
						changed := changed || catalogs[k];
						counts := counts || pg_temp.confiture_proof_count(catalogs[k]);
					END IF;
				END LOOP;
				touched := pg_temp.confiture_proof_touched(changed);
				IF '' = ANY (touched) OR EXISTS (SELECT 1 FROM unnest(changed) AS c
						WHERE c NOT IN ('pg_class'::regclass, 'pg_attribute'::regclass, 'pg_attrdef'::regclass,
							'pg_constraint'::regclass, 'pg_index'::regclass, 'pg_trigger'::regclass,
							'pg_policy'::regclass, 'pg_rewrite'::regclass, 'pg_sequence'::regclass,
							'pg_inherits'::regclass, 'pg_description'::regclass, 'pg_type'::regclass)) THEN
					suspect := 'changes objects other than tables, views and sequences';
				ELSE
					SELECT coalesce(array_agg(pg_temp.confiture_proof_signature(t) ORDER BY o), '{}') INTO signatures
					FROM unnest(touched) WITH ORDINALITY AS u(t, o);
				END IF;
			END IF;
			RAISE EXCEPTION USING ERRCODE = 'CF001', MESSAGE = 'confiture baseline proof rollback';
		EXCEPTION
			WHEN SQLSTATE 'CF001' THEN
				NULL;
		END;
		IF suspect IS NULL AND cardinality(changed) > 0 THEN
			IF EXISTS (SELECT 1 FROM unnest(changed, counts) AS c(catalog, counted_after)
					WHERE pg_temp.confiture_proof_count(catalog) <> counted_after) THEN
				suspect := 'adds or removes catalog rows';
			ELSIF EXISTS (SELECT 1 FROM unnest(touched, signatures) AS s(t, signature)
					WHERE pg_temp.confiture_proof_signature(t) IS DISTINCT FROM signature) THEN
				suspect := 'changes ' || array_to_string(touched, ', ');
			END IF;
		END IF;
		verdict := CASE WHEN suspect IS NOT NULL THEN 'suspect' ELSE 'mirrored' END;
		detail := coalesce(suspect, notes);
		RETURN NEXT;
		first := last + 1;
	END LOOP;
END
$f$;
