package dev.confiture.spring.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * A {@link SchemaManagementProvider} that tells Hibernate that Confiture manages the
 * schema of the DataSource it works on, so that Hibernate does not create it.
 */
class ConfitureSchemaManagementProvider implements SchemaManagementProvider {

	private final DataSource managed;

	ConfitureSchemaManagementProvider(DataSource managed) {
		this.managed = managed;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return (this.managed != null && this.managed.equals(dataSource) && isPostgres(dataSource))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

	/**
	 * Whether the DataSource is PostgreSQL: on another database (H2 in tests) Confiture
	 * backs off, and Hibernate keeps its own default ({@code create-drop} for an embedded
	 * database).
	 */
	private static boolean isPostgres(DataSource dataSource) {
		try (java.sql.Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (java.sql.SQLException ex) {
			return true;
		}
	}

}
