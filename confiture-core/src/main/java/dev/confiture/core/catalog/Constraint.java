package dev.confiture.core.catalog;

/**
 * A table constraint: primary key, unique, foreign key, check or exclusion. Not-null
 * constraints are column properties ({@link Column#notNull()}).
 *
 * @param table the table's schema-qualified, quoted name
 * @param name the quoted constraint name
 * @param type {@code p}, {@code u}, {@code f}, {@code c} or {@code x}
 * @param definition the definition from {@code pg_get_constraintdef}, without
 * {@code NOT VALID}
 * @param validated whether it is validated (not {@code NOT VALID})
 * @param index the identity of the index that backs it ({@code index public.users_pkey}),
 * or {@code null}
 */
public record Constraint(String table, String name, String type, String definition, boolean validated,
		ObjectId index) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.on("table constraint", this.name, this.table);
	}

	/** Whether this is a foreign key. */
	public boolean isForeignKey() {
		return "f".equals(this.type);
	}

}
