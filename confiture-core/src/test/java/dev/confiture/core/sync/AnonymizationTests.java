package dev.confiture.core.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConfigurationException;

import static dev.confiture.core.sync.SyncTestDatabases.execute;
import static dev.confiture.core.sync.SyncTestDatabases.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnonymizationTests {

	static final String KEY = "a-test-key-of-24-bytes!!";

	static final String RULES = """
			key: ${ANONYMIZE_KEY}
			tables:
			  public.users:
			    email: email
			    full_name: name
			    phone: phone
			    ssn: {mask: 4}
			    notes: "null"
			    country: keep
			    born_on: date_shift
			    signed_up: date_shift
			    profile:
			      json:
			        contact.email: email
			        children[*].name: name
			    login: hash
			  orders:
			    customer_email: email
			    status: {fixed: redacted}
			""";

	static final String SCHEMA = """
			CREATE TABLE users (id int PRIMARY KEY, email text, full_name text, phone text, ssn text, notes text,
				country text, born_on date, signed_up timestamptz, profile jsonb, login text);
			CREATE TABLE orders (id int PRIMARY KEY, customer_email text, status text);
			""";

	final SyncTestDatabases db = new SyncTestDatabases();

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.db.close();
	}

	@Test
	void everyStrategyReplacesValuesDeterministicallyAcrossRunsAndTables() throws Exception {
		this.db.schema(SCHEMA);
		execute(this.db.source,
				"""
						INSERT INTO users VALUES
						(1, 'alice@corp.example', 'Alice O''Hara-Smith', '+33 6 12 34 56 78', '123-45-6789', 'vip', 'FR',
							'1990-05-17', '2024-01-02 10:00:00+00',
							'{"contact": {"email": "alice@corp.example", "city": "Lyon"}, "children": [{"name": "Bob"}, {"name": "Eve"}]}',
							'alice'),
						(2, 'bob@corp.example', 'Bob', NULL, NULL, NULL, 'DE', NULL, NULL, NULL, NULL);
						INSERT INTO orders VALUES (1, 'alice@corp.example', 'paid'), (2, NULL, NULL);
						""");
		Anonymization rules = rules(KEY);
		Confiture.sync(this.db.options().withAnonymization(rules));
		List<String> first = query(this.db.target, "SELECT u::text FROM users u ORDER BY id");
		List<String> firstOrders = query(this.db.target, "SELECT o::text FROM orders o ORDER BY id");
		Confiture.sync(this.db.options().withAnonymization(rules(KEY)));
		assertThat(query(this.db.target, "SELECT u::text FROM users u ORDER BY id")).isEqualTo(first);
		assertThat(query(this.db.target, "SELECT o::text FROM orders o ORDER BY id")).isEqualTo(firstOrders);
		String alice = String.join(" ", first.get(0), firstOrders.get(0));
		assertThat(alice).doesNotContain("alice")
			.doesNotContain("Alice")
			.doesNotContain("12 34 56")
			.doesNotContain("123-45")
			.doesNotContain("vip")
			.doesNotContain("Bob")
			.doesNotContain("1990-05-17")
			.doesNotContain("paid");
		assertThat(query(this.db.target, "SELECT ssn FROM users WHERE id = 1")).containsExactly("*******6789");
		assertThat(query(this.db.target, "SELECT country FROM users ORDER BY id")).containsExactly("FR", "DE");
		assertThat(query(this.db.target, "SELECT notes IS NULL FROM users WHERE id = 1")).containsExactly("t");
		assertThat(query(this.db.target, "SELECT phone FROM users WHERE id = 1").get(0))
			.matches("\\+\\d\\d \\d \\d\\d \\d\\d \\d\\d \\d\\d");
		assertThat(query(this.db.target, "SELECT full_name FROM users WHERE id = 1").get(0))
			.matches("[A-Z][a-z]{4} [A-Z]'[A-Z][a-z]{3}-[A-Z][a-z]{4}");
		assertThat(query(this.db.target, "SELECT email FROM users WHERE id = 1").get(0))
			.matches("u[0-9a-f]{20}@example\\.com")
			.isEqualTo(query(this.db.target, "SELECT customer_email FROM orders WHERE id = 1").get(0))
			.isEqualTo(query(this.db.target, "SELECT profile->'contact'->>'email' FROM users WHERE id = 1").get(0));
		assertThat(query(this.db.target, "SELECT profile->'contact'->>'city' FROM users WHERE id = 1"))
			.containsExactly("Lyon");
		assertThat(query(this.db.target, "SELECT born_on - '1990-05-17'::date = (signed_up::date - '2024-01-02'::date)"
				+ " AND born_on <> '1990-05-17' FROM users WHERE id = 1"))
			.containsExactly("t");
		assertThat(query(this.db.target, "SELECT status FROM orders ORDER BY id")).containsExactly("redacted", null);
		assertThat(query(this.db.target, "SELECT login FROM users WHERE id = 1").get(0)).matches("[0-9a-f]{32}");
	}

	@Test
	void anotherKeyGivesOtherValues() throws Exception {
		this.db.schema(SCHEMA);
		execute(this.db.source, "INSERT INTO users (id, email, phone) VALUES (1, 'alice@corp.example', '0612345678')");
		Confiture.sync(this.db.options().withAnonymization(rules(KEY)));
		List<String> first = query(this.db.target, "SELECT email || phone FROM users");
		Confiture.sync(this.db.options().withAnonymization(rules("another-key-of-24-bytes!")));
		assertThat(query(this.db.target, "SELECT email || phone FROM users")).doesNotContainAnyElementsOf(first);
	}

	@Test
	void uniqueInputsStayUnique() {
		Keyed keyed = new Keyed(KEY.getBytes());
		Set<String> phones = new HashSet<>();
		Set<String> names = new HashSet<>();
		Set<String> emails = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			phones
				.add(Strategies.digits(keyed, String.format("06 %02d %02d %02d", i / 10000, (i / 100) % 100, i % 100)));
			names.add(Strategies.letters(keyed, "Jo" + base26(i)));
			emails.add(Strategies.email(keyed).apply("user" + i + "@corp.example", null));
		}
		assertThat(phones).hasSize(100_000).allMatch((phone) -> phone.matches("\\d\\d \\d\\d \\d\\d \\d\\d"));
		assertThat(names).hasSize(100_000);
		assertThat(emails).hasSize(100_000);
	}

	@Test
	void aKeyWrittenInTheFileIsRefused() throws Exception {
		Path file = Files.writeString(this.directory.resolve("a.yaml"),
				"key: literally-a-secret-key-123\ntables:\n  users:\n    email: email\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> Anonymization.load(file, Map.of()))
			.withMessageContaining("The anonymisation key is written in the file")
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(1);
				assertThat(ex.getMessage() + ex.hint()).doesNotContain("literally-a-secret");
			});
	}

	@Test
	void badRulesAreErrorsAtTheirLine() throws Exception {
		Path unknown = Files.writeString(this.directory.resolve("b.yaml"),
				"key: ${K}\ntables:\n  users:\n    email: emial\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> Anonymization.load(unknown, Map.of("K", KEY)))
			.withMessageContaining("Unknown strategy 'emial' for column 'email'")
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("Did you mean 'email'?"));
		Path mask = Files.writeString(this.directory.resolve("c.yaml"), "tables:\n  users:\n    ssn: {mask: all}\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> Anonymization.load(mask, Map.of()))
			.withMessageContaining("'mask' needs a whole number");
		Path noKey = Files.writeString(this.directory.resolve("d.yaml"), "tables:\n  users:\n    email: email\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> Anonymization.load(noKey, Map.of()))
			.withMessageContaining("set no 'key'");
		Path missingVariable = Files.writeString(this.directory.resolve("e.yaml"),
				"key: ${ANONYMIZE_KEY}\ntables:\n  users:\n    email: email\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> Anonymization.load(missingVariable, Map.of()))
			.withMessageContaining("ANONYMIZE_KEY");
		Path shortKey = Files.writeString(this.directory.resolve("f.yaml"),
				"key: ${K}\ntables:\n  users:\n    email: email\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> Anonymization.load(shortKey, Map.of("K", "short")))
			.withMessageContaining("too short");
	}

	@Test
	void personalLookingColumnsWithoutARuleAreErrorsWhenAnonymisationIsRequired() throws Exception {
		this.db.schema(SCHEMA);
		SyncOptions options = this.db.options().withAnonymization(rules(KEY)).withRequireAnonymization(true);
		execute(this.db.source, "ALTER TABLE users ADD COLUMN home_address text;");
		execute(this.db.target, "ALTER TABLE users ADD COLUMN home_address text;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> Confiture.sync(options))
			.withMessageContaining("public.users.home_address");
	}

	@Test
	void aValueARuleCannotHandleStopsItsTableNamingTableColumnAndStrategyButNeverTheValue() throws Exception {
		this.db.schema("""
				CREATE TABLE accounts (id int PRIMARY KEY);
				CREATE TABLE users (id int PRIMARY KEY, born text, account int REFERENCES accounts);
				""");
		execute(this.db.source, """
				INSERT INTO accounts VALUES (1);
				INSERT INTO users VALUES (1, '1990-05-17', 1), (2, 'born in SECRETTOWN', 1);
				""");
		execute(this.db.target, "INSERT INTO users VALUES (9, 'old row', NULL)");
		Path file = Files.writeString(this.directory.resolve("shift.yaml"),
				"key: ${K}\ntables:\n  users:\n    born: date_shift\n");
		Anonymization rules = Anonymization.load(file, Map.of("K", KEY));
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options().withAnonymization(rules)))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.CONFIG);
				assertThat(ex.getMessage()).contains("Anonymising public.users.born failed")
					.contains(
							"its date_shift rule cannot handle one of its values (not a date or timestamp in ISO form)")
					.contains("public.users is as it was");
				assertThat(ex.hint()).contains("Give public.users.born a rule that fits its values in " + file);
				assertThat(ex.getCause()).isNull();
				assertThat(SyncTests.trace(ex)).doesNotContain("SECRETTOWN");
				assertThat(ex.getMessage() + ex.hint()).doesNotContain("SECRETTOWN").doesNotContain("born in");
			});
		assertThat(query(this.db.target, "SELECT id || ' ' || born FROM users")).containsExactly("9 old row");
		assertThat(query(this.db.target, "SELECT id FROM accounts")).containsExactly("1");
		Path fixed = Files.writeString(this.directory.resolve("shift.yaml"), "tables:\n  users:\n    born: keep\n");
		SyncResult resumed = Confiture
			.sync(this.db.options().withAnonymization(Anonymization.load(fixed, Map.of())).withResume(true));
		assertThat(resumed.tables()).extracting(TableResult::skipped).containsExactly(true, false);
		assertThat(query(this.db.target, "SELECT born FROM users ORDER BY id")).containsExactly("1990-05-17",
				"born in SECRETTOWN");
	}

	@Test
	void aJsonRuleOnAValueThatIsNotJsonIsAnErrorWithoutTheValue() throws Exception {
		this.db.schema("CREATE TABLE users (id int PRIMARY KEY, profile text)");
		execute(this.db.source, "INSERT INTO users VALUES (1, '{\"email\": \"a@b.example\"}'), (2, 'SECRET{')");
		Path file = Files.writeString(this.directory.resolve("json.yaml"),
				"key: ${K}\ntables:\n  users:\n    profile:\n      json:\n        email: email\n");
		Anonymization rules = Anonymization.load(file, Map.of("K", KEY));
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> Confiture.sync(this.db.options().withAnonymization(rules)))
			.withMessageContaining("Anonymising public.users.profile failed: its json rule cannot handle one of its "
					+ "values (not valid JSON)")
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.hint()).doesNotContain("SECRET"));
		assertThat(query(this.db.target, "SELECT count(*) FROM users")).containsExactly("0");
	}

	@Test
	void dateShiftKeepsInfinityTimeZoneAndEraAndRefusesWhatIsNotADate() {
		Strategy shift = Strategies.dateShift(new Keyed(KEY.getBytes()), 30);
		Strategy.Row row = () -> "42\t";
		assertThat(shift.apply("infinity", row)).isEqualTo("infinity");
		assertThat(shift.apply("-infinity", row)).isEqualTo("-infinity");
		assertThat(shift.apply(null, row)).isNull();
		String day = shift.apply("2024-03-01", row);
		long moved = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse("2024-03-01"),
				java.time.LocalDate.parse(day));
		assertThat(Math.abs(moved)).isBetween(1L, 30L);
		assertThat(shift.apply("2024-03-01 10:15:30.5+05:30", row)).isEqualTo(day + " 10:15:30.5+05:30");
		assertThat(shift.apply("2024-03-01T10:15:30", row)).isEqualTo(day + "T10:15:30");
		assertThat(shift.apply("0001-01-01", row)).matches((moved < 0) ? "0001-12-\\d\\d BC" : "0001-01-\\d\\d");
		assertThat(shift.apply("0044-03-15 BC", row)).matches("0044-0[2-4]-\\d\\d BC");
		assertThat(shift.apply("12345-06-15", row)).startsWith("12345-0");
		for (String bad : List.of("17/05/1990", "yesterday", "2024-13-45", "", "1990-05-17 at noon")) {
			assertThatExceptionOfType(Strategy.Unsupported.class).isThrownBy(() -> shift.apply(bad, row))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(bad.isEmpty() ? "\u0000" : bad));
		}
	}

	private Anonymization rules(String key) throws Exception {
		Path file = Files.writeString(this.directory.resolve("anonymize.yaml"), RULES);
		return Anonymization.load(file, Map.of("ANONYMIZE_KEY", key));
	}

	private static String base26(int i) {
		StringBuilder text = new StringBuilder();
		do {
			text.append((char) ('a' + i % 26));
			i /= 26;
		}
		while (i > 0);
		return text.toString();
	}

}
