package dev.confiture.core.coordinate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.confiture.core.sql.SqlSyntaxException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DdlRecognizerTests {

	@Test
	void seedExampleTouchesTheDeclaredTablesAndTheNewColumn() {
		Recognition recognition = DdlRecognizer.recognize(List.of("users", "profiles"),
				"ALTER TABLE users ADD COLUMN bio TEXT; CREATE TABLE profiles (...)", "test");
		assertThat(names(recognition)).containsExactly("table users", "table profiles", "column users.bio");
		assertThat(recognition.unrecognised()).isEmpty();
	}

	@Test
	void namesFoldLikePostgresAndPublicIsLeftOut() {
		assertThat(names("ALTER TABLE Public.Users ADD Bio text")).containsExactly("table users", "column users.bio");
		assertThat(names("ALTER TABLE \"Users\" ADD COLUMN \"Bio\" text")).containsExactly("table Users",
				"column Users.Bio");
		assertThat(names("ALTER TABLE billing.invoices DROP COLUMN IF EXISTS total CASCADE"))
			.containsExactly("table billing.invoices", "column billing.invoices.total");
		assertThat(DdlRecognizer.declaredName(" Public.USERS ")).isEqualTo("users");
		assertThat(DdlRecognizer.declaredName("\"Mixed\"")).isEqualTo("Mixed");
		assertThat(DdlRecognizer.declaredName("db/schema/10_tables/users.sql"))
			.isEqualTo("db/schema/10_tables/users.sql");
	}

	@Test
	void createTableReadsColumnsAndConstraints() {
		assertThat(names("""
				CREATE TABLE IF NOT EXISTS posts (
					id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					author_id bigint NOT NULL REFERENCES users (id),
					price numeric(10, 2) CONSTRAINT posts_price_positive CHECK (price > 0),
					title text,
					CONSTRAINT posts_title_key UNIQUE (title),
					FOREIGN KEY (author_id) REFERENCES users (id)
				)""")).containsExactly("table posts", "column posts.id", "constraint posts.posts_pkey",
				"column posts.author_id", "column posts.price", "constraint posts.posts_price_positive",
				"column posts.title", "constraint posts.posts_title_key");
		assertThat(names("CREATE TABLE p2024 PARTITION OF events FOR VALUES FROM (1) TO (2)"))
			.containsExactly("table p2024", "table events");
		assertThat(names("CREATE UNLOGGED TABLE cache AS SELECT 1")).containsExactly("table cache");
	}

	@Test
	void alterTableReadsEveryAction() {
		assertThat(names("""
				ALTER TABLE IF EXISTS ONLY users
					ADD COLUMN IF NOT EXISTS bio text,
					ALTER COLUMN email SET NOT NULL,
					DROP CONSTRAINT IF EXISTS users_name_key,
					ADD CONSTRAINT users_email_key UNIQUE (email),
					ADD PRIMARY KEY (id),
					VALIDATE CONSTRAINT users_age_check,
					OWNER TO admin""")).containsExactly("table users", "column users.bio", "column users.email",
				"constraint users.users_name_key", "constraint users.users_email_key", "constraint users.users_pkey",
				"constraint users.users_age_check");
		assertThat(names("ALTER TABLE users RENAME COLUMN name TO full_name")).containsExactly("table users",
				"column users.name", "column users.full_name");
		assertThat(names("ALTER TABLE users RENAME TO people")).containsExactly("table users", "table people");
		assertThat(names("ALTER TABLE users RENAME CONSTRAINT a TO b")).containsExactly("table users",
				"constraint users.a", "constraint users.b");
	}

	@Test
	void indexesFunctionsViewsAndTriggers() {
		assertThat(names(
				"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON ONLY users USING btree (lower(email))"))
			.containsExactly("index idx_users_email", "table users");
		assertThat(names("CREATE INDEX ON users (email)")).containsExactly("table users");
		assertThat(names("DROP INDEX CONCURRENTLY IF EXISTS public.idx_a, idx_b")).containsExactly("index idx_a",
				"index idx_b");
		assertThat(names("ALTER INDEX idx_a RENAME TO idx_c")).containsExactly("index idx_a", "index idx_c");
		assertThat(names("CREATE OR REPLACE FUNCTION public.touch(p int) RETURNS int LANGUAGE sql AS $$ SELECT 1; $$"))
			.containsExactly("function touch");
		assertThat(names("DROP FUNCTION IF EXISTS touch(int), other(text)")).containsExactly("function touch",
				"function other");
		assertThat(names("ALTER FUNCTION touch(int) RENAME TO poke")).containsExactly("function touch",
				"function poke");
		assertThat(names("CREATE OR REPLACE VIEW v_users AS SELECT * FROM users")).containsExactly("table v_users");
		assertThat(names("DROP MATERIALIZED VIEW IF EXISTS mv")).containsExactly("table mv");
		assertThat(names("CREATE TRIGGER trg BEFORE UPDATE OF email ON users FOR EACH ROW EXECUTE FUNCTION touch()"))
			.containsExactly("table users");
		assertThat(names("DROP TABLE IF EXISTS a, b CASCADE")).containsExactly("table a", "table b");
	}

	@Test
	void commentsAreChangesToo() {
		assertThat(names("COMMENT ON COLUMN public.users.bio IS 'About; me'")).containsExactly("table users",
				"column users.bio");
		assertThat(names("COMMENT ON CONSTRAINT users_pkey ON users IS NULL")).containsExactly("table users",
				"constraint users.users_pkey");
	}

	@Test
	void unknownStatementsTouchUnknownAndSaySo() {
		Recognition recognition = DdlRecognizer.recognize(List.of(), """
				BEGIN;
				CREATE TYPE mood AS ENUM ('sad', 'happy');
				GRANT SELECT ON users TO reporting;
				ALTER TABLE users ADD COLUMN mood mood;
				COMMIT;
				""", "test");
		assertThat(names(recognition)).containsExactly("unknown line 2: CREATE TYPE MOOD",
				"unknown line 3: GRANT SELECT ON", "table users", "column users.mood");
		assertThat(recognition.unrecognised()).extracting(UnrecognisedStatement::line, UnrecognisedStatement::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "CREATE TYPE is not read"),
					org.assertj.core.groups.Tuple.tuple(3,
							"only CREATE, ALTER, DROP and COMMENT ON statements are read"));
	}

	@Test
	void unsplittableChangesAreReportedWithTheirLine() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> DdlRecognizer.recognize(List.of(), "ALTER TABLE users\nADD COLUMN bio text DEFAULT 'x",
					"planned schema changes"))
			.withMessageContaining("planned schema changes:2");
	}

	private static List<String> names(String ddl) {
		return names(DdlRecognizer.recognize(List.of(), ddl, "test"));
	}

	private static List<String> names(Recognition recognition) {
		return recognition.objects().stream().map(TouchedObject::toString).toList();
	}

}
