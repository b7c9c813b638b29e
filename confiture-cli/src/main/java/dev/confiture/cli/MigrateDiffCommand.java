package dev.confiture.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.Hazard;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.diff.Step;
import dev.confiture.core.migrate.GeneratedMigration;
import dev.confiture.core.migrate.MigrationListener;
import dev.confiture.core.server.PostgresServer;

/**
 * {@code confiture migrate diff OLD NEW}: the DDL that turns the OLD schema into the NEW one,
 * read by building both into throw-away databases; with {@code --generate}, written as a
 * migration.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = { "Show the DDL that turns OLD into NEW (each a .sql file or a directory of DDL; "
				+ "OLD may be a live database with --from-env), with its hazards. With --generate --name NAME, "
				+ "write it as {version}_{name}.up.sql and a .down.sql (the reverse diff) in the migrations "
				+ "directory.", "Exit code: 0 no changes (or migration written), 1 changes found." })
class MigrateDiffCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	ShadowServerOptions shadow;

	@Parameters(arity = "1..2", paramLabel = "OLD NEW",
			description = "The current and the wanted schema: .sql files or directories (only NEW with --from-env).")
	List<Path> schemas = new ArrayList<>();

	@Option(names = "--from-env", paramLabel = "ENV",
			description = "Use the live database of environment ENV as the current schema.")
	String fromEnvironment;

	@Option(names = "--generate", description = "Write the migration files instead of only showing the plan.")
	boolean generate;

	@Option(names = "--name", paramLabel = "NAME", description = "The migration name for --generate, e.g. add_user_bio.")
	String name;

	@Option(names = "--allow-hazards",
			description = "Generate even when a change can lose data, rewrite a table or block it for long.")
	boolean allowHazards;

	@Option(names = "--online", description = "Prefer forms that keep tables available: CREATE INDEX CONCURRENTLY "
			+ "(the migration then runs outside a transaction), constraints added NOT VALID then validated, "
			+ "SET NOT NULL through a validated check.")
	boolean online;

	@Override
	public Integer call() {
		int expected = (this.fromEnvironment != null) ? 1 : 2;
		if (this.schemas.size() != expected) {
			throw new ParameterException(this.spec.commandLine(), (this.fromEnvironment != null)
					? "With --from-env, pass only the NEW schema" : "Pass the OLD and the NEW schema");
		}
		if (this.generate && (this.name == null || this.name.isBlank())) {
			throw new ParameterException(this.spec.commandLine(), "--generate needs --name NAME");
		}
		Confiture project = loadProject();
		Environment environment = (project != null) ? project.environment() : null;
		ConnectionSettings database = (project != null) ? databaseOrNull(project) : null;
		String trackingTable = (environment != null) ? environment.trackingTable() : null;
		CatalogReader reader = CatalogReader.ignoringConfitureTables(trackingTable);
		PostgresServer server = this.shadow.server(environment, database);
		CatalogLoader loader = new CatalogLoader(server, reader);
		String oldLabel;
		Catalog old;
		if (this.fromEnvironment != null) {
			Confiture live = this.environment.configure().environment(this.fromEnvironment).load();
			oldLabel = "environment " + this.fromEnvironment + " (" + live.database() + ")";
			old = readLive(reader, live.database());
		}
		else {
			oldLabel = display(this.schemas.get(0));
			old = loader.load(SqlSource.of(resolve(this.schemas.get(0))));
		}
		Path newPath = this.schemas.get(this.schemas.size() - 1);
		Catalog wanted = loader.load(SqlSource.of(resolve(newPath)));
		DiffOptions options = new DiffOptions(this.online);
		Plan up = SchemaDiff.compare(old, wanted, options);
		Plan down = SchemaDiff.compare(wanted, old, options);
		GeneratedMigration generated = null;
		if (this.generate && !up.isEmpty()) {
			if (!up.hazards().isEmpty() && !this.allowHazards) {
				throw new ConfitureException(Category.SCHEMA,
						"The migration has hazards and was not written: " + describe(up.hazards()),
						"Review them, then run again with --allow-hazards (or use --online for safer forms)");
			}
			generated = write(project, up, down, oldLabel, display(newPath));
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", true);
			document.put("from", oldLabel);
			document.put("to", display(newPath));
			document.put("changes", up.steps().size());
			document.put("steps", steps(up));
			document.put("hazards", hazards(up.hazards()));
			document.put("notes", up.notes());
			document.put("up", up.script(List.of()));
			document.put("down", down.script(List.of()));
			if (generated != null) {
				document.put("version", generated.version());
				document.put("upFile", generated.upFile().toString());
				document.put("downFile", generated.downFile().toString());
			}
			Json.write(out, document);
		}
		else {
			printText(out, up, oldLabel, display(newPath), generated);
		}
		out.flush();
		if (generated != null || up.isEmpty()) {
			return ExitCodes.OK;
		}
		return 1;
	}

	private Confiture loadProject() {
		try {
			return this.environment.configure().load();
		}
		catch (ConfitureException ex) {
			if (this.generate || this.fromEnvironment != null) {
				throw ex;
			}
			return null;
		}
	}

	private static ConnectionSettings databaseOrNull(Confiture project) {
		try {
			return project.database();
		}
		catch (ConfitureException ex) {
			return null;
		}
	}

	private Path resolve(Path path) {
		return path.isAbsolute() ? path : this.environment.projectDirectory().resolve(path);
	}

	private static String display(Path path) {
		return path.toString().replace('\\', '/');
	}

	private static Catalog readLive(CatalogReader reader, ConnectionSettings database) {
		try (Connection connection = database.connect()) {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not connect to " + database + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that the environment's database settings are right", ex);
		}
	}

	private GeneratedMigration write(Confiture project, Plan up, Plan down, String from, String to) {
		GeneratedMigration files = project.migrator().listener(MigrationListener.NONE).build().generate(this.name);
		String base = files.version() + "_" + files.name();
		List<String> upHeader = List.of("Migration " + base, "Generated by confiture migrate diff " + from + " " + to
				+ (this.online ? " --online" : ""), "Review it before applying; do not edit it once applied.");
		List<String> downHeader = List.of("Rollback of " + base + ": the reverse diff, " + to + " to " + from);
		try {
			Files.writeString(files.upFile(), up.script(upHeader), StandardCharsets.UTF_8);
			Files.writeString(files.downFile(), down.script(downHeader), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not write " + files.upFile() + ": " + ex.getMessage(),
					"Check that the migrations directory is writable", ex);
		}
		return files;
	}

	private static void printText(PrintWriter out, Plan up, String from, String to, GeneratedMigration generated) {
		out.println("Comparing " + from + " with " + to);
		up.notes().forEach((note) -> out.println("Note: " + note));
		if (up.isEmpty()) {
			out.println("No changes.");
			return;
		}
		out.println(up.steps().size() + (up.steps().size() == 1 ? " change" : " changes") + ", "
				+ (up.hazards().isEmpty() ? "no hazards" : up.hazards().size() + " hazards") + ":");
		for (Step step : up.steps()) {
			out.println("  " + step.description());
			step.hazards().forEach((hazard) -> out.println("    HAZARD " + hazard));
		}
		if (generated != null) {
			out.println("Created " + generated.upFile());
			out.println("Created " + generated.downFile());
			out.println("Review the files, then run confiture migrate up.");
		}
		else {
			out.println();
			out.print(up.script(List.of()));
		}
	}

	private static List<Map<String, Object>> steps(Plan plan) {
		List<Map<String, Object>> steps = new ArrayList<>();
		for (Step step : plan.steps()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("description", step.description());
			entry.put("statements", step.statements());
			entry.put("hazards", hazards(step.hazards()));
			entry.put("concurrent", step.concurrent());
			steps.add(entry);
		}
		return steps;
	}

	static List<Map<String, Object>> hazards(List<Hazard> hazards) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Hazard hazard : hazards) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", hazard.type().name());
			entry.put("message", hazard.message());
			result.add(entry);
		}
		return result;
	}

	private static String describe(List<Hazard> hazards) {
		return String.join("; ", hazards.stream().map(Hazard::toString).toList());
	}

}
