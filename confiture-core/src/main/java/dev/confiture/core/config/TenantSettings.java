package dev.confiture.core.config;

import java.util.List;
import java.util.Objects;

/**
 * How an environment finds its tenants ({@code tenants:}): schemas in the environment's
 * database, or databases, listed by a {@code LIKE} pattern, a fixed list or a query.
 *
 * @param kind schema per tenant or database per tenant
 * @param source how the tenants are listed
 * @param values the pattern or the query (one value), or the listed names or URLs
 * @param origin where the settings come from, for messages (a file and line, or a
 * property)
 */
public record TenantSettings(Kind kind, Source source, List<String> values, String origin) {

	public TenantSettings {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
		values = List.copyOf(values);
	}

	/** Schema per tenant, listed by a {@code LIKE} pattern. */
	public static TenantSettings schemasLike(String pattern) {
		return new TenantSettings(Kind.SCHEMAS, Source.LIKE, List.of(pattern), "tenants.schemas.like");
	}

	/** The pattern or query, for the sources that have one value. */
	public String value() {
		return this.values.isEmpty() ? null : this.values.get(0);
	}

	/**
	 * Where each tenant lives.
	 */
	public enum Kind {

		/** One schema per tenant in the environment's database. */
		SCHEMAS,

		/** One database per tenant, on one or more servers. */
		DATABASES

	}

	/**
	 * How the tenants are listed.
	 */
	public enum Source {

		/** Schemas whose name matches a {@code LIKE} pattern. */
		LIKE,

		/** A fixed list of schema names or database URLs. */
		LIST,

		/**
		 * A query run on the environment's database whose first column names the tenants.
		 */
		QUERY

	}

}
