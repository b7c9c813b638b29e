package dev.confiture.core.diff;

import dev.confiture.core.catalog.Catalog;

/**
 * Compares two {@link Catalog catalogs} and plans the DDL that turns the first into the
 * second. Drops come before creates where dependencies allow, objects are created after
 * what they depend on (from {@code pg_depend} of the new catalog) and dropped before what
 * they depend on (from the old one), and views, functions, triggers, policies and
 * constraints that depend on a dropped or retyped object are dropped and created again
 * around the change. Constraint and index names are always explicit, copied from the
 * target. A down migration is a second comparison in the other direction.
 */
public final class SchemaDiff {

	private SchemaDiff() {
	}

	/**
	 * Plans the changes from one catalog to another.
	 * @param from the current schema
	 * @param to the wanted schema
	 * @param options how to generate
	 * @return the plan, empty when the catalogs are equal
	 */
	public static Plan compare(Catalog from, Catalog to, DiffOptions options) {
		return new Planner(from, to, options).plan();
	}

	/**
	 * Plans the creation of every object of a catalog that a base catalog (usually that
	 * of an empty database) lacks, in an order that PostgreSQL accepts, each step naming
	 * the object it belongs to and the earlier steps it needs.
	 * @param base the objects that exist already
	 * @param target the objects to create
	 * @return the creation steps, in order
	 */
	public static java.util.List<Creation> creations(Catalog base, Catalog target) {
		return new Planner(base, target, DiffOptions.defaults()).creations();
	}

}
