package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements of a baseline proof are left out before anything runs, because
 * PostgreSQL would refuse them where they run or they would leave a column's default as
 * it is ({@link LeftOutStatements}); the proof's verdicts are tested in
 * {@code BaselineProofTests}.
 */
class LeftOutStatementsTests {

	ScratchDatabase database;

	Connection connection;

	@BeforeEach
	void setUp() throws SQLException {
		this.database = PostgresServers.shared().createDatabase();
		this.connection = this.database.connect();
		this.connection.setAutoCommit(false);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TABLE book (id int PRIMARY KEY, title text, price numeric DEFAULT 0, "
					+ "CONSTRAINT book_price_check CHECK (price >= 0))");
			statement.execute("CREATE INDEX book_title_idx ON book (title)");
		}
	}

	@AfterEach
	void tearDown() throws SQLException {
		this.connection.close();
		this.database.close();
	}

	@Test
	void creationsOfExistingObjectsAreLeftOutWhileNothingBeforeCouldRemoveThem() throws SQLException {
		assertThat(refused("CREATE TABLE book (id int)", "ALTER TABLE book ADD COLUMN title text",
				"ALTER TABLE book ALTER COLUMN price SET DEFAULT 1", "COMMENT ON TABLE book IS 'Books'",
				"CREATE INDEX book_title_idx ON book (title)",
				"ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0)"))
			.containsExactly(true, true, false, false, true, true);
	}

	@Test
	void newObjectsAreSentAndNothingAfterThemIsLeftOut() throws SQLException {
		assertThat(refused("CREATE TABLE book (id int)", "ALTER TABLE book ADD COLUMN subtitle text",
				"CREATE INDEX book_title_idx ON book (title)", "CREATE TABLE review (id int)",
				"CREATE TABLE book (id int)"))
			.containsExactly(true, false, false, false, false);
	}

	@Test
	void statementsThatMayRemoveOrRenameStopTheLeavingOut() throws SQLException {
		assertThat(refused("ALTER TABLE book RENAME TO old_book", "CREATE TABLE book (id int)")).containsExactly(false,
				false);
		assertThat(refused("DROP INDEX book_title_idx", "CREATE INDEX book_title_idx ON book (title)"))
			.containsExactly(false, false);
		assertThat(refused("ALTER TABLE book ALTER COLUMN price SET DEFAULT 1, DROP COLUMN title",
				"ALTER TABLE book ADD COLUMN title text"))
			.containsExactly(false, false);
		assertThat(refused("SET search_path TO other", "CREATE TABLE book (id int)")).containsExactly(false, false);
	}

	@Test
	void defaultsSetToWhatTheColumnHasOrDroppedWhereThereIsNoneAreLeftOut() throws SQLException {
		assertThat(refused("ALTER TABLE book ALTER COLUMN price SET DEFAULT 0",
				"alter table only public.book alter price set default  0 ",
				"ALTER TABLE book ALTER COLUMN title DROP DEFAULT", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 1",
				"ALTER TABLE book ALTER COLUMN price SET DEFAULT 0.0",
				"ALTER TABLE book ALTER COLUMN price DROP DEFAULT",
				"ALTER TABLE book ALTER COLUMN missing SET DEFAULT 0"))
			.containsExactly(true, true, true, false, false, false, false);
	}

	@Test
	void aDefaultIsComparedWithTheBuiltOneOnlyWhileNothingBeforeChangedIt() throws SQLException {
		assertThat(refused("ALTER TABLE book ALTER COLUMN price SET DEFAULT 1",
				"ALTER TABLE book ALTER COLUMN title SET DEFAULT 'x'",
				"ALTER TABLE public.book ALTER price SET DEFAULT 0",
				"ALTER TABLE book ALTER COLUMN title DROP DEFAULT"))
			.containsExactly(false, false, false, false);
		assertThat(refused("ALTER TABLE book ALTER COLUMN price DROP DEFAULT",
				"ALTER TABLE book ALTER COLUMN price SET DEFAULT 0"))
			.containsExactly(false, false);
	}

	@Test
	void defaultsOfIdentityGeneratedOrInheritedColumnsAreSent() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TABLE item (id int GENERATED ALWAYS AS IDENTITY, price numeric DEFAULT 0, "
					+ "total numeric GENERATED ALWAYS AS (price * 2) STORED)");
			statement.execute("CREATE TABLE special_item (extra text) INHERITS (item)");
			statement.execute("ALTER TABLE special_item ALTER COLUMN price SET DEFAULT 5");
		}
		assertThat(refused("ALTER TABLE item ALTER COLUMN id DROP DEFAULT",
				"ALTER TABLE item ALTER COLUMN total SET DEFAULT (price * (2)::numeric)",
				"ALTER TABLE item ALTER COLUMN price SET DEFAULT 0"))
			.containsExactly(false, false, false);
	}

	@Test
	void nothingIsLeftOutWhenAnEventTriggerCouldRunOnAnyStatement() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'");
			statement.execute("CREATE EVENT TRIGGER on_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl()");
		}
		assertThat(refused("CREATE TABLE book (id int)", "CREATE INDEX book_title_idx ON book (title)"))
			.containsExactly(false, false);
	}

	@Test
	void onlyASingleDefaultOrACommentKeepsNames() {
		assertThat(LeftOutStatements.keepsNames("ALTER TABLE book ALTER COLUMN price SET DEFAULT coalesce(1, 2)"))
			.isTrue();
		assertThat(LeftOutStatements.keepsNames("alter table only public.book alter price drop default")).isTrue();
		assertThat(LeftOutStatements.keepsNames("COMMENT ON COLUMN book.title IS 'a, b'")).isTrue();
		assertThat(LeftOutStatements.keepsNames("ALTER TABLE book ALTER COLUMN title SET DEFAULT 'a, b'")).isTrue();
		assertThat(LeftOutStatements.keepsNames("ALTER TABLE book ALTER COLUMN title SET DEFAULT E'a\\'', DROP b"))
			.isFalse();
		assertThat(LeftOutStatements.keepsNames("ALTER TABLE book ALTER COLUMN price SET DEFAULT 1, DROP COLUMN b"))
			.isFalse();
		assertThat(LeftOutStatements.keepsNames("ALTER TABLE book ALTER COLUMN price TYPE bigint")).isFalse();
		assertThat(LeftOutStatements.keepsNames("ALTER TABLE book RENAME COLUMN price TO cost")).isFalse();
		assertThat(LeftOutStatements.keepsNames("UPDATE book SET price = 1")).isFalse();
	}

	private boolean[] refused(String... sql) throws SQLException {
		List<SqlStatement> statements = java.util.Arrays.stream(sql)
			.map((text) -> new SqlStatement(text, 1, null))
			.toList();
		return LeftOutStatements.of(this.connection, statements,
				statements.stream().map(AllAtOnceProof::creates).toList());
	}

}
