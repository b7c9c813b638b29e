package dev.confiture.core.lint;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.server.CountingServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lint before migrating costs nothing when nothing is pending, asks no server unless
 * told to measure; bad input (suppressions, markers, statements) is refused or reported
 * with file and line.
 */
class LintGateTests {

	@TempDir
	Path root;

	ScratchDatabase live;

	LintProject project;

	CountingServer server = new CountingServer();

	@BeforeEach
	void setUp() {
		this.live = PostgresServers.shared().createDatabase();
		LintProject.execute(this.live, "CREATE TABLE orders (id bigint PRIMARY KEY, total int, note text);");
		this.project = new LintProject(this.root, this.live);
	}

	@AfterEach
	void tearDown() {
		this.live.close();
	}

	@Test
	void nothingPendingBuildsNoShadowDatabaseAndReadsNoFile() {
		this.project.migration("001_index.up.sql", "CREATE INDEX orders_total ON orders (total);");
		this.project.confiture().migrate(MigrateOptions.defaults());
		this.project.migration("001_index.up.sql", "this file is not read again");
		LintResult result = this.project.confiture().lint(new LintOptions(List.of(), true, this.server));
		assertThat(result.files()).isEmpty();
		assertThat(result.findings()).isEmpty();
		assertThat(result.measured()).isFalse();
		assertThat(result.notes()).anyMatch((note) -> note.startsWith("No SQL migration is pending on "));
		assertThat(this.server.databases()).isZero();
	}

	@Test
	void theStaticGateAsksNoServerAndStillFindsTheErrors() {
		this.project.migration("001_index.up.sql", "CREATE INDEX orders_total ON orders (total);");
		LintResult result = this.project.confiture().lint(new LintOptions(List.of(), false, this.server));
		assertThat(result.measured()).isFalse();
		assertThat(result.files()).containsExactly("db/migrations/001_index.up.sql");
		assertThat(result.errors()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(LintRule.INDEX_WITHOUT_CONCURRENTLY);
			assertThat(finding.measured()).isFalse();
			assertThat(finding.size()).as("ranked by the live size even from the text").isNotNull();
		});
		assertThat(this.server.databases()).isZero();
	}

	@Test
	void theMeasuredGateCreatesOneShadowDatabase() {
		this.project.migration("001_index.up.sql", "CREATE INDEX orders_total ON orders (total);");
		LintResult result = this.project.confiture().lint(new LintOptions(List.of(), true, this.server));
		assertThat(result.measured()).isTrue();
		assertThat(result.errors()).singleElement()
			.satisfies((finding) -> assertThat(finding.lockMode()).isEqualTo("ShareLock"));
		assertThat(this.server.databases()).isEqualTo(1);
	}

	@Test
	void anUnknownRuleIdInASuppressionIsRefusedWithFileLineAndTheKnownIds() {
		Path file = this.project.migration("001_drop.up.sql",
				"SET lock_timeout = '5s';\n-- confiture:allow drop-colum the column is unused\n"
						+ "ALTER TABLE orders DROP COLUMN note;\n");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> this.project.lint(file))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.getMessage())
					.isEqualTo("db/migrations/001_drop.up.sql:2: unknown lint rule 'drop-colum' in -- confiture:allow");
				assertThat(ex.hint()).contains("drop-column").contains("table-rewrite");
			});
		assertThat(LintProject.snapshot(this.live)).contains("note text");
	}

	@Test
	void aSuppressionAboveAStatementAllowsOnlyThatStatementAndShowsItsReason() {
		Path file = this.project.migration("001_drops.up.sql",
				"SET lock_timeout = '5s';\n" + "-- confiture:allow drop-column note is unused since release 4.2\n"
						+ "ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders DROP COLUMN total;\n");
		LintResult result = this.project.lint(file);
		assertThat(result.suppressed()).singleElement().satisfies((finding) -> {
			assertThat(finding.line()).isEqualTo(3);
			assertThat(finding.suppression()).isEqualTo("note is unused since release 4.2");
		});
		assertThat(result.errors()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(LintRule.DROP_COLUMN);
			assertThat(finding.line()).isEqualTo(4);
		});
	}

	@Test
	void aSuppressionBeforeTheFirstStatementAllowsTheRuleForTheWholeFile() {
		Path file = this.project.migration("001_drops.up.sql", "-- confiture:allow drop-column both are unused\n"
				+ "SET lock_timeout = '5s';\nALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders DROP COLUMN total;\n");
		LintResult result = this.project.lint(file);
		assertThat(result.errors()).isEmpty();
		assertThat(result.suppressed()).hasSize(2)
			.allMatch((finding) -> finding.suppression().equals("both are unused"));
	}

	@Test
	void aMalformedLockTimeoutMarkerIsRefusedWithFileAndLineBeforeAnythingIsMeasured() {
		Path file = this.project.migration("001_marker.up.sql",
				"ALTER TABLE orders ADD COLUMN region text;\n-- confiture:lock-timeout=soon\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.project.confiture().lint(new LintOptions(List.of(file), true, this.server)))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.CONFIG);
				assertThat(ex.getMessage()).isEqualTo(
						"db/migrations/001_marker.up.sql:2: -- confiture:lock-timeout: 'soon' is not a duration");
			});
		assertThat(this.server.databases()).isZero();
	}

	@Test
	void aStatementThatDoesNotParseIsReportedWithItsLineWhenMeasured() {
		Path file = this.project.migration("001_typo.up.sql",
				"SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUM region text;\nALTER TABLE orders DROP COLUMN note;\n");
		LintResult result = this.project.lint(file);
		assertThat(result.errors()).filteredOn((finding) -> finding.rule() == LintRule.STATEMENT_FAILS)
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.line()).isEqualTo(2);
				assertThat(finding.message()).contains("syntax error");
			});
		assertThat(result.errors()).as("the rest of the file is linted from its text").anySatisfy((finding) -> {
			assertThat(finding.rule()).isEqualTo(LintRule.DROP_COLUMN);
			assertThat(finding.line()).isEqualTo(3);
			assertThat(finding.measured()).isFalse();
		});
		assertThat(LintProject.snapshot(this.live)).contains("note text").doesNotContain("region");
	}

	@Test
	void aFileThatCannotBeSplitIsRefusedWithFileAndLine() {
		Path file = this.project.migration("001_open.up.sql",
				"SET lock_timeout = '5s';\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.project.confiture().lint(new LintOptions(List.of(file), true, this.server)))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.getMessage()).startsWith("db/migrations/001_open.up.sql:2: ");
			});
		assertThat(this.server.databases()).isZero();
	}

}
