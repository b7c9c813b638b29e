package dev.confiture.core.catalog;

/**
 * An index of a partition attached to an index of its parent (a partitioned index), as
 * {@code CREATE INDEX} on the parent, {@code PARTITION OF}, {@code ATTACH PARTITION} or
 * {@code ALTER INDEX ... ATTACH PARTITION} leave it. The attached index itself is an
 * {@link Index} or backs a {@link Constraint} of the partition.
 *
 * @param index the attached index's schema-qualified, quoted name
 * @param parent the parent index's schema-qualified, quoted name
 */
public record IndexAttachment(String index, String parent) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.of("attachment of index", this.index);
	}

}
