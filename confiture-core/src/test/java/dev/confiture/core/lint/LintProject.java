package dev.confiture.core.lint;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.confiture.core.Confiture;
import dev.confiture.core.TestProject;
import dev.confiture.core.server.ScratchDatabase;

/**
 * A project with a migrations directory, linted against a live database (or none).
 */
final class LintProject {

	static final String SNAPSHOT = "SELECT coalesce(string_agg(entry, E'\\n' ORDER BY entry), '') FROM ("
			+ "SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || c.relfilenode || ' ' "
			+ "|| coalesce(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || a.attnotnull, ', ' "
			+ "ORDER BY a.attnum), '') AS entry FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
			+ "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
			+ "GROUP BY n.nspname, c.relname, c.relkind, c.relfilenode UNION ALL SELECT 'enum ' || enumlabel "
			+ "FROM pg_enum) entries";

	final TestProject project;

	private final ScratchDatabase live;

	LintProject(Path root, ScratchDatabase live) {
		this.project = new TestProject(root);
		this.project.environment("local", "name: local\ninclude_dirs: [db/schema]\n");
		this.project.directory("db/schema");
		this.project.directory("db/migrations");
		this.live = live;
	}

	Path migration(String fileName, String sql) {
		return this.project.file("db/migrations/" + fileName, sql);
	}

	Confiture confiture() {
		Confiture.Configuration configuration = Confiture.configure().projectDirectory(this.project.root());
		if (this.live != null) {
			configuration.database(this.live.settings());
		}
		return configuration.load();
	}

	LintResult lint(Path... files) {
		return confiture().lint(LintOptions.files(List.of(files)));
	}

	LintResult lintStatically(Path... files) {
		return confiture().lint(LintOptions.files(List.of(files)).staticOnly());
	}

	static void execute(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String snapshot(ScratchDatabase database) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(SNAPSHOT)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
