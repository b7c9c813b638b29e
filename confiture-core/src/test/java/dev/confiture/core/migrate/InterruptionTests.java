package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interruption (as on SIGTERM) cancels the statement on the server, rolls the
 * migration back and releases the lock.
 */
class InterruptionTests {

	@TempDir
	Path directory;

	MigrationTestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigrationTestDatabase(this.directory);
	}

	@AfterEach
	void dropDatabase() {
		Interruption.clear();
		this.db.close();
	}

	@Test
	void interruptCancelsTheRunningStatementAndNothingIsApplied() throws Exception {
		this.db.write("001_users.up.sql", "CREATE TABLE users (id int);\n");
		this.db.write("002_slow.up.sql", "CREATE TABLE half (id int);\nSELECT pg_sleep(600);\n");
		this.db.migrator().build().up(null, 1);
		CompletableFuture<MigrationRun> run = CompletableFuture.supplyAsync(() -> this.db.migrator().build().up());
		while (this.db.queryInt("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(600)%' "
				+ "AND state = 'active'") == 0) {
			assertThat(run).isNotDone();
			Thread.onSpinWait();
		}
		assertThat(Interruption.interrupt("SIGTERM")).hasSize(1)
			.allSatisfy((what) -> assertThat(what).startsWith("migrations of"));
		Throwable failure = null;
		try {
			run.get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			failure = ex.getCause();
		}
		assertThat(failure).isInstanceOf(ConfitureException.class);
		ConfitureException interrupted = (ConfitureException) failure;
		assertThat(interrupted.category()).isEqualTo(Category.INTERRUPTED);
		assertThat(interrupted.getMessage()).contains("Migration 002_slow was interrupted (SIGTERM)")
			.contains("nothing of it was applied");
		assertThat(this.db.queryInt("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(600)%' "
				+ "AND state = 'active'"))
			.isZero();
		assertThat(this.db.queryInt("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
		assertThat(this.db.tableExists("half")).isFalse();
		assertThat(this.db.appliedVersions()).containsExactly("001");
	}

}
