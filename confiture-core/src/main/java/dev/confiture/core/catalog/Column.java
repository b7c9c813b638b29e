package dev.confiture.core.catalog;

/**
 * A column of a table.
 *
 * @param name the quoted name
 * @param type the type, as {@code format_type} gives it
 * @param collation the quoted collation when it differs from the type's default, or
 * {@code null}
 * @param notNull whether {@code NOT NULL}
 * @param defaultExpression the default expression, or {@code null} (also {@code null} for
 * generated columns)
 * @param identity {@code ALWAYS}, {@code BY DEFAULT}, or {@code null}
 * @param identityOptions the identity sequence's options (name, start, increment...), or
 * {@code null}
 * @param generated {@code STORED}, {@code VIRTUAL}, or {@code null}
 * @param generationExpression the generation expression of a generated column, or
 * {@code null}
 */
public record Column(String name, String type, String collation, boolean notNull, String defaultExpression,
		String identity, String identityOptions, String generated, String generationExpression) {

	/** The column definition as in {@code CREATE TABLE} or {@code ADD COLUMN}. */
	public String definition() {
		StringBuilder sql = new StringBuilder(this.name).append(' ').append(this.type);
		if (this.collation != null) {
			sql.append(" COLLATE ").append(this.collation);
		}
		if (this.generated != null) {
			sql.append(" GENERATED ALWAYS AS (").append(this.generationExpression).append(") ").append(this.generated);
		}
		if (this.defaultExpression != null) {
			sql.append(" DEFAULT ").append(this.defaultExpression);
		}
		if (this.identity != null) {
			sql.append(" GENERATED ")
				.append(this.identity)
				.append(" AS IDENTITY (")
				.append(this.identityOptions)
				.append(')');
		}
		if (this.notNull) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

}
