package dev.confiture.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration properties of the main target's tenant fleet
 * ({@code confiture.tenants.*}): a schema per tenant or a database per tenant.
 *
 * @since 0.1.0
 */
public class ConfitureTenantsProperties {

	/**
	 * Schema per tenant: how the schemas are listed.
	 */
	private final Source schemas = new Source();

	/**
	 * Database per tenant: how the databases' URLs are listed (list or query only).
	 */
	private final Source databases = new Source();

	/**
	 * Whether every tenant is migrated at startup (after the main target); otherwise the
	 * application calls the ConfitureTenants bean.
	 */
	private boolean migrateOnStartup = true;

	/**
	 * Whether startup fails when a tenant is not up to date after the startup migration.
	 */
	private boolean failOnError = true;

	/**
	 * How many tenants are migrated at once.
	 */
	private int parallel = 4;

	/**
	 * How many tenants of one server are migrated at once (each uses up to two
	 * connections).
	 */
	private int maxPerServer = 4;

	/**
	 * Whether a fleet run starts no more tenants after one fails.
	 */
	private boolean failFast;

	public Source getSchemas() {
		return this.schemas;
	}

	public Source getDatabases() {
		return this.databases;
	}

	public boolean isMigrateOnStartup() {
		return this.migrateOnStartup;
	}

	public void setMigrateOnStartup(boolean migrateOnStartup) {
		this.migrateOnStartup = migrateOnStartup;
	}

	public boolean isFailOnError() {
		return this.failOnError;
	}

	public void setFailOnError(boolean failOnError) {
		this.failOnError = failOnError;
	}

	public int getParallel() {
		return this.parallel;
	}

	public void setParallel(int parallel) {
		this.parallel = parallel;
	}

	public int getMaxPerServer() {
		return this.maxPerServer;
	}

	public void setMaxPerServer(int maxPerServer) {
		this.maxPerServer = maxPerServer;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	/**
	 * How tenants are listed: one of like, list or query.
	 */
	public static class Source {

		/**
		 * LIKE pattern of the tenant schemas, such as tenant_%.
		 */
		private String like;

		/**
		 * Tenant schema names, or database URLs.
		 */
		private List<String> list = new ArrayList<>();

		/**
		 * Query on the main database whose first column names the tenants (schemas or
		 * URLs).
		 */
		private String query;

		public String getLike() {
			return this.like;
		}

		public void setLike(String like) {
			this.like = like;
		}

		public List<String> getList() {
			return this.list;
		}

		public void setList(List<String> list) {
			this.list = list;
		}

		public String getQuery() {
			return this.query;
		}

		public void setQuery(String query) {
			this.query = query;
		}

		boolean isSet() {
			return this.like != null || !this.list.isEmpty() || this.query != null;
		}

	}

}
