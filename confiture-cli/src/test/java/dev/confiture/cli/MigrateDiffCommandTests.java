package dev.confiture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code confiture migrate diff} and {@code confiture migrate verify}.
 */
class MigrateDiffCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String USERS = """
			-- Users table
			CREATE TABLE users (
			    id SERIAL PRIMARY KEY,
			    username TEXT NOT NULL UNIQUE,
			    email TEXT NOT NULL UNIQUE,
			    created_at TIMESTAMP DEFAULT NOW()
			);

			CREATE INDEX idx_users_username ON users(username);
			CREATE INDEX idx_users_email ON users(email);
			""";

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				database_url: %s?user=%s
				""".formatted(this.database.settings().jdbcUrl(), this.database.settings().user()));
		try {
			Files.createDirectories(this.project.resolve("db/schema"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	/**
	 * Seed 002 ("Getting Started"), steps 4 and 8 to 10: migrations generated from schema
	 * files, the second one from a pg_dump of the database.
	 */
	@Test
	void gettingStartedGeneratesMigrations() throws Exception {
		write("db/schema/10_tables/users.sql", USERS);
		write("db/schema/empty.sql", "\n");
		Result first = run("migrate", "diff", "db/schema/empty.sql", "db/schema/10_tables/users.sql", "--generate",
				"--name", "create_users_table");
		assertOk(first);
		Path up = this.project.resolve("db/migrations/001_create_users_table.up.sql");
		Path down = this.project.resolve("db/migrations/001_create_users_table.down.sql");
		assertThat(first.out()).contains("Comparing db/schema/empty.sql with db/schema/10_tables/users.sql",
				"create table public.users", "Created " + up);
		assertThat(Files.readString(up))
			.contains("CREATE SEQUENCE public.users_id_seq AS integer", "CREATE TABLE public.users (",
					"\tid integer DEFAULT nextval('public.users_id_seq'::regclass) NOT NULL",
					"ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);",
					"ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);",
					"CREATE INDEX idx_users_username ON public.users USING btree (username);",
					"ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;")
			.doesNotContain("HAZARD");
		assertThat(Files.readString(down)).contains("DROP TABLE public.users;",
				"-- HAZARD DELETES_DATA: drops table public.users and its rows");
		assertOk(run("migrate", "up", "--env", "local"));
		assertThat(query("SELECT count(*) FROM pg_indexes WHERE tablename = 'users'")).containsExactly("5");
		// Step 8 and 9: a new column, compared with a pg_dump of the database
		write("db/schema/10_tables/users.sql", USERS.replace("created_at", "bio TEXT,  -- NEW COLUMN\n    created_at"));
		write("db/schema/current.sql", """
				--
				-- PostgreSQL database dump
				--

				\\restrict 3fT9sX2mQ

				SET statement_timeout = 0;
				SET client_encoding = 'UTF8';
				SELECT pg_catalog.set_config('search_path', '', false);

				CREATE TABLE public.users (
				    id integer NOT NULL,
				    username text NOT NULL,
				    email text NOT NULL,
				    created_at timestamp without time zone DEFAULT now()
				);

				CREATE SEQUENCE public.users_id_seq
				    AS integer
				    START WITH 1
				    INCREMENT BY 1
				    NO MINVALUE
				    NO MAXVALUE
				    CACHE 1;

				ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;
				ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
				ALTER TABLE ONLY public.users ADD CONSTRAINT users_email_key UNIQUE (email);
				ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
				ALTER TABLE ONLY public.users ADD CONSTRAINT users_username_key UNIQUE (username);
				CREATE INDEX idx_users_email ON public.users USING btree (email);
				CREATE INDEX idx_users_username ON public.users USING btree (username);

				\\unrestrict 3fT9sX2mQ
				""");
		Result second = run("migrate", "diff", "db/schema/current.sql", "db/schema/10_tables/users.sql", "--generate",
				"--name", "add_user_bio");
		assertOk(second);
		assertThat(Files.readString(this.project.resolve("db/migrations/002_add_user_bio.up.sql")))
			.contains("ALTER TABLE public.users ADD COLUMN bio text;")
			.doesNotContain("DROP");
		assertThat(Files.readString(this.project.resolve("db/migrations/002_add_user_bio.down.sql")))
			.contains("ALTER TABLE public.users DROP COLUMN bio;");
		assertOk(run("migrate", "up", "--env", "local"));
		assertThat(query("SELECT count(*) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'bio'"))
			.containsExactly("1");
	}

	@Test
	void diffExitsWithOneWhenThereAreChangesAndZeroWhenNone() {
		write("old/schema.sql", "CREATE TABLE t (id int);");
		write("new/10_tables/t.sql", "CREATE TABLE t (id int, name text);");
		write("new/20_views/v.sql", "CREATE VIEW v AS SELECT name FROM t;");
		Result changes = run("migrate", "diff", "old/schema.sql", "new");
		assertThat(changes.exitCode()).as(changes.toString()).isEqualTo(1);
		assertThat(changes.out()).contains("2 changes, no hazards:", "add column name to public.t",
				"ALTER TABLE public.t ADD COLUMN name text;", "CREATE VIEW public.v AS");
		Result none = run("migrate", "diff", "new", "new");
		assertOk(none);
		assertThat(none.out()).contains("No changes.");
	}

	@Test
	void hazardousMigrationIsRefusedUnlessAllowed() throws IOException {
		write("old.sql", "CREATE TABLE t (id int, legacy text);");
		write("new.sql", "CREATE TABLE t (id int);");
		Result refused = run("migrate", "diff", "old.sql", "new.sql", "--generate", "--name", "drop_legacy");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		assertThat(refused.err()).contains("DELETES_DATA: drops column public.t.legacy and its values",
				"--allow-hazards");
		assertThat(this.project.resolve("db/migrations")).doesNotExist();
		Result allowed = run("migrate", "diff", "old.sql", "new.sql", "--generate", "--name", "drop_legacy",
				"--allow-hazards");
		assertOk(allowed);
		assertThat(Files.readString(this.project.resolve("db/migrations/001_drop_legacy.up.sql"))).contains(
				"-- HAZARD DELETES_DATA: drops column public.t.legacy", "ALTER TABLE public.t DROP COLUMN legacy;");
	}

	@Test
	void onlineUsesConcurrentIndexAndRunsOutsideATransaction() throws IOException, SQLException {
		write("db/schema/t.sql", "CREATE TABLE t (id int, email text);");
		assertOk(run("build", "--env", "local"));
		write("old.sql", "CREATE TABLE t (id int, email text);");
		write("new.sql", "CREATE TABLE t (id int, email text NOT NULL); CREATE INDEX t_email ON t (email);");
		Result blocking = run("migrate", "diff", "old.sql", "new.sql", "--generate", "--name", "index_email");
		assertThat(blocking.exitCode()).as(blocking.toString()).isEqualTo(4);
		assertThat(blocking.err()).contains("BLOCKING_LOCK");
		Result online = run("migrate", "diff", "old.sql", "new.sql", "--online", "--generate", "--name", "index_email");
		assertOk(online);
		String up = Files.readString(this.project.resolve("db/migrations/001_index_email.up.sql"));
		assertThat(up).startsWith("-- confiture:no-transaction\n")
			.contains("CREATE INDEX CONCURRENTLY t_email ON public.t USING btree (email);",
					"CHECK (email IS NOT NULL) NOT VALID;", "ALTER COLUMN email SET NOT NULL;");
		assertOk(run("migrate", "up", "--env", "local"));
		assertThat(query("SELECT indexname FROM pg_indexes WHERE tablename = 't'")).containsExactly("t_email");
	}

	@Test
	void jsonListsStepsHazardsAndScripts() {
		write("old.sql", "CREATE TABLE t (id int);");
		write("new.sql", "CREATE TABLE t (id bigint);");
		Result json = run("migrate", "diff", "old.sql", "new.sql", "--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
		assertThat(json.out()).contains("\"changes\" : 1", "\"description\" : \"alter column public.t.id\"",
				"\"type\" : \"TABLE_REWRITE\"", "ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint");
		JsonNode document = JSON.readTree(json.out());
		assertThat(fieldNames(document)).containsExactly("ok", "from", "to", "changes", "steps", "hazards", "notes",
				"up", "down");
		assertThat(document.get("changes").isNumber()).isTrue();
		assertThat(fieldNames(document.get("steps").get(0))).containsExactly("description", "statements", "hazards",
				"concurrent");
		assertThat(fieldNames(document.get("hazards").get(0))).containsExactly("type", "message");
		Result generated = run("migrate", "diff", "old.sql", "new.sql", "--generate", "--name", "widen",
				"--allow-hazards", "--env", "local", "--format", "json");
		assertThat(generated.exitCode()).as(generated.toString()).isZero();
		JsonNode written = JSON.readTree(generated.out());
		assertThat(fieldNames(written)).containsExactly("ok", "from", "to", "changes", "steps", "hazards", "notes",
				"up", "down", "version", "upFile", "downFile");
		assertThat(written.get("upFile").asString()).endsWith("001_widen.up.sql");
	}

	@Test
	void fromEnvironmentComparesTheLiveDatabase() {
		write("db/schema/t.sql", "CREATE TABLE t (id int);");
		assertOk(run("build", "--env", "local"));
		write("new.sql", "CREATE TABLE t (id int, note text);");
		Result diff = run("migrate", "diff", "--from-env", "local", "new.sql");
		assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
		assertThat(diff.out())
			.contains("Comparing environment local", "1 change, no hazards:",
					"ALTER TABLE public.t ADD COLUMN note text;")
			.doesNotContain("confiture_builds");
	}

	@Test
	void verifyNamesEveryDifference() throws SQLException {
		write("db/schema/10_tables/users.sql", USERS);
		assertOk(run("build", "--env", "local"));
		Result clean = run("migrate", "verify", "--env", "local");
		assertOk(clean);
		assertThat(clean.out()).contains("No drift: the database of environment local matches its schema files.");
		execute("ALTER TABLE users ADD COLUMN extra int; DROP INDEX idx_users_email; "
				+ "ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz");
		Result drift = run("migrate", "verify", "--env", "local");
		assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
		assertThat(drift.out()).contains("differs from its schema files in 3 ways", "drop column extra of public.users",
				"create index public.idx_users_email", "alter column public.users.created_at");
		Result json = run("migrate", "verify", "--env", "local", "--format", "json");
		assertThat(json.exitCode()).isEqualTo(1);
		assertThat(json.out()).contains("\"drift\" : true", "\"create index public.idx_users_email\"");
		JsonNode document = JSON.readTree(json.out());
		assertThat(fieldNames(document)).containsExactly("ok", "environment", "database", "drift", "differences",
				"hazards", "fix");
		assertThat(fieldNames(document.get("hazards").get(0))).containsExactly("type", "message");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private static void assertOk(Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
	}

	private void write(String path, String content) {
		Path file = this.project.resolve(path);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}
