-- The baseline proof's functions, created in pg_temp inside a savepoint that is rolled back
-- afterwards, so they leave nothing behind. confiture_proof_once runs every SQL migration on the
-- freshly built schema in one call and says whether the catalog is the same afterwards; the
-- functions of baseline-proof-each.sql judge each migration on its own when it is not.
-- Catalog writes are seen through the transaction's own statistics counters.
CREATE FUNCTION pg_temp.confiture_proof_writes(catalogs oid[]) RETURNS bigint[] LANGUAGE sql AS $f$
	SELECT array_agg(pg_stat_get_xact_tuples_inserted(c) + pg_stat_get_xact_tuples_updated(c)
			+ pg_stat_get_xact_tuples_deleted(c) ORDER BY ord)
	FROM unnest(catalogs) WITH ORDINALITY AS t(c, ord)
$f$;
--
CREATE FUNCTION pg_temp.confiture_proof_signature(name text) RETURNS text LANGUAGE sql AS $f$
	SELECT coalesce((
		SELECT c.relkind::text || ' ' || c.relpersistence::text || ' ' || coalesce(c.reloptions::text, '') || ' '
			|| coalesce(c.relacl::text, '') || ' ' || c.relrowsecurity::text || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '')
			|| ' (' || coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
					|| ' ' || a.attnotnull::text || ' ' || a.attidentity::text || a.attgenerated::text || ' ' || a.attcollation::text
					|| ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || coalesce(col_description(c.oid, a.attnum), ''),
					', ' ORDER BY a.attname)
				FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
				WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
			|| ') ' || coalesce((SELECT string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid) || ' '
					|| coalesce(obj_description(k.oid, 'pg_constraint'), ''), ', ' ORDER BY k.conname)
				FROM pg_constraint k WHERE k.conrelid = c.oid), '')
			|| ' ' || coalesce((SELECT string_agg(pg_get_indexdef(i.indexrelid) || ' '
					|| coalesce(obj_description(i.indexrelid, 'pg_class'), ''), ', ' ORDER BY 1)
				FROM pg_index i WHERE i.indrelid = c.oid), '')
			|| ' ' || coalesce((SELECT string_agg(pg_get_triggerdef(g.oid), ', ' ORDER BY 1)
				FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal), '')
			|| ' ' || coalesce((SELECT string_agg(p.polname || ' ' || p.polcmd::text || ' ' || p.polpermissive::text || ' '
					|| p.polroles::text || ' ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
					|| coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''), ', ' ORDER BY p.polname)
				FROM pg_policy p WHERE p.polrelid = c.oid), '')
			|| ' ' || CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) ELSE '' END
			|| ' ' || coalesce((SELECT s.seqtypid::text || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmax || ' '
					|| s.seqmin || ' ' || s.seqcache || ' ' || s.seqcycle::text FROM pg_sequence s WHERE s.seqrelid = c.oid), '')
			|| ' ' || coalesce((SELECT string_agg(h.inhparent::regclass::text, ', ' ORDER BY h.inhseqno)
				FROM pg_inherits h WHERE h.inhrelid = c.oid), '')
		FROM pg_class c WHERE c.oid = to_regclass(name)), 'absent')
$f$;
--
CREATE FUNCTION pg_temp.confiture_proof_count(catalog oid) RETURNS bigint LANGUAGE plpgsql AS $f$
DECLARE
	result bigint;
BEGIN
	EXECUTE 'SELECT count(*) FROM ' || catalog::regclass INTO result;
	RETURN result;
END
$f$;
--
-- Whether a catalog row was written after the boundary (the transaction id after the one that
-- created these functions): by the proof's own statements, whose subtransactions get later ids.
-- The xid is compared modulo 2^32 like PostgreSQL does; frozen rows read as xid 2 (or 1).
CREATE FUNCTION pg_temp.confiture_proof_new(row_xmin xid, boundary bigint) RETURNS boolean LANGUAGE sql AS $f$
	SELECT row_xmin::text::bigint > 2
		AND ((row_xmin::text::bigint - boundary) % 4294967296 + 4294967296) % 4294967296 < 2147483648
$f$;
--
CREATE FUNCTION pg_temp.confiture_proof_written(catalog oid, boundary bigint) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE
	result boolean;
BEGIN
	EXECUTE 'SELECT EXISTS (SELECT FROM ' || catalog::regclass || ' WHERE pg_temp.confiture_proof_new(xmin, $1))'
		INTO result USING boundary;
	RETURN result;
END
$f$;
--
-- The relation a relation's row stands for: an index's table, nothing for a TOAST table.
CREATE FUNCTION pg_temp.confiture_proof_relation(rel oid) RETURNS text LANGUAGE sql AS $f$
	SELECT CASE
		WHEN c.relkind IN ('i', 'I') THEN (SELECT 'r ' || i.indrelid FROM pg_index i WHERE i.indexrelid = c.oid)
		WHEN c.relkind = 't' THEN NULL
		ELSE 'r ' || c.oid END
	FROM pg_class c WHERE c.oid = rel
$f$;
--
-- The objects whose catalog rows the proof's statements wrote and left in place, by OID (stable
-- across the rollback): 'r oid' a relation with its constraints, indexes, triggers and policies,
-- 'c oid attnum' a column, 'f oid' a routine; '' anything else.
CREATE FUNCTION pg_temp.confiture_proof_items(changed oid[], boundary bigint) RETURNS text[] LANGUAGE sql AS $f$
	SELECT coalesce(array_agg(DISTINCT item) FILTER (WHERE item IS NOT NULL), '{}')
	FROM (
		SELECT pg_temp.confiture_proof_relation(oid) FROM pg_class
			WHERE 'pg_class'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT CASE WHEN c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND a.attnum > 0
				THEN 'c ' || c.oid || ' ' || a.attnum ELSE pg_temp.confiture_proof_relation(c.oid) END
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			WHERE 'pg_attribute'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(a.xmin, boundary)
		UNION ALL SELECT 'c ' || adrelid || ' ' || adnum FROM pg_attrdef
			WHERE 'pg_attrdef'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT CASE WHEN conrelid <> 0 THEN pg_temp.confiture_proof_relation(conrelid) ELSE '' END
			FROM pg_constraint WHERE 'pg_constraint'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT pg_temp.confiture_proof_relation(indrelid) FROM pg_index
			WHERE 'pg_index'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT pg_temp.confiture_proof_relation(tgrelid) FROM pg_trigger
			WHERE 'pg_trigger'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT pg_temp.confiture_proof_relation(polrelid) FROM pg_policy
			WHERE 'pg_policy'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT pg_temp.confiture_proof_relation(ev_class) FROM pg_rewrite
			WHERE 'pg_rewrite'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT pg_temp.confiture_proof_relation(seqrelid) FROM pg_sequence
			WHERE 'pg_sequence'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT pg_temp.confiture_proof_relation(inhrelid) FROM pg_inherits
			WHERE 'pg_inherits'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT CASE
				WHEN classoid = 'pg_class'::regclass AND objsubid > 0 THEN 'c ' || objoid || ' ' || objsubid
				WHEN classoid = 'pg_class'::regclass THEN pg_temp.confiture_proof_relation(objoid)
				WHEN classoid = 'pg_proc'::regclass THEN 'f ' || objoid
				ELSE '' END
			FROM pg_description WHERE 'pg_description'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
		UNION ALL SELECT CASE WHEN t.typrelid <> 0 THEN pg_temp.confiture_proof_relation(t.typrelid)
				WHEN e.typrelid <> 0 THEN pg_temp.confiture_proof_relation(e.typrelid) ELSE '' END
			FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem
			WHERE 'pg_type'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(t.xmin, boundary)
		UNION ALL SELECT CASE WHEN prokind IN ('f', 'p', 'w') THEN 'f ' || oid ELSE '' END FROM pg_proc
			WHERE 'pg_proc'::regclass = ANY (changed) AND pg_temp.confiture_proof_new(xmin, boundary)
	) AS rows(item)
$f$;
--
-- What the items are, by name and definition, to compare them before and after: one text for
-- all of them, in one query (a function call per item costs more, since each is planned).
CREATE FUNCTION pg_temp.confiture_proof_state(items text[]) RETURNS text LANGUAGE sql AS $f$
	WITH wanted AS (SELECT left(i, 1) AS kind, split_part(i, ' ', 2)::oid AS id,
			nullif(split_part(i, ' ', 3), '')::int2 AS num FROM unnest(items) AS i)
	SELECT concat_ws(E'\n',
		(SELECT string_agg(c.oid::regclass::text || ' ' || pg_temp.confiture_proof_signature(c.oid::regclass::text),
				E'\n' ORDER BY c.oid)
			FROM pg_class c WHERE c.oid IN (SELECT id FROM wanted WHERE kind = 'r')),
		(SELECT string_agg(a.attrelid::regclass::text || ' ' || quote_ident(a.attname) || ' '
				|| format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' ' || a.attidentity::text
				|| a.attgenerated::text || ' ' || a.attcollation::text || ' ' || a.attisdropped::text || ' '
				|| coalesce(a.attacl::text, '') || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' '
				|| coalesce(k.description, ''), E'\n' ORDER BY a.attrelid, a.attnum)
			FROM wanted w JOIN pg_attribute a ON a.attrelid = w.id AND a.attnum = w.num
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			LEFT JOIN pg_description k ON k.objoid = a.attrelid AND k.classoid = 'pg_class'::regclass
				AND k.objsubid = a.attnum
			WHERE w.kind = 'c'),
		(SELECT string_agg(p.oid::regprocedure::text || ' ' || pg_get_functiondef(p.oid) || ' '
				|| coalesce(p.proacl::text, '') || ' ' || p.proowner::text || ' '
				|| coalesce(obj_description(p.oid, 'pg_proc'), ''), E'\n' ORDER BY p.oid)
			FROM pg_proc p WHERE p.oid IN (SELECT id FROM wanted WHERE kind = 'f')))
$f$;
--
-- Runs every migration's statements on the freshly built schema, one after the other, each
-- statement in a subtransaction (one that fails because its object already exists or no longer
-- exists is rolled back and the next runs; a CREATE TABLE or INDEX whose name exists is not run),
-- then rolls them all back. Returns a 'note' row for each statement that failed for another
-- reason, and a last row (migration -1) saying whether the catalog is the same afterwards
-- ('mirrored') or may differ ('suspect', with the reason).
CREATE FUNCTION pg_temp.confiture_proof_once(owners integer[], statements text[], creates text[], tables text[],
		catalogs oid[], counted boolean, OUT migration integer, OUT verdict text, OUT detail text)
		RETURNS SETOF record LANGUAGE plpgsql AS $f$
DECLARE
	n integer := coalesce(array_length(owners, 1), 0);
	boundary bigint := (SELECT (xmin::text::bigint + 1) % 4294967296 FROM pg_proc
		WHERE proname = 'confiture_proof_once' AND pronamespace = pg_my_temp_schema());
	before bigint[] := pg_temp.confiture_proof_writes(catalogs);
	deletes bigint[] := ARRAY(SELECT pg_stat_get_xact_tuples_deleted(c) FROM unnest(catalogs) AS c);
	after bigint[];
	changed oid[] := '{}';
	shrunk oid[] := '{}';
	counts bigint[] := '{}';
	items text[] := '{}';
	state text;
	path text := current_setting('search_path');
	notes text[] := ARRAY(SELECT NULL::text FROM generate_series(1, n));
	suspect text;
	k integer;
BEGIN
	BEGIN
		FOR k IN 1 .. n LOOP
			-- CREATE TABLE or INDEX of a name that exists where it would be created fails: skipped
			CONTINUE WHEN creates[k] IS NOT NULL AND tables[k] IS NULL AND EXISTS (SELECT FROM pg_class c
				WHERE c.oid = to_regclass(creates[k]) AND (strpos(creates[k], '.') > 0
					OR c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())));
			CONTINUE WHEN tables[k] IS NOT NULL AND left(creates[k], 1) <> '#' AND EXISTS (SELECT FROM pg_class c
				WHERE c.relname = (parse_ident(creates[k]))[1]
					AND c.relnamespace = (SELECT t.relnamespace FROM pg_class t WHERE t.oid = to_regclass(tables[k])));
			-- ALTER TABLE ... ADD COLUMN of a column that exists ('#c name'), ADD CONSTRAINT ... CHECK or
			-- FOREIGN KEY of a constraint name the table has ('#k name'): refused too, so skipped
			CONTINUE WHEN left(creates[k], 3) = '#c ' AND EXISTS (SELECT FROM pg_attribute a
				WHERE a.attrelid = to_regclass(tables[k]) AND a.attnum > 0 AND NOT a.attisdropped
					AND a.attname = (parse_ident(substr(creates[k], 4)))[1]);
			CONTINUE WHEN left(creates[k], 3) = '#k ' AND EXISTS (SELECT FROM pg_constraint n
				WHERE n.conrelid = to_regclass(tables[k]) AND n.conname = (parse_ident(substr(creates[k], 4)))[1]);
			BEGIN
				EXECUTE statements[k];
			EXCEPTION
				WHEN duplicate_table OR duplicate_column OR duplicate_object OR duplicate_function
						OR duplicate_schema OR duplicate_alias OR undefined_table OR undefined_column
						OR undefined_object OR undefined_function OR invalid_schema_name
						OR active_sql_transaction THEN
					NULL;
				WHEN OTHERS THEN
					notes[k] := SQLSTATE || ':' || SQLERRM;
			END;
		END LOOP;
		after := pg_temp.confiture_proof_writes(catalogs);
		FOR k IN 1 .. array_length(catalogs, 1) LOOP
			IF NOT counted OR after[k] <> before[k] THEN
				changed := changed || catalogs[k];
			END IF;
			IF NOT counted OR pg_stat_get_xact_tuples_deleted(catalogs[k]) <> deletes[k] THEN
				shrunk := shrunk || catalogs[k];
				counts := counts || pg_temp.confiture_proof_count(catalogs[k]);
			END IF;
		END LOOP;
		IF cardinality(changed) > 0 THEN
			items := pg_temp.confiture_proof_items(changed, boundary);
			IF '' = ANY (items) OR EXISTS (SELECT 1 FROM unnest(changed) AS c
					WHERE c NOT IN ('pg_class'::regclass, 'pg_attribute'::regclass, 'pg_attrdef'::regclass,
						'pg_constraint'::regclass, 'pg_index'::regclass, 'pg_trigger'::regclass,
						'pg_policy'::regclass, 'pg_rewrite'::regclass, 'pg_sequence'::regclass,
						'pg_inherits'::regclass, 'pg_description'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass)
					AND pg_temp.confiture_proof_written(c, boundary)) THEN
				suspect := 'changes objects other than tables, columns, views, sequences and routines';
			ELSE
				-- names read the same before and after, whatever search_path the migrations set
				PERFORM set_config('search_path', 'pg_catalog', true);
				state := pg_temp.confiture_proof_state(items);
			END IF;
		END IF;
		RAISE EXCEPTION USING ERRCODE = 'CF001', MESSAGE = 'confiture baseline proof rollback';
	EXCEPTION
		WHEN SQLSTATE 'CF001' THEN
			NULL;
	END;
	IF boundary IS NULL THEN
		suspect := 'no transaction id to tell the statements'' catalog rows apart';
	END IF;
	IF suspect IS NULL AND EXISTS (SELECT 1 FROM unnest(shrunk, counts) AS c(catalog, counted_after)
			WHERE pg_temp.confiture_proof_count(catalog) <> counted_after) THEN
		suspect := 'removes catalog rows';
	END IF;
	IF suspect IS NULL AND cardinality(items) > 0 THEN
		PERFORM set_config('search_path', 'pg_catalog', true);
		IF pg_temp.confiture_proof_state(items) IS DISTINCT FROM state THEN
			suspect := 'changes objects';
		END IF;
		PERFORM set_config('search_path', path, true);
	END IF;
	FOR k IN 1 .. n LOOP
		IF notes[k] IS NOT NULL THEN
			migration := owners[k];
			verdict := 'note';
			detail := k || ':' || notes[k];
			RETURN NEXT;
		END IF;
	END LOOP;
	migration := -1;
	verdict := CASE WHEN suspect IS NOT NULL THEN 'suspect' ELSE 'mirrored' END;
	detail := suspect;
	RETURN NEXT;
END
$f$;
