package dev.confiture.spring.boot.autoconfigure;

/**
 * One named target of {@code confiture.targets.<name>.*}: the same settings as the
 * top-level {@code confiture.*}, plus the {@code DataSource} bean it manages.
 *
 * @since 0.1.0
 */
public class ConfitureTargetProperties extends ConfitureProperties {

	/**
	 * Name of the DataSource bean this target builds or migrates. Leave unset and set
	 * {@code url} (with {@code user} and {@code password}) to reach the database
	 * directly.
	 */
	private String dataSource;

	public String getDataSource() {
		return this.dataSource;
	}

	public void setDataSource(String dataSource) {
		this.dataSource = dataSource;
	}

}
