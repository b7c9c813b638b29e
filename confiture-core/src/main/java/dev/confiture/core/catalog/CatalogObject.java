package dev.confiture.core.catalog;

/**
 * An object of a {@link Catalog}, identified without OIDs.
 */
public interface CatalogObject {

	/**
	 * The object's identity: its kind and names, as {@code pg_identify_object} gives
	 * them, e.g. {@code table public.users}, {@code function public.touch(integer)},
	 * {@code trigger audit on public.users}.
	 * @return the identity
	 */
	ObjectId id();

}
