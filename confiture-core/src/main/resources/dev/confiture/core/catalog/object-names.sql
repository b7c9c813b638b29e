-- The kind and identity of objects given as arrays of (classid, objid, objsubid); each one named once.
SELECT x.c, x.o, x.s, (x.i).type, (x.i).identity
FROM (
	SELECT u.c, u.o, u.s, pg_identify_object(u.c, u.o, u.s) AS i
	FROM unnest(?::oid[], ?::oid[], ?::int[]) AS u(c, o, s)
	OFFSET 0
) x
