package dev.confiture.core.catalog;

/**
 * A table's {@code REPLICA IDENTITY} when it is not the default (the primary key): absent
 * from a catalog for tables that use the default.
 *
 * @param table the table's schema-qualified, quoted name
 * @param identity {@code FULL}, {@code NOTHING} or {@code USING INDEX}
 * @param index the schema-qualified, quoted name of the index of {@code USING INDEX}, or
 * {@code null}
 */
public record ReplicaIdentity(String table, String identity, String index) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.of("replica identity of", this.table);
	}

	/** The clause after {@code ALTER TABLE ... REPLICA IDENTITY}. */
	public String clause() {
		if (this.index == null) {
			return this.identity;
		}
		boolean quoted = false;
		int dot = -1;
		for (int i = this.index.length() - 1; i >= 0 && dot < 0; i--) {
			char c = this.index.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '.' && !quoted) {
				dot = i;
			}
		}
		String name = this.index.substring(dot + 1);
		return this.identity + " " + name;
	}

}
