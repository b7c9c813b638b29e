package dev.confiture.core.migrate;

import org.junit.jupiter.api.Test;

import dev.confiture.core.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements the all-at-once baseline proof may skip when their object exists
 * ({@link AllAtOnceProof#creates}); the proof itself runs on PostgreSQL in
 * {@code BaselineProofTests}.
 */
class AllAtOnceProofTests {

	@Test
	void createTableAndIndexNameTheirRelation() {
		assertThat(creates("CREATE TABLE public.book (id int)")).containsExactly("public.book", null);
		assertThat(creates("-- c\nCREATE UNIQUE INDEX book_idx ON book (id)")).containsExactly("book_idx", "book");
	}

	@Test
	void addColumnNamesTheColumnAndItsTable() {
		assertThat(creates("ALTER TABLE book ADD COLUMN isbn text")).containsExactly("#c isbn", "book");
		assertThat(creates("alter table only app.book add \"Isbn\" text")).containsExactly("#c \"Isbn\"", "app.book");
		assertThat(creates("ALTER TABLE book ADD COLUMN a int, ADD COLUMN b int")).containsExactly("#c a", "book");
	}

	@Test
	void addColumnIfNotExistsAndOtherAdditionsAreNotSkipped() {
		assertThat(creates("ALTER TABLE book ADD COLUMN IF NOT EXISTS isbn text, ADD COLUMN b int"))
			.containsExactly(null, null);
		assertThat(creates("ALTER TABLE book ADD UNIQUE (isbn)")).containsExactly(null, null);
		assertThat(creates("ALTER TABLE book ADD PRIMARY KEY (id)")).containsExactly(null, null);
		assertThat(creates("ALTER TABLE IF EXISTS book ADD COLUMN isbn text")).containsExactly(null, null);
		assertThat(creates("ALTER TABLE book ADD CONSTRAINT book_pk PRIMARY KEY (id)")).containsExactly(null, null);
	}

	@Test
	void addCheckOrForeignKeyConstraintNamesTheConstraintAndItsTable() {
		assertThat(creates("ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0)"))
			.containsExactly("#k book_price_check", "book");
		assertThat(creates("ALTER TABLE book ADD CONSTRAINT book_author_fk FOREIGN KEY (author_id) REFERENCES author"))
			.containsExactly("#k book_author_fk", "book");
	}

	private static String[] creates(String sql) {
		return AllAtOnceProof.creates(new SqlStatement(sql, 1, null));
	}

}
