package dev.confiture.spring.boot.test.autoconfigure;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} to create
 * {@link ConfitureServerConnectionDetails} from a
 * {@link ServiceConnection @ServiceConnection}-annotated {@link PostgreSQLContainer}:
 * test databases are then created on the container.
 */
class ConfitureContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<PostgreSQLContainer, ConfitureServerConnectionDetails> {

	ConfitureContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "org.testcontainers.postgresql.PostgreSQLContainer");
	}

	@Override
	protected ConfitureServerConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<PostgreSQLContainer> source) {
		return new ConfitureContainerConnectionDetails(source);
	}

	/**
	 * {@link ConfitureServerConnectionDetails} backed by a {@link PostgreSQLContainer}.
	 */
	private static final class ConfitureContainerConnectionDetails
			extends ContainerConnectionDetails<PostgreSQLContainer> implements ConfitureServerConnectionDetails {

		private ConfitureContainerConnectionDetails(ContainerConnectionSource<PostgreSQLContainer> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

	}

}
