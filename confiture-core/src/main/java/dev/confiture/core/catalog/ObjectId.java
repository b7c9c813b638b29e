package dev.confiture.core.catalog;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.confiture.core.internal.Identifiers;

/**
 * The identity of a catalog object, without OIDs: its kind and its quoted names, as
 * {@code pg_identify_object} gives them. Its {@link #toString() text} is PostgreSQL's
 * "kind identity" ({@code table public.users}, {@code table column public.users.id},
 * {@code trigger audit on public.users}, {@code function public.touch(integer)}); two
 * identities are equal exactly when their texts are.
 *
 * @param kind the kind, as {@code pg_identify_object} names it ({@code table},
 * {@code table column}, {@code materialized view}...), or {@code comment on} followed by
 * the commented object's kind
 * @param schema the quoted schema, or {@code null} for objects outside a schema (schemas,
 * extensions)
 * @param name the quoted name; for a function or procedure, the name with its identity
 * argument types ({@code touch(integer)}); for an object that belongs to a table (column,
 * constraint, trigger, policy), the table's name
 * @param member the quoted name of a column, constraint, trigger or policy, or
 * {@code null}
 */
public record ObjectId(String kind, @Nullable String schema, String name, @Nullable String member) {

	private static final String COMMENT_ON = "comment on ";

	private static final String COLUMN = "table column";

	private static final Set<String> ON_TABLE = Set.of("table constraint", "trigger", "policy");

	private static final Set<String> QUALIFIED = Set.of("table", "view", "materialized view", "index", "sequence",
			"type", "function", "procedure", "aggregate", "policies of");

	/**
	 * The identity of an object from PostgreSQL's identity text for its kind (the
	 * {@code identity} column of {@code pg_identify_object}).
	 * @param kind the kind
	 * @param identity the identity text, e.g. {@code public.users} or
	 * {@code audit on public.users}
	 * @return the identity
	 */
	public static ObjectId of(String kind, String identity) {
		if (kind.startsWith(COMMENT_ON)) {
			ObjectId target = of(kind.substring(COMMENT_ON.length()), identity);
			return new ObjectId(kind, target.schema, target.name, target.member);
		}
		if (COLUMN.equals(kind)) {
			String[] tableAndColumn = Identifiers.splitQualified(identity);
			if (tableAndColumn[0] != null) {
				String[] table = Identifiers.splitQualified(tableAndColumn[0]);
				return new ObjectId(kind, table[0], table[1], tableAndColumn[1]);
			}
		}
		else if (ON_TABLE.contains(kind)) {
			int end = identifierEnd(identity);
			if (end > 0 && identity.startsWith(" on ", end)) {
				String[] table = Identifiers.splitQualified(identity.substring(end + " on ".length()));
				return new ObjectId(kind, table[0], table[1], identity.substring(0, end));
			}
		}
		else if (QUALIFIED.contains(kind)) {
			int arguments = unquotedIndexOf(identity, '(');
			String[] parts = Identifiers.splitQualified((arguments >= 0) ? identity.substring(0, arguments) : identity);
			if (parts[0] != null) {
				return new ObjectId(kind, parts[0], parts[1] + ((arguments >= 0) ? identity.substring(arguments) : ""),
						null);
			}
		}
		return new ObjectId(kind, null, identity, null);
	}

	/**
	 * The identity of an object that belongs to a table: a constraint, trigger or policy.
	 * @param kind the kind ({@code table constraint}, {@code trigger} or {@code policy})
	 * @param member the object's quoted name
	 * @param table the table's schema-qualified, quoted name
	 * @return the identity
	 */
	public static ObjectId on(String kind, String member, String table) {
		String[] parts = Identifiers.splitQualified(table);
		return new ObjectId(kind, parts[0], parts[1], member);
	}

	/**
	 * The identity of a column.
	 * @param table the table's schema-qualified, quoted name
	 * @param column the quoted column name
	 * @return the identity
	 */
	public static ObjectId column(String table, String column) {
		return on(COLUMN, column, table);
	}

	/**
	 * The identity of a column from its qualified name ({@code public.users.id}), as
	 * {@link Sequence#ownedBy()} gives it.
	 * @param qualifiedColumn the schema-qualified, quoted column name
	 * @return the identity
	 */
	public static ObjectId column(String qualifiedColumn) {
		return of(COLUMN, qualifiedColumn);
	}

	/**
	 * The schema-qualified name ({@code public.users}, {@code public.touch(integer)}), or
	 * the name alone for an object outside a schema; for a column, constraint, trigger or
	 * policy, its table's.
	 * @return the qualified name
	 */
	public String qualifiedName() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

	/**
	 * The identity text without the kind, as {@code pg_identify_object} gives it.
	 * @return the identity text
	 */
	public String identity() {
		if (this.member == null) {
			return qualifiedName();
		}
		return this.kind.endsWith(COLUMN) ? qualifiedName() + "." + this.member
				: this.member + " on " + qualifiedName();
	}

	/**
	 * The table that a column, constraint, trigger or policy belongs to.
	 * @return the table's identity
	 */
	public ObjectId table() {
		return new ObjectId("table", this.schema, this.name, null);
	}

	/**
	 * The same object under another kind, e.g. the comment on it.
	 * @param kind the kind
	 * @return the identity
	 */
	public ObjectId withKind(String kind) {
		return new ObjectId(kind, this.schema, this.name, this.member);
	}

	/**
	 * The identity of the comment on this object.
	 * @return the comment's identity
	 */
	public ObjectId comment() {
		return withKind(COMMENT_ON + this.kind);
	}

	/**
	 * The kind followed by the identity text, e.g. {@code table public.users}.
	 */
	@Override
	public String toString() {
		return this.kind + " " + identity();
	}

	private static int unquotedIndexOf(String text, char wanted) {
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == wanted && !quoted) {
				return i;
			}
		}
		return -1;
	}

	private static int identifierEnd(String text) {
		if (text.startsWith("\"")) {
			int i = 1;
			while (i < text.length()) {
				if (text.charAt(i) == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						i += 2;
						continue;
					}
					return i + 1;
				}
				i++;
			}
			return -1;
		}
		return text.indexOf(' ');
	}

}
