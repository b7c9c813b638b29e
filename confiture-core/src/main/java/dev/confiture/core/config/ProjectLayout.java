package dev.confiture.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * The files a new project starts with ({@code confiture init}, {@code confiture:init}):
 * the layout of the getting-started guide, with a local environment that works against a
 * local PostgreSQL out of the box (standard {@code PG*} variables override its defaults)
 * and a production environment that takes everything from {@code DB_*} variables.
 */
public final class ProjectLayout {

	private ProjectLayout() {
	}

	/**
	 * Writes the layout into a directory, never overwriting a file.
	 * @param options the project directory
	 * @return the files written and the files kept
	 * @throws ConfitureException if a file cannot be written
	 */
	public static ProjectInitResult write(ProjectInitOptions options) {
		Path project = options.directory().toAbsolutePath().normalize();
		Path name = project.getFileName();
		List<String> created = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		try {
			for (Map.Entry<String, String> entry : files((name != null) ? name.toString() : "app").entrySet()) {
				Path target = project.resolve(entry.getKey());
				if (Files.exists(target)) {
					kept.add(entry.getKey());
				}
				else {
					Files.createDirectories(target.getParent());
					Files.writeString(target, entry.getValue());
					created.add(entry.getKey());
				}
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG,
					"Could not write the project layout in " + project + ": " + ex.getMessage(),
					"Check that the directory is writable", ex);
		}
		return new ProjectInitResult(project, created, kept);
	}

	/**
	 * The files to write, by relative path. Empty folders hold a {@code .gitkeep} so that
	 * git keeps them: the environments name them, and a missing include folder is an
	 * error.
	 * @param projectName the project's name, used for database names
	 * @return path to content
	 */
	static Map<String, String> files(String projectName) {
		String database = databaseName(projectName);
		Map<String, String> files = new LinkedHashMap<>();
		files.put("db/schema/00_common/extensions.sql", """
				-- Extensions and types used by the rest of the schema. Files run in order:
				-- 00_common, then 10_tables, 20_views, 30_functions (numbers compare numerically).
				-- CREATE EXTENSION IF NOT EXISTS pg_trgm;
				""");
		files.put("db/schema/10_tables/users.sql", """
				-- Users table: an example to edit or delete.
				CREATE TABLE users (
				    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    username TEXT NOT NULL UNIQUE,
				    email TEXT NOT NULL UNIQUE,
				    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
				);

				CREATE INDEX idx_users_created_at ON users (created_at);
				""");
		files.put("db/schema/20_views/.gitkeep", "");
		files.put("db/schema/30_functions/.gitkeep", "");
		files.put("db/seeds/common/00_users.sql", """
				-- Seed data for every non-production environment.
				INSERT INTO users (username, email) VALUES
				    ('admin', 'admin@example.com'),
				    ('editor', 'editor@example.com');
				""");
		files.put("db/seeds/development/.gitkeep", "");
		files.put("db/seeds/test/.gitkeep", "");
		files.put("db/migrations/.gitkeep", "");
		files.put("db/environments/local.yaml", environment("local", """
				includes:
				  - ../schema
				  - ../seeds/common
				  - ../seeds/development
				""", """
				database:
				  host: ${PGHOST:-localhost}
				  port: ${PGPORT:-5432}
				  database: %s_local
				  user: ${PGUSER:-postgres}
				  password: ${PGPASSWORD:-postgres}
				""".formatted(database)));
		files.put("db/environments/test.yaml", environment("test", """
				includes:
				  - ../schema
				  - ../seeds/common
				  - ../seeds/test
				""", """
				database:
				  host: ${PGHOST:-localhost}
				  port: ${PGPORT:-5432}
				  database: %s_test
				  user: ${PGUSER:-postgres}
				  password: ${PGPASSWORD:-postgres}
				""".formatted(database)));
		files.put("db/environments/production.yaml", environment("production", """
				# Only the schema: never seed data in production.
				includes:
				  - ../schema
				""", """
				# Every value comes from the environment; a missing variable stops Confiture with its name.
				database:
				  host: ${DB_HOST}
				  port: ${DB_PORT:-5432}
				  database: ${DB_NAME}
				  user: ${DB_USER}
				  password: ${DB_PASSWORD}
				"""));
		return files;
	}

	private static String environment(String name, String includes, String database) {
		return "name: " + name + "\n\n" + includes + "\n" + database + "\nmigrations_dir: db/migrations\n";
	}

	static String databaseName(String projectName) {
		String name = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
		if (name.isEmpty()) {
			return "app";
		}
		return Character.isDigit(name.charAt(0)) ? "db_" + name : name;
	}

}
