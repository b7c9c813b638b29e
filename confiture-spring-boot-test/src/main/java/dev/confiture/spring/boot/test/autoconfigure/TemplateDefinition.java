package dev.confiture.spring.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.Environment;
import dev.confiture.core.resource.ProjectSources;
import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * What a template database holds: the files of an environment (schema, seeds,
 * migrations), how they are applied, and the Java migration packages. Two definitions
 * with the same {@link #key() key} make the same template.
 *
 * @param environment the environment, its files read from its sources
 * @param source what the template is built from
 * @param javaMigrationPackages packages scanned for {@code JavaMigration} classes
 * @param classLoader the class loader for Java migrations, or {@code null}
 * @param proveBaseline whether a build from the schema proves that the schema files
 * contain every migration it marks as applied
 */
record TemplateDefinition(Environment environment, TemplateSource source, List<String> javaMigrationPackages,
		ClassLoader classLoader, boolean proveBaseline) {

	/**
	 * Format of the template: part of the key, so that a new format makes new templates.
	 */
	private static final String FORMAT = "2";

	TemplateDefinition(Environment environment, TemplateSource source, List<String> javaMigrationPackages,
			ClassLoader classLoader) {
		this(environment, source, javaMigrationPackages, classLoader, true);
	}

	TemplateDefinition {
		javaMigrationPackages = List.copyOf(javaMigrationPackages);
	}

	/**
	 * The same files built from another source.
	 * @param source the source
	 * @return a new definition
	 */
	TemplateDefinition withSource(TemplateSource source) {
		return new TemplateDefinition(this.environment, source, this.javaMigrationPackages, this.classLoader,
				this.proveBaseline);
	}

	/**
	 * The SHA-256 over everything that makes the template: the source, the tracking
	 * table, the Java migration packages, and the relative path and content of every
	 * schema, seed and migration file.
	 * @return the key as hex
	 */
	String key() {
		MessageDigest digest = sha256();
		update(digest, "format " + FORMAT + "\nsource " + this.source + "\ntracking " + this.environment.trackingTable()
				+ "\njava " + this.javaMigrationPackages + "\nproof " + this.proveBaseline + "\n");
		ProjectSources sources = this.environment.sources();
		sources.schema().forEach((location) -> hashFiles(digest, "schema", location));
		sources.seeds().forEach((location) -> hashFiles(digest, "seed", location));
		sources.migrations().forEach((location) -> hashFiles(digest, "migration", location));
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * What the template is a version of, without the file contents: templates of one
	 * variant replace each other when the files change.
	 * @return the variant as hex
	 */
	String variant() {
		MessageDigest digest = sha256();
		ProjectSources sources = this.environment.sources();
		StringBuilder text = new StringBuilder(System.getProperty("user.dir", "")).append('\n')
			.append(this.source)
			.append('\n')
			.append(this.environment.trackingTable())
			.append('\n');
		sources.schema().forEach((location) -> text.append("schema ").append(location.description()).append('\n'));
		sources.seeds().forEach((location) -> text.append("seed ").append(location.description()).append('\n'));
		sources.migrations()
			.forEach((location) -> text.append("migrations ").append(location.description()).append('\n'));
		update(digest, text.toString());
		return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
	}

	/**
	 * The name of the template database: {@code confiture_tpl_} and 12 characters of the
	 * key.
	 * @return the name
	 */
	String databaseName() {
		return TemplateDatabases.PREFIX + key().substring(0, 12);
	}

	/**
	 * Completes a configuration of the Java API with the Java migration packages and
	 * class loader.
	 * @param configuration the configuration to complete
	 * @return the configuration
	 */
	Confiture.Configuration customize(Confiture.Configuration configuration) {
		return configuration.javaMigrationPackages(this.javaMigrationPackages).classLoader(this.classLoader);
	}

	private static void hashFiles(MessageDigest digest, String kind, SqlLocation location) {
		if (!location.exists()) {
			return;
		}
		for (SqlResource file : location.resources()) {
			update(digest, kind + " " + file.displayPath() + "\n");
			try {
				digest.update(file.content());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			update(digest, "\n");
		}
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
