package dev.confiture.core.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConfigurationException;

import static dev.confiture.core.sync.SyncTestDatabases.execute;
import static dev.confiture.core.sync.SyncTestDatabases.one;
import static dev.confiture.core.sync.SyncTestDatabases.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SyncTests {

	static final String TYPES = """
			CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
			CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
			CREATE TABLE everything (
				id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				serial_no serial,
				raw bytea, tags text[], doc jsonb, amount numeric(20,6), at timestamptz, day date,
				feeling mood, size positive, note text, price_doubled numeric GENERATED ALWAYS AS (amount * 2) STORED
			);""";

	static final String FINGERPRINT = "SELECT md5(coalesce(string_agg(e::text, '|' ORDER BY id), '')) FROM everything e";

	final SyncTestDatabases db = new SyncTestDatabases();

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void copiesEveryColumnTypeByteForByteAndSetsSequencesFromTheData() {
		this.db.schema(TYPES);
		execute(this.db.source, """
				SET timezone = 'Asia/Kolkata';
				INSERT INTO everything (raw, tags, doc, amount, at, day, feeling, size, note) VALUES
				('\\x00ff5c0a09'::bytea, ARRAY['a,b', 'c"d', NULL, 'e\\f'], '{"k": "v\\n", "n": [1, 2.5, null]}',
					123456789.123456, '2024-02-29 23:59:59.999999+05:30', '0001-01-01', 'happy', 7,
					E'tab\\there\\nnewline back\\\\slash \\u00e9t\\u00e9 \\U0001F600 \\r'),
				(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
				(''::bytea, '{}', '[]', -0.000001, 'infinity', '2024-01-01', 'sad', 1, '');
				""");
		execute(this.db.target, "INSERT INTO everything (note) VALUES ('old row')");
		SyncResult result = Confiture.sync(this.db.options());
		assertThat(result.tables()).singleElement().satisfies((table) -> {
			assertThat(table.name()).isEqualTo("public.everything");
			assertThat(table.rows()).isEqualTo(3);
		});
		assertThat(one(this.db.target, FINGERPRINT)).isEqualTo(one(this.db.source, FINGERPRINT));
		assertThat(query(this.db.target, "SELECT note FROM everything ORDER BY id")).doesNotContain("old row");
		execute(this.db.target, "INSERT INTO everything (note) VALUES ('new')");
		assertThat(one(this.db.target, "SELECT id || ' ' || serial_no FROM everything WHERE note = 'new'"))
			.isEqualTo("4 4");
	}

	@Test
	void columnsWithoutARuleStayByteForByteWhenAnotherColumnOfTheRowIsRewritten() throws Exception {
		this.db.schema("""
				CREATE TABLE wide (id int PRIMARY KEY, secret text, loose json, ratio float8, small real, ident uuid,
					span interval, address inet, bits bit varying(8), local_at timestamp, at_time timetz, chars char(3),
					grid int[][], plain text);""");
		execute(this.db.source,
				"""
						INSERT INTO wide VALUES
						(1, 'hunter2', '{"a" :  1, "a": [2,  3]}', 'NaN', '-0', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
							'1 year 2 mons -3 days 04:05:06.000007', '2001:db8::1/64', B'101', '2024-02-29 23:59:59.999999',
							'23:59:59.5+14:59', 'ab', '{{1,2},{3,NULL}}', E'\\\\.\\n\\\\N\\t\\\\\\r end'),
						(2, E'tab\\there', 'null', '1e-310', 'Infinity', NULL, NULL, NULL, B'', '-infinity', NULL, NULL, '{}', '\\.'),
						(3, NULL, NULL, '-Infinity', '3.4028235e38', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, E'\\\\N');
						""");
		String others = "SELECT md5(string_agg((id, loose, ratio, small, ident, span, address, bits, local_at, at_time, chars,"
				+ " grid, plain)::text, '|' ORDER BY id)) FROM wide";
		Confiture.sync(this.db.options());
		assertThat(one(this.db.target, "SELECT md5(string_agg(w::text, '|' ORDER BY id)) FROM wide w"))
			.isEqualTo(one(this.db.source, "SELECT md5(string_agg(w::text, '|' ORDER BY id)) FROM wide w"));
		Path rules = Files.writeString(this.directory.resolve("rules.yaml"),
				"tables:\n  wide:\n    secret: {fixed: \"x\\ty\\\\z\"}\n");
		Confiture.sync(this.db.options().withAnonymization(Anonymization.load(rules, Map.of())));
		assertThat(one(this.db.target, others)).isEqualTo(one(this.db.source, others));
		assertThat(query(this.db.target, "SELECT secret FROM wide ORDER BY id")).containsExactly("x\ty\\z", "x\ty\\z",
				null);
		assertThat(query(this.db.target, "SELECT plain FROM wide ORDER BY id")).containsExactly("\\.\n\\N\t\\\r end",
				"\\.", "\\N");
	}

	@Test
	void theBinaryFormatIsUsedOnlyForBuiltInTypesWithTextRulesThatIgnoreTheRow() throws Exception {
		this.db.schema(
				TYPES + """
						CREATE TABLE plain (id bigint PRIMARY KEY, email text, doc jsonb, score float8, tags text[], at timestamptz);
						""");
		try (java.sql.Connection source = this.db.source.connect();
				java.sql.Connection target = this.db.target.connect()) {
			Map<String, SourceTable> tables = SourceTables.read(source);
			SourceTable plain = tables.get("public.plain");
			Keyed keyed = new Keyed(new byte[16]);
			assertThat(CopyBinary.types(source, target, plain, new Strategy[6])).containsExactly(20, 25, 3802, 701,
					1009, 1184);
			assertThat(
					CopyBinary
						.types(source, target, plain,
								new Strategy[] { null, Strategies.email(keyed),
										new JsonStrategy(Map.of("a", Strategies.keep())), null, null, null }))
				.isNotNull();
			assertThat(CopyBinary.types(source, target, plain,
					new Strategy[] { null, null, null, Strategies.mask(2), null, null }))
				.as("a rule on a float column needs the text form")
				.isNull();
			assertThat(CopyBinary.types(source, target, plain,
					new Strategy[] { null, null, null, null, null, Strategies.dateShift(keyed, 10) }))
				.as("a rule that depends on the row needs the text form")
				.isNull();
			SourceTable everything = tables.get("public.everything");
			assertThat(CopyBinary.types(source, target, everything, new Strategy[everything.columns().size()]))
				.as("enums and domains are not built in")
				.isNull();
		}
	}

	@Test
	void copiesTablesAfterTheTablesTheyReferenceAndHandlesCycles() {
		this.db.schema("""
				CREATE TABLE team (id int PRIMARY KEY, captain int);
				CREATE TABLE player (id int PRIMARY KEY, team int REFERENCES team);
				ALTER TABLE team ADD FOREIGN KEY (captain) REFERENCES player;
				CREATE TABLE award (id int PRIMARY KEY, player int REFERENCES player);
				CREATE TABLE league (id int PRIMARY KEY);
				""");
		execute(this.db.source, """
				BEGIN;
				SET CONSTRAINTS ALL DEFERRED;
				INSERT INTO team VALUES (1, NULL);
				INSERT INTO player VALUES (10, 1), (11, 1);
				UPDATE team SET captain = 10;
				INSERT INTO award VALUES (100, 11);
				INSERT INTO league VALUES (1);
				COMMIT;
				""");
		execute(this.db.target, "INSERT INTO team VALUES (9, NULL); INSERT INTO player VALUES (90, 9);");
		SyncResult result = Confiture.sync(this.db.options());
		List<String> order = result.tables().stream().map(TableResult::name).toList();
		assertThat(order).containsExactlyInAnyOrder("public.league", "public.player", "public.team", "public.award");
		assertThat(order.indexOf("public.award")).isGreaterThan(order.indexOf("public.player"));
		assertThat(order.indexOf("public.player")).isEqualTo(order.indexOf("public.team") - 1);
		assertThat(result.plan().warnings())
			.anyMatch((w) -> w.contains("public.player, public.team reference each other"));
		assertThat(query(this.db.target, "SELECT id || ':' || coalesce(captain, 0) FROM team")).containsExactly("1:10");
		assertThat(query(this.db.target, "SELECT count(*) FROM player")).containsExactly("2");
	}

	@Test
	void aTargetUserThatCannotTurnTriggersOffCopiesEachGroupOfLinkedTablesInOneTransaction() {
		this.db.schema("""
				CREATE TABLE team (id int PRIMARY KEY, captain int);
				CREATE TABLE player (id int PRIMARY KEY, team int REFERENCES team DEFERRABLE);
				ALTER TABLE team ADD FOREIGN KEY (captain) REFERENCES player DEFERRABLE;
				CREATE TABLE league (id int PRIMARY KEY);
				""");
		execute(this.db.source, """
				BEGIN;
				SET CONSTRAINTS ALL DEFERRED;
				INSERT INTO team VALUES (1, 10);
				INSERT INTO player VALUES (10, 1), (11, 1);
				INSERT INTO league VALUES (1);
				COMMIT;
				""");
		execute(this.db.target, "INSERT INTO team VALUES (9, NULL); INSERT INTO player VALUES (90, 9);");
		String role = "confiture_sync_" + Long.toHexString(System.nanoTime());
		execute(this.db.target, "CREATE ROLE " + role + " LOGIN PASSWORD 'not-a-secret'; GRANT ALL ON ALL TABLES IN "
				+ "SCHEMA public TO " + role + "; GRANT CREATE ON SCHEMA public TO " + role);
		try {
			dev.confiture.core.config.ConnectionSettings settings = this.db.target.settings();
			SyncOptions options = SyncOptions.of(new SyncEndpoint("source", this.db.source.settings(), false),
					new SyncEndpoint("target",
							new dev.confiture.core.config.ConnectionSettings(settings.jdbcUrl(), role, "not-a-secret"),
							false));
			SyncResult result = Confiture.sync(options);
			assertThat(result.plan().mode()).isEqualTo("per-group");
			assertThat(result.plan().warnings())
				.anyMatch((w) -> w.contains("reference each other") && w.contains("deferred constraints"));
			assertThat(result.rows()).isEqualTo(4);
			assertThat(query(this.db.target, "SELECT id || ':' || captain FROM team")).containsExactly("1:10");
			assertThat(query(this.db.target, "SELECT id FROM player ORDER BY id")).containsExactly("10", "11");
			assertThat(query(this.db.target, "SELECT id FROM league")).containsExactly("1");
		}
		finally {
			execute(this.db.target, "DROP OWNED BY " + role + "; DROP ROLE " + role);
		}
	}

	@Test
	void aTableThatFailsIsLeftAsItWasAndResumeFinishesTheRun() {
		this.db.schema("CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, note text);"
				+ " CREATE TABLE c (id int PRIMARY KEY);");
		execute(this.db.source, "INSERT INTO a SELECT generate_series(1, 10); INSERT INTO b SELECT i, 'row ' || i "
				+ "FROM generate_series(1, 120000) i; INSERT INTO c VALUES (1);");
		execute(this.db.target, "INSERT INTO b VALUES (-1, 'kept'); INSERT INTO c VALUES (-1);");
		SyncListener killer = new SyncListener() {
			@Override
			public void progress(PlannedTable table, long rows, long bytes) {
				if (table.name().equals("public.b") && rows >= 50_000 && rows < 120_000) {
					execute(SyncTests.this.db.target, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
							+ "WHERE datname = current_database() AND pid <> pg_backend_pid()");
				}
			}
		};
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options().withListener(killer)))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.DATABASE));
		assertThat(query(this.db.target, "SELECT count(*) FROM a")).containsExactly("10");
		assertThat(query(this.db.target, "SELECT note FROM b")).containsExactly("kept");
		assertThat(query(this.db.target, "SELECT id FROM c")).containsExactly("-1");
		List<String> started = new ArrayList<>();
		SyncResult resumed = Confiture.sync(this.db.options().withResume(true).withListener(new SyncListener() {
			@Override
			public void tableStarted(PlannedTable table) {
				started.add(table.name());
			}
		}));
		assertThat(started).containsExactly("public.b", "public.c");
		assertThat(resumed.tables()).extracting(TableResult::skipped).containsExactly(true, false, false);
		assertThat(query(this.db.target, "SELECT count(*) FROM b")).containsExactly("120000");
		assertThat(query(this.db.target, "SELECT id FROM c")).containsExactly("1");
	}

	@Test
	void differentTablesOnTheTwoSidesAreNamedAndNothingIsCopied() {
		execute(this.db.source,
				"CREATE TABLE users (id int, email text, age int); INSERT INTO users VALUES (1, 'a', 3);"
						+ " CREATE TABLE posts (id int); INSERT INTO posts VALUES (1);");
		execute(this.db.target, "CREATE TABLE users (id int, email varchar(10)); CREATE TABLE posts (id int);"
				+ " INSERT INTO posts VALUES (5);");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> Confiture.sync(this.db.options()))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.getMessage()).contains("nothing was copied")
					.contains("public.users: column email is email text on the source, email character varying(10)")
					.contains("public.users: column age is missing on the target");
			});
		assertThat(query(this.db.target, "SELECT id FROM posts")).containsExactly("5");
	}

	@Test
	void aProtectedTargetIsRefusedBeforeConnecting() {
		SyncOptions options = SyncOptions.of(new SyncEndpoint("source", this.db.source.settings(), false),
				new SyncEndpoint("environment production", this.db.target.settings(), true));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> Confiture.sync(options))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.CONFIG);
				assertThat(ex.getMessage()).contains("Refusing to write environment production").contains("protected");
			});
	}

	@Test
	void dryRunPlansWithoutWriting() {
		this.db.schema(
				"CREATE TABLE users (id int PRIMARY KEY, email text, nickname text);" + " CREATE TABLE logs (id int);");
		execute(this.db.source, "INSERT INTO users VALUES (1, 'alice@example.org', 'al'); ANALYZE users;");
		SyncResult result = Confiture.sync(this.db.options().withDryRun(true).withExclude(List.of("log*")));
		assertThat(result.dryRun()).isTrue();
		assertThat(result.tables()).isEmpty();
		assertThat(result.plan().tables()).extracting(PlannedTable::name).containsExactly("public.users");
		assertThat(result.plan().tables().get(0).estimatedRows()).isEqualTo(1);
		assertThat(result.plan().warnings()).singleElement()
			.asString()
			.contains("1 column look personal and have no anonymisation rule: public.users.email");
		assertThat(query(this.db.target, "SELECT count(*) FROM users")).containsExactly("0");
		assertThat(query(this.db.target, "SELECT count(*) FROM pg_class WHERE relname = 'confiture_sync_progress'"))
			.containsExactly("0");
	}

	@Test
	void tablesExcludeAndWhereChooseTheRows() {
		this.db.schema("CREATE TABLE orders (id int, total int); CREATE TABLE audit (id int);"
				+ " CREATE SCHEMA archive; CREATE TABLE archive.orders (id int);");
		execute(this.db.source, "INSERT INTO orders SELECT i, i FROM generate_series(1, 10) i;"
				+ " INSERT INTO audit VALUES (1); INSERT INTO archive.orders VALUES (1);");
		SyncResult result = Confiture
			.sync(this.db.options().withTables(List.of("orders")).withWhere(Map.of("public.orders", "total > 7")));
		assertThat(result.tables()).extracting(TableResult::name).containsExactly("archive.orders", "public.orders");
		assertThat(query(this.db.target, "SELECT id FROM orders ORDER BY id")).containsExactly("8", "9", "10");
		assertThat(query(this.db.target, "SELECT count(*) FROM audit")).containsExactly("0");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options().withTables(List.of("public.order"))))
			.withMessageContaining("No table 'public.order'")
			.satisfies((ex) -> assertThat(ex.hint()).contains("Did you mean 'public.orders'?"));
	}

	@Test
	void aFailureNeverShowsAValueFromTheData() throws Exception {
		this.db.schema("CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE)");
		execute(this.db.source, "INSERT INTO users VALUES (1, 'alice@secret.org'), (2, 'bob@secret.org')");
		Path rules = Files.writeString(this.directory.resolve("anonymize.yaml"),
				"tables:\n  users:\n    email: {fixed: TOPSECRETVALUE}\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options().withAnonymization(Anonymization.load(rules, Map.of()))))
			.satisfies((ex) -> {
				String text = ex.getMessage() + " " + ex.hint();
				assertThat(text).contains("Copying public.users failed")
					.contains("23505")
					.contains("users_email_key")
					.doesNotContain("TOPSECRETVALUE")
					.doesNotContain("secret.org");
				assertThat(trace(ex)).as("the stack trace, causes included")
					.contains("SQLSTATE 23505")
					.doesNotContain("TOPSECRETVALUE")
					.doesNotContain("secret.org");
			});
		assertThat(query(this.db.target, "SELECT count(*) FROM users")).containsExactly("0");
	}

	@Test
	void rulesNamingUnknownTablesOrColumnsAreErrorsWithTheClosestName() throws Exception {
		this.db.schema("CREATE TABLE users (id int, email text)");
		Path unknownTable = Files.writeString(this.directory.resolve("a.yaml"),
				"key: ${K}\ntables:\n  public.user:\n    email: email\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options()
				.withAnonymization(Anonymization.load(unknownTable, Map.of("K", "0123456789abcdef0123")))))
			.withMessageContaining("Unknown table 'public.user'")
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("Did you mean 'public.users'?"));
		Path unknownColumn = Files.writeString(this.directory.resolve("b.yaml"),
				"key: ${K}\ntables:\n  users:\n    emial: email\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options()
				.withAnonymization(Anonymization.load(unknownColumn, Map.of("K", "0123456789abcdef0123")))))
			.withMessageContaining("Unknown column 'emial' of public.users")
			.satisfies((ex) -> {
				assertThat(ex.hint()).isEqualTo("Did you mean 'email'?");
				assertThat(ex.line()).isEqualTo(4);
			});
	}

	/** The stack trace of a failure as a log would print it, causes included. */
	static String trace(Throwable failure) {
		java.io.StringWriter text = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(text));
		return text.toString();
	}

}
