package dev.confiture.core.coordinate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class CoordinationRegistryTests {

	private ScratchDatabase database;

	private CoordinationRegistry registry;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		this.registry = CoordinationRegistry.of(this.database.settings());
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void initializeIsIdempotentAndReadsNeedIt() {
		assertThat(this.registry.isInitialized()).isFalse();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(this.registry::activeIntents)
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.NOT_INITIALIZED))
			.withMessageContaining("has no coordination tables");
		assertThat(this.registry.initialize()).isTrue();
		assertThat(this.registry.initialize()).isFalse();
		assertThat(this.registry.activeIntents()).isEmpty();
		assertThat(this.registry.openConflicts()).isEmpty();
	}

	@Test
	void registerAllocatesIdBranchAndHistory() {
		Registration registration = this.registry.register(IntentRequest.of("alice", "User Profiles")
			.withTables("users", "profiles")
			.withSchemaChanges("ALTER TABLE users ADD COLUMN bio TEXT; CREATE TABLE profiles (...)")
			.withRiskLevel(RiskLevel.MEDIUM)
			.withEstimatedHours(new BigDecimal("3")));
		Intent intent = registration.intent();
		assertThat(intent.id()).matches("int_[0-9a-f]{12}");
		assertThat(intent.branchName()).isEqualTo("feature/user_profiles_001");
		assertThat(intent.status()).isEqualTo(IntentStatus.REGISTERED);
		assertThat(intent.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
		assertThat(intent.estimatedHours()).isEqualByComparingTo("3");
		assertThat(intent.tables()).containsExactly("users", "profiles");
		assertThat(intent.touches()).contains(new TouchedObject(ObjectKind.COLUMN, "users.bio"));
		assertThat(registration.conflicts()).isEmpty();
		assertThat(this.registry.register(IntentRequest.of("bob", "user profiles").withTables("other"))
			.intent()
			.branchName()).isEqualTo("feature/user_profiles_002");
		assertThat(this.registry.history(intent.id()))
			.extracting(HistoryEntry::oldStatus, HistoryEntry::newStatus, HistoryEntry::changedBy)
			.containsExactly(tuple(null, IntentStatus.REGISTERED, "alice"));
	}

	@Test
	void sameAgentNeverConflictsWithItself() {
		this.registry
			.register(IntentRequest.of("alice", "a").withSchemaChanges("ALTER TABLE users ADD COLUMN bio text"));
		Registration second = this.registry
			.register(IntentRequest.of("alice", "b").withSchemaChanges("ALTER TABLE users DROP COLUMN bio"));
		assertThat(second.conflicts()).isEmpty();
		assertThat(second.intent().status()).isEqualTo(IntentStatus.REGISTERED);
		assertThat(this.registry.check(IntentRequest.of("alice", null).withTables("users")).conflicts()).isEmpty();
	}

	@Test
	void sameColumnIsAnErrorAndSameTableAWarning() {
		Intent alice = this.registry
			.register(IntentRequest.of("alice", "bio").withSchemaChanges("ALTER TABLE users ADD COLUMN bio text"))
			.intent();
		Registration bob = this.registry.register(
				IntentRequest.of("bob", "bio too").withSchemaChanges("ALTER TABLE Users ADD COLUMN Bio varchar(80)"));
		assertThat(bob.intent().status()).isEqualTo(IntentStatus.CONFLICTED);
		assertThat(bob.conflicts())
			.extracting(Conflict::otherIntentId, Conflict::kind, Conflict::object, Conflict::severity)
			.containsExactly(tuple(alice.id(), ObjectKind.TABLE, "users", Severity.WARNING),
					tuple(alice.id(), ObjectKind.COLUMN, "users.bio", Severity.ERROR));
		assertThat(bob.conflicts()).allSatisfy((conflict) -> assertThat(conflict.id()).isNotNull());
		ConflictCheck carol = this.registry
			.check(IntentRequest.of("carol", null).withSchemaChanges("ALTER TABLE users ADD COLUMN avatar text"));
		assertThat(carol.conflicts()).extracting(Conflict::otherAgentId, Conflict::kind, Conflict::severity)
			.containsExactly(tuple("alice", ObjectKind.TABLE, Severity.WARNING),
					tuple("bob", ObjectKind.TABLE, Severity.WARNING));
		assertThat(this.registry.openConflicts()).hasSize(2);
		assertThat(this.registry.activeIntents()).extracting(Intent::agentId).containsExactly("alice", "bob");
	}

	@Test
	void indexFunctionAndConstraintConflictsAreErrors() {
		this.registry.register(IntentRequest.of("alice", "a").withSchemaChanges("""
				CREATE INDEX idx_users_email ON users (email);
				CREATE OR REPLACE FUNCTION touch() RETURNS void LANGUAGE sql AS $$ SELECT 1 $$;
				ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
				"""));
		ConflictCheck check = this.registry.check(IntentRequest.of("bob", null).withSchemaChanges("""
				DROP INDEX IF EXISTS idx_users_email;
				DROP FUNCTION touch();
				ALTER TABLE public.orders DROP CONSTRAINT orders_total_check;
				"""));
		assertThat(check.conflicts()).extracting(Conflict::kind, Conflict::object, Conflict::severity)
			.containsExactly(tuple(ObjectKind.INDEX, "idx_users_email", Severity.ERROR),
					tuple(ObjectKind.FUNCTION, "touch", Severity.ERROR),
					tuple(ObjectKind.TABLE, "orders", Severity.WARNING),
					tuple(ObjectKind.CONSTRAINT, "orders.orders_total_check", Severity.ERROR));
	}

	@Test
	void unknownStatementsAreReportedAndNeverConflict() {
		this.registry.register(IntentRequest.of("alice", "a").withSchemaChanges("GRANT SELECT ON users TO reporting"));
		ConflictCheck check = this.registry
			.check(IntentRequest.of("bob", null).withSchemaChanges("GRANT SELECT ON users TO reporting"));
		assertThat(check.conflicts()).isEmpty();
		assertThat(check.unrecognised()).singleElement()
			.satisfies((statement) -> assertThat(statement.statement()).isEqualTo("GRANT SELECT ON"));
		assertThat(check.touches()).containsExactly(new TouchedObject(ObjectKind.UNKNOWN, "line 1: GRANT SELECT ON"));
	}

	@Test
	void completeAndAbandonFreeTheTableAndReleaseConflictedIntents() {
		Intent alice = this.registry.register(IntentRequest.of("alice", "a").withTables("users")).intent();
		Intent bob = this.registry.register(IntentRequest.of("bob", "b").withTables("users")).intent();
		Intent carol = this.registry.register(IntentRequest.of("carol", "c").withTables("orders")).intent();
		assertThat(bob.status()).isEqualTo(IntentStatus.CONFLICTED);
		StatusChange started = this.registry.start(alice.id(), null, "alice");
		assertThat(started.intent().status()).isEqualTo(IntentStatus.IN_PROGRESS);
		StatusChange completed = this.registry.complete(alice.id(), "success", "done", "alice");
		assertThat(completed.previousStatus()).isEqualTo(IntentStatus.IN_PROGRESS);
		assertThat(completed.intent().status()).isEqualTo(IntentStatus.COMPLETED);
		assertThat(completed.intent().outcome()).isEqualTo("success");
		assertThat(completed.resolvedConflicts()).isEqualTo(1);
		assertThat(completed.releasedIntents()).containsExactly(bob.id());
		assertThat(this.registry.intent(bob.id()))
			.hasValueSatisfying((intent) -> assertThat(intent.status()).isEqualTo(IntentStatus.REGISTERED));
		assertThat(this.registry.openConflicts()).isEmpty();
		assertThat(this.registry.conflicts(bob.id())).singleElement()
			.satisfies((conflict) -> assertThat(conflict.isOpen()).isFalse());
		StatusChange abandoned = this.registry.abandon(carol.id(), "Requirements changed", null);
		assertThat(abandoned.intent().reason()).isEqualTo("Requirements changed");
		this.registry.abandon(bob.id(), "no longer needed", "bob");
		assertThat(this.registry.check(IntentRequest.of("dave", null).withTables("users", "orders")).conflicts())
			.isEmpty();
		assertThat(this.registry.activeIntents()).isEmpty();
		assertThat(this.registry.intents()).hasSize(3);
		assertThat(this.registry.history(alice.id())).extracting(HistoryEntry::newStatus, HistoryEntry::reason)
			.containsExactly(tuple(IntentStatus.REGISTERED, "registered"), tuple(IntentStatus.IN_PROGRESS, null),
					tuple(IntentStatus.COMPLETED, "done"));
		assertThat(this.registry.history(bob.id())).extracting(HistoryEntry::oldStatus, HistoryEntry::newStatus)
			.containsExactly(tuple(null, IntentStatus.CONFLICTED),
					tuple(IntentStatus.CONFLICTED, IntentStatus.REGISTERED),
					tuple(IntentStatus.REGISTERED, IntentStatus.ABANDONED));
	}

	@Test
	void finalIntentsCannotChangeAndUnknownIdsAreNamed() {
		Intent alice = this.registry.register(IntentRequest.of("alice", "a").withTables("users")).intent();
		this.registry.complete(alice.id(), "success", null, null);
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.registry.abandon(alice.id(), "late", null))
			.withMessage("Intent " + alice.id() + " is completed; it cannot be marked abandoned")
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.GENERIC));
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.registry.start("int_000000000000", null, null))
			.withMessageStartingWith("No intent 'int_000000000000'")
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
		assertThat(this.registry.history(alice.id())).hasSize(2);
	}

	@Test
	void sixteenAgentsRegisteringOnOneColumnAtOnceSeeEachOther() throws Exception {
		this.registry.initialize();
		List<Registration> registrations = concurrently(16,
				(agent) -> this.registry.register(IntentRequest.of("agent-" + agent, "bio " + agent)
					.withSchemaChanges("ALTER TABLE users ADD COLUMN bio text")));
		assertThat(registrations.stream().filter((registration) -> !registration.hasConflicts())).hasSize(1);
		assertThat(registrations.stream().map(Registration::intent).map(Intent::branchName).distinct()).hasSize(16);
		assertThat(registrations.stream().mapToInt((registration) -> registration.conflicts().size()).sum())
			.as("the n-th registration conflicts with the n-1 before it, on the table and the column")
			.isEqualTo(2 * (16 * 15 / 2));
	}

	@Test
	void branchNamesAreUniqueUnderConcurrencyOnAFreshDatabase() throws Exception {
		List<Registration> registrations = concurrently(16, (agent) -> this.registry
			.register(IntentRequest.of("agent-" + agent, "Checkout Flow").withTables("t" + agent)));
		assertThat(registrations.stream().map((registration) -> registration.intent().branchName()).sorted())
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 16)
				.mapToObj((n) -> String.format("feature/checkout_flow_%03d", n))
				.toList());
		assertThat(registrations).allSatisfy((registration) -> assertThat(registration.hasConflicts()).isFalse());
	}

	@Test
	void injectionLookingInputIsStoredVerbatim() throws SQLException {
		String agent = "robert'); DROP TABLE confiture.intents; --";
		String feature = "x\"; DELETE FROM confiture.intent_history; --";
		String table = "users'; TRUNCATE confiture.intents; --";
		String ddl = "ALTER TABLE users ADD COLUMN \"a'b\" text -- $$ ' \\";
		String notes = "$$; DROP SCHEMA confiture CASCADE; $$";
		Intent intent = this.registry
			.register(new IntentRequest(agent, feature, List.of(table), ddl, RiskLevel.HIGH, null, notes))
			.intent();
		Intent stored = this.registry.intent(intent.id()).orElseThrow();
		assertThat(stored.agentId()).isEqualTo(agent);
		assertThat(stored.featureName()).isEqualTo(feature);
		assertThat(stored.tablesAffected()).containsExactly(table);
		assertThat(stored.schemaChanges()).isEqualTo(ddl);
		assertThat(stored.notes()).isEqualTo(notes);
		assertThat(stored.branchName()).isEqualTo("feature/x_delete_from_confiture.intent_history_001");
		assertThat(stored.touches()).contains(
				new TouchedObject(ObjectKind.TABLE, "users'; TRUNCATE confiture.intents; --"),
				new TouchedObject(ObjectKind.COLUMN, "users.a'b"));
		this.registry.abandon(intent.id(), "'; DROP TABLE confiture.intent_history; --", agent);
		assertThat(this.registry.history(intent.id())).extracting(HistoryEntry::reason)
			.contains("'; DROP TABLE confiture.intent_history; --");
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT count(*) FROM confiture.intents")) {
			row.next();
			assertThat(row.getInt(1)).isEqualTo(1);
		}
	}

	private static <T> List<T> concurrently(int threads, Task<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int agent = i;
				Callable<T> callable = () -> {
					ready.countDown();
					go.await();
					return task.run(agent);
				};
				futures.add(executor.submit(callable));
			}
			ready.await();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@FunctionalInterface
	interface Task<T> {

		T run(int agent) throws Exception;

	}

}
