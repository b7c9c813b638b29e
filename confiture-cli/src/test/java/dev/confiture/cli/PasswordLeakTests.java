package dev.confiture.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every command with password-bearing URLs (passwords holding every URL delimiter)
 * and searches everything printed, on the command's writers, on
 * {@code System.out}/{@code err} and in the log records of every logger, for the
 * password.
 */
class PasswordLeakTests {

	/** A password holding every URL delimiter, used with every command. */
	private static final String EVERY_DELIMITER = "S3:cr@t/?#[] w&x=!";

	/** Passwords with one kind of delimiter each, used with one command. */
	private static final List<String> PASSWORDS = List.of("S3cret!#", "pa/ss?wo#rd", "p@ss w0rd&sslmode=x",
			"Se:cr@t/?#[]", "plain-Secret-42", "per%cent");

	private static final List<String> URL_OPTIONS = List.of("--database-url", "--shadow-url", "--db-url");

	@TempDir
	Path project;

	ScratchDatabase database;

	Level rootLevel;

	final List<LogRecord> records = new ArrayList<>();

	final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			synchronized (PasswordLeakTests.this.records) {
				PasswordLeakTests.this.records.add(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@BeforeEach
	void setUp() throws IOException {
		this.database = PostgresServers.shared().createDatabase();
		write("db/schema/10_tables/users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
		write("db/migrations/001_add_bio.up.sql", "ALTER TABLE users ADD COLUMN bio text;\n");
		write("db/migrations/001_add_bio.down.sql", "ALTER TABLE users DROP COLUMN bio;\n");
		write("db/environments/local.yaml", "name: local\ninclude_dirs:\n  - db/schema\n");
		this.rootLevel = Logger.getLogger("").getLevel();
		Logger.getLogger("").setLevel(Level.ALL);
		Logger.getLogger("").addHandler(this.handler);
	}

	@AfterEach
	void tearDown() {
		Logger.getLogger("").removeHandler(this.handler);
		Logger.getLogger("").setLevel(this.rootLevel);
		this.database.close();
	}

	@Test
	void noCommandPrintsThePasswordOfAWorkingUrl() {
		String hostAndDatabase = this.database.settings().jdbcUrl().substring("jdbc:postgresql://".length());
		String password = EVERY_DELIMITER;
		run(commands("postgresql://postgres:" + password + "@" + hostAndDatabase), password);
	}

	@Test
	void statusDoesNotPrintPasswordsWithAnyDelimiter() {
		String hostAndDatabase = this.database.settings().jdbcUrl().substring("jdbc:postgresql://".length());
		for (String password : PASSWORDS) {
			for (String url : List.of("postgresql://postgres:" + password + "@" + hostAndDatabase,
					"postgresql://postgres:" + encode(password) + "@" + hostAndDatabase,
					"jdbc:postgresql://" + hostAndDatabase + "?user=postgres&password=" + encode(password),
					"postgresql://someone:" + password + "@127.0.0.1:1/db",
					"postgresql://someone:" + password + "@127.0.0.1:notaport/db",
					"jdbc:postgresql://127.0.0.1:1/db?user=someone&password=" + password)) {
				run(List
					.of(List.of("migrate", "status", "--project-dir", this.project.toString(), "--database-url", url)),
						password);
			}
		}
	}

	@Test
	void noCommandPrintsThePasswordOfAnUnreachableOrInvalidUrl() {
		String password = EVERY_DELIMITER;
		run(commands("postgresql://someone:" + password + "@127.0.0.1:1/db"), password);
		run(commands("postgresql://someone:" + password + "@127.0.0.1:notaport/db"), password);
		run(commands("mysql://someone:" + password + "@127.0.0.1/db"), password);
	}

	@Test
	void noCommandPrintsThePasswordOfTheEnvironmentFile() throws IOException {
		String password = EVERY_DELIMITER;
		String quoted = "'" + password.replace("'", "''") + "'";
		write("db/environments/local.yaml", "name: local\ninclude_dirs:\n  - db/schema\ndatabase:\n  host: 127.0.0.1\n"
				+ "  port: 1\n  database: db\n  user: someone\n  password: " + quoted + "\n");
		run(commands(null), password);
		write("db/environments/local.yaml", "name: local\ninclude_dirs:\n  - db/schema\ndatabase:\n  host: 127.0.0.1\n"
				+ "  password: " + quoted + "\n   port: [\n");
		run(commands(null), password);
		write("db/environments/local.yaml", "name: local\ninclude_dirs:\n  - db/schema\ndatabase_url: '"
				+ "postgresql://someone:" + password.replace("'", "''") + "@127.0.0.1:1/db'\n");
		run(commands(null), password);
	}

	private void run(List<List<String>> commands, String password) {
		List<String> secrets = List.of(password, encode(password));
		for (List<String> command : commands) {
			for (boolean json : new boolean[] { false, true }) {
				List<String> args = new ArrayList<>(command);
				if (json && hasOption(command, "--format")) {
					args.add("--format");
					args.add("json");
				}
				PrintStream out = System.out;
				PrintStream err = System.err;
				ByteArrayOutputStream system = new ByteArrayOutputStream();
				this.records.clear();
				Result result;
				try (PrintStream capture = new PrintStream(system, true, StandardCharsets.UTF_8)) {
					System.setOut(capture);
					System.setErr(capture);
					result = CliRunner.run(args.toArray(String[]::new));
				}
				finally {
					System.setOut(out);
					System.setErr(err);
				}
				StringBuilder everything = new StringBuilder(result.out()).append(result.err())
					.append(system.toString(StandardCharsets.UTF_8));
				SimpleFormatter formatter = new SimpleFormatter();
				synchronized (this.records) {
					this.records.forEach((record) -> everything.append(formatter.format(record)));
				}
				for (String secret : secrets) {
					assertThat(everything.toString()).as("confiture %s\n%s", String.join(" ", args), result)
						.doesNotContain(secret);
				}
			}
		}
	}

	/**
	 * Every leaf command with the URL in each URL option it has, and its required values.
	 */
	private List<List<String>> commands(String url) {
		List<List<String>> commands = new ArrayList<>();
		collect(ConfitureCommand.commandLine(), new ArrayList<>(), url, commands);
		assertThat(commands).hasSizeGreaterThan(15);
		return commands;
	}

	private void collect(CommandLine commandLine, List<String> path, String url, List<List<String>> commands) {
		CommandSpec spec = commandLine.getCommandSpec();
		if (commandLine.getSubcommands().isEmpty()) {
			if (spec.name().equals("help")) {
				return;
			}
			List<String> args = new ArrayList<>(path);
			for (PositionalParamSpec positional : spec.positionalParameters()) {
				if (positional.arity().min > 0) {
					args.add(spec.name().equals("diff") ? "db/schema" : spec.name().equals("generate") ? "add_x" : "0");
				}
			}
			for (OptionSpec option : spec.options()) {
				String name = option.longestName();
				if (URL_OPTIONS.contains(name) && url != null) {
					args.add(name);
					args.add(url);
				}
				else if (option.required()) {
					args.add(name);
					args.add(name.equals("--intent-id") ? "1" : "x");
				}
				else if (name.equals("--project-dir")) {
					args.add(name);
					args.add(this.project.toString());
				}
			}
			if (spec.name().equals("diff")) {
				args.add("--from-env");
				args.add("local");
			}
			commands.add(args);
			return;
		}
		commandLine.getSubcommands().forEach((name, subcommand) -> {
			if (subcommand.getCommandSpec().name().equals(name)) {
				List<String> child = new ArrayList<>(path);
				child.add(name);
				collect(subcommand, child, url, commands);
			}
		});
	}

	private static boolean hasOption(List<String> command, String option) {
		CommandLine commandLine = ConfitureCommand.commandLine();
		for (String word : command) {
			if (commandLine.getSubcommands().containsKey(word)) {
				commandLine = commandLine.getSubcommands().get(word);
			}
		}
		return commandLine.getCommandSpec().findOption(option) != null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private void write(String relative, String content) throws IOException {
		Path file = this.project.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
