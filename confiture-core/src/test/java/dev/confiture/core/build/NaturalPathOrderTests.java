package dev.confiture.core.build;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalPathOrderTests {

	@Test
	void numbersInNamesCompareNumerically() {
		assertThat(sorted("db/schema/10_x.sql", "db/schema/2_x.sql", "db/schema/1_x.sql"))
			.containsExactly("db/schema/1_x.sql", "db/schema/2_x.sql", "db/schema/10_x.sql");
	}

	@Test
	void segmentsCompareOneByOneSoFoldersKeepTheirFilesTogetherAndAFolderSortsBeforeItsLongerNamesake() {
		assertThat(sorted("db/schema/10_tables/b.sql", "db/schema/2_types/z.sql", "db/schema/10_tables/a/x.sql",
				"db/schema/10_tables/a.sql"))
			.containsExactly("db/schema/2_types/z.sql", "db/schema/10_tables/a/x.sql", "db/schema/10_tables/a.sql",
					"db/schema/10_tables/b.sql");
	}

	@Test
	void leadingZerosDoNotChangeTheNumberButKeepTheOrderTotal() {
		assertThat(sorted("007_b.sql", "7_a.sql", "06_c.sql")).containsExactly("06_c.sql", "7_a.sql", "007_b.sql");
	}

	@Test
	void textComparesByCodePointWhateverTheLocale() {
		assertThat(sorted("b.sql", "B.sql", "a.sql", "_x.sql")).containsExactly("B.sql", "_x.sql", "a.sql", "b.sql");
	}

	@Test
	void hugeNumbersDoNotOverflow() {
		assertThat(sorted("99999999999999999999_b.sql", "100000000000000000000_a.sql"))
			.containsExactly("99999999999999999999_b.sql", "100000000000000000000_a.sql");
	}

	private static List<String> sorted(String... paths) {
		List<String> list = new ArrayList<>(List.of(paths));
		list.sort(NaturalPathOrder.INSTANCE);
		return list;
	}

}
