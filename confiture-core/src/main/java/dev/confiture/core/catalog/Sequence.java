package dev.confiture.core.catalog;

/**
 * A sequence that is not an identity column's. Its current value is data, not schema.
 *
 * @param name the schema-qualified, quoted name
 * @param dataType its type ({@code bigint}, {@code integer}, {@code smallint})
 * @param start start value
 * @param increment increment
 * @param minValue minimum
 * @param maxValue maximum
 * @param cache cache size
 * @param cycle whether it cycles
 * @param ownedBy the column that owns it ({@code table.column}, quoted), or {@code null}
 */
public record Sequence(String name, String dataType, long start, long increment, long minValue, long maxValue,
		long cache, boolean cycle, String ownedBy) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.of("sequence", this.name);
	}

	/** The options clause used to create or alter it, without {@code OWNED BY}. */
	public String options() {
		return "AS " + this.dataType + " START WITH " + this.start + " INCREMENT BY " + this.increment + " MINVALUE "
				+ this.minValue + " MAXVALUE " + this.maxValue + " CACHE " + this.cache
				+ (this.cycle ? " CYCLE" : " NO CYCLE");
	}

}
