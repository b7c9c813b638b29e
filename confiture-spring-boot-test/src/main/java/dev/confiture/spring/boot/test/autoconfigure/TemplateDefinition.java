package dev.confiture.spring.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import dev.confiture.core.config.Environment;
import dev.confiture.core.Confiture;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * What a template database holds: the files of an environment (schema, seeds, migrations),
 * how they are applied, and the Java migration packages. Two definitions with the same
 * {@link #key() key} make the same template.
 *
 * @param environment the environment, its files on disk
 * @param source what the template is built from
 * @param javaMigrationPackages packages scanned for {@code JavaMigration} classes
 * @param classLoader the class loader for Java migrations, or {@code null}
 */
record TemplateDefinition(Environment environment, TemplateSource source, List<String> javaMigrationPackages,
		ClassLoader classLoader) {

	/** Format of the template: part of the key, so that a new format makes new templates. */
	private static final String FORMAT = "1";

	TemplateDefinition {
		javaMigrationPackages = List.copyOf(javaMigrationPackages);
	}

	/**
	 * The same files built from another source.
	 * @param source the source
	 * @return a new definition
	 */
	TemplateDefinition withSource(TemplateSource source) {
		return new TemplateDefinition(this.environment, source, this.javaMigrationPackages, this.classLoader);
	}

	/**
	 * The SHA-256 over everything that makes the template: the source, the tracking table,
	 * the Java migration packages, and the relative path and content of every schema, seed and
	 * migration file.
	 * @return the key as hex
	 */
	String key() {
		MessageDigest digest = sha256();
		update(digest, "format " + FORMAT + "\nsource " + this.source + "\ntracking " + this.environment.trackingTable()
				+ "\njava " + this.javaMigrationPackages + "\n");
		Path base = this.environment.projectDirectory();
		for (Path directory : this.environment.includeDirectories()) {
			hashFiles(digest, "schema", base, directory);
		}
		for (Path directory : this.environment.seedDirectories()) {
			hashFiles(digest, "seed", base, directory);
		}
		hashFiles(digest, "migration", base, this.environment.migrationsDirectory());
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * What the template is a version of, without the file contents: templates of one variant
	 * replace each other when the files change.
	 * @return the variant as hex
	 */
	String variant() {
		MessageDigest digest = sha256();
		Path base = this.environment.projectDirectory();
		StringBuilder text = new StringBuilder(System.getProperty("user.dir", "")).append('\n')
			.append(this.source)
			.append('\n')
			.append(this.environment.trackingTable())
			.append('\n');
		this.environment.includeDirectories().forEach((dir) -> text.append("schema ").append(relative(base, dir)).append('\n'));
		this.environment.seedDirectories().forEach((dir) -> text.append("seed ").append(relative(base, dir)).append('\n'));
		text.append("migrations ").append(relative(base, this.environment.migrationsDirectory()));
		update(digest, text.toString());
		return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
	}

	/**
	 * The name of the template database: {@code confiture_tpl_} and 12 characters of the key.
	 * @return the name
	 */
	String databaseName() {
		return TemplateDatabases.PREFIX + key().substring(0, 12);
	}

	/**
	 * Completes a configuration of the Java API with the Java migration packages and class
	 * loader.
	 * @param configuration the configuration to complete
	 * @return the configuration
	 */
	Confiture.Configuration customize(Confiture.Configuration configuration) {
		return configuration.javaMigrationPackages(this.javaMigrationPackages).classLoader(this.classLoader);
	}

	private static void hashFiles(MessageDigest digest, String kind, Path base, Path directory) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(directory)) {
			walk.filter(Files::isRegularFile).forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort((left, right) -> relative(base, left).compareTo(relative(base, right)));
		for (Path file : files) {
			update(digest, kind + " " + relative(base, file) + "\n");
			try {
				digest.update(Files.readAllBytes(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			update(digest, "\n");
		}
	}

	private static String relative(Path base, Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path root = base.toAbsolutePath().normalize();
		return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
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
