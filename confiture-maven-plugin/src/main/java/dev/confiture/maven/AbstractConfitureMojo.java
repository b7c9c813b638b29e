package dev.confiture.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.DependencyResolutionRequiredException;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServers;

/**
 * Base of every goal: the parameters that choose the environment and the database, as the
 * command line's {@code --env}, {@code --config}, {@code --database-url} and
 * {@code --project-dir}, plus {@code skip}, {@code reportFile} and credentials from
 * {@code settings.xml}. Failures become {@code MojoFailureException}s with the message
 * and the remedy; nothing logged or thrown contains a password.
 */
public abstract class AbstractConfitureMojo extends AbstractMojo {

	/**
	 * Environment: {@code db/environments/NAME.yaml} or an entry of
	 * {@code confiture.yaml}.
	 */
	@Parameter(property = "confiture.env")
	String env;

	/**
	 * Configuration file to use instead of looking up {@code env} in the project
	 * directory.
	 */
	@Parameter(property = "confiture.configFile")
	File configFile;

	/**
	 * Database to use instead of the environment's ({@code postgresql://host:5432/db}).
	 */
	@Parameter(property = "confiture.databaseUrl")
	String databaseUrl;

	/** Database user, overriding the URL's or the environment's. */
	@Parameter(property = "confiture.user")
	String user;

	/**
	 * Database password, overriding the URL's or the environment's; prefer
	 * {@code serverId}.
	 */
	@Parameter(property = "confiture.password")
	String password;

	/**
	 * Id of a {@code <server>} in {@code settings.xml} whose username and password
	 * (decrypted) are used.
	 */
	@Parameter(property = "confiture.serverId")
	String serverId;

	/** Project directory, the one that holds {@code db/}. */
	@Parameter(property = "confiture.projectDirectory", defaultValue = "${project.basedir}")
	File projectDirectory;

	/**
	 * A PostgreSQL server where throw-away databases may be created (verify, diff,
	 * validate, check); default: the environment's database server, else an embedded
	 * PostgreSQL.
	 */
	@Parameter(property = "confiture.shadowUrl")
	String shadowUrl;

	/**
	 * Packages searched for Java migrations ({@code JavaMigration} classes), on the
	 * project's compiled classes and runtime dependencies (run {@code compile} first).
	 */
	@Parameter(property = "confiture.javaMigrationPackages")
	List<String> javaMigrationPackages;

	/**
	 * Longest wait for the TCP connection: 500ms, 10s, 2m (default: 10s, or the
	 * environment's).
	 */
	@Parameter(property = "confiture.connectTimeout")
	String connectTimeout;

	/** Longest wait for the whole login (default: 30s, or the environment's). */
	@Parameter(property = "confiture.loginTimeout")
	String loginTimeout;

	/**
	 * Longest wait for any answer of the server; 0 waits as long as a statement runs
	 * (default: 0, or the environment's).
	 */
	@Parameter(property = "confiture.socketTimeout")
	String socketTimeout;

	/** Skips the goal. */
	@Parameter(property = "confiture.skip", defaultValue = "false")
	boolean skip;

	/**
	 * A file to write the goal's result to as JSON (the document of the command line's
	 * --format json).
	 */
	@Parameter(property = "confiture.reportFile")
	File reportFile;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	MavenSession session;

	@Parameter(defaultValue = "${project}", readonly = true)
	MavenProject project;

	@Component
	SettingsDecrypter settingsDecrypter;

	@Override
	public final void execute() throws MojoExecutionException, org.apache.maven.plugin.MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping Confiture " + goal() + " (skip=true)");
			return;
		}
		Secrets secrets = secrets();
		MavenOutput output = new MavenOutput(getLog(), secrets);
		Reports reports = new Reports(goal(), Parameters.pathOf(this.reportFile), secrets);
		try {
			run(output, reports);
		}
		catch (ConfitureException ex) {
			reports.failure(ex);
			throw Failures.of(ex, secrets);
		}
	}

	/**
	 * Runs the goal.
	 * @param output where texts go (the Maven log)
	 * @param reports where the JSON report goes, if asked
	 * @throws org.apache.maven.plugin.MojoFailureException if the goal finds a problem to
	 * report
	 */
	abstract void run(MavenOutput output, Reports reports) throws org.apache.maven.plugin.MojoFailureException;

	/**
	 * Whether a missing migrations directory is an error (as in the command line: for the
	 * goals that read migrations).
	 */
	boolean requiresMigrationsDirectory() {
		return true;
	}

	/** The goal's name, for messages. */
	abstract String goal();

	/**
	 * A configuration of the Java API from the parameters.
	 * @return the configuration, not yet loaded
	 */
	Confiture.Configuration configure() {
		Confiture.Configuration configuration = connection().configure()
			.requireMigrationsDirectory(requiresMigrationsDirectory());
		if (Parameters.isSet(this.shadowUrl)) {
			ConnectionSettings shadow = ConnectionSettings.parse(this.shadowUrl, null, null);
			configuration.shadowServer(() -> PostgresServers.existing(shadow, "shadowUrl"));
		}
		if (this.javaMigrationPackages != null && !this.javaMigrationPackages.isEmpty()) {
			configuration.javaMigrationPackages(this.javaMigrationPackages).classLoader(projectClassLoader());
		}
		return configuration;
	}

	/**
	 * The facade for the chosen environment and database.
	 * @return the loaded facade
	 */
	Confiture confiture() {
		return configure().load();
	}

	private ClassLoader projectClassLoader() {
		List<URL> urls = new ArrayList<>();
		try {
			if (this.project != null) {
				for (String element : this.project.getRuntimeClasspathElements()) {
					urls.add(new File(element).toURI().toURL());
				}
			}
		}
		catch (DependencyResolutionRequiredException | MalformedURLException ex) {
			throw new ConfitureException(ConfitureException.Category.CONFIG,
					"Could not read the project's classpath for Java migrations: " + ex.getMessage(),
					"Run the goal in a project whose dependencies resolve, after compile");
		}
		return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
	}

	ConnectionParameters connection() {
		return new ConnectionParameters(projectDirectory(), this.env, Parameters.pathOf(this.configFile),
				this.databaseUrl, credentials(),
				new ConnectionParameters.Timeouts(timeout(this.connectTimeout, "connectTimeout", false),
						timeout(this.loginTimeout, "loginTimeout", false),
						timeout(this.socketTimeout, "socketTimeout", true)));
	}

	private static Duration timeout(String value, String name, boolean zeroAllowed) {
		if (!Parameters.isSet(value)) {
			return null;
		}
		Duration duration = Durations.parse(value, name);
		if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
			throw new ConfitureException(ConfitureException.Category.CONFIG,
					name + " '" + value + "' must be " + (zeroAllowed ? "zero or more" : "more than zero"),
					"Use 500ms, 30s or 2m");
		}
		return duration;
	}

	Path projectDirectory() {
		return ((this.projectDirectory != null) ? this.projectDirectory.toPath() : Path.of("")).toAbsolutePath();
	}

	private Credentials credentials() {
		return Credentials.resolve(this.user, this.password, this.serverId,
				(this.session != null) ? this.session.getSettings() : null, this.settingsDecrypter);
	}

	/**
	 * A password configured elsewhere than the database parameters, to mask in every
	 * text.
	 */
	String extraPassword() {
		return null;
	}

	static String passwordOf(String url) {
		try {
			return Parameters.isSet(url) ? ConnectionSettings.parse(url, null, null).password() : null;
		}
		catch (ConfitureException ex) {
			return null;
		}
	}

	private Secrets secrets() {
		try {
			return Secrets.of(credentials().password(), this.password, passwordOf(this.shadowUrl),
					passwordOf(this.databaseUrl), extraPassword());
		}
		catch (ConfitureException ex) {
			return Secrets.of(this.password);
		}
	}

}
