package dev.confiture.spring.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * A {@link SchemaManagementProvider} that tells Hibernate that Confiture manages the schema of
 * the DataSource it works on, so that Hibernate does not create it.
 */
class ConfitureSchemaManagementProvider implements SchemaManagementProvider {

	private final DataSource managed;

	ConfitureSchemaManagementProvider(DataSource managed) {
		this.managed = managed;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return (this.managed != null && this.managed.equals(dataSource)) ? SchemaManagement.MANAGED
				: SchemaManagement.UNMANAGED;
	}

}
