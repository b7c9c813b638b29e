package dev.confiture.spring.boot.test.autoconfigure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test methods running at the same time on different threads each have their own
 * database.
 */
@ConfitureTest(refresh = Refresh.AFTER_EACH_TEST)
@Execution(ExecutionMode.CONCURRENT)
class ParallelExecutionTests {

	private static final CyclicBarrier together = new CyclicBarrier(2);

	private static final Set<String> databases = ConcurrentHashMap.newKeySet();

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Test
	void first() throws Exception {
		insertTheSameRowAtTheSameTime();
	}

	@Test
	void second() throws Exception {
		insertTheSameRowAtTheSameTime();
	}

	private void insertTheSameRowAtTheSameTime() throws Exception {
		together.await(60, TimeUnit.SECONDS);
		this.jdbc.sql("INSERT INTO customer (email, name) VALUES ('parallel@example.com', 'Parallel')").update();
		assertThat(databases.add(this.dataSource.getDatabaseName())).isTrue();
		together.await(60, TimeUnit.SECONDS);
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email = 'parallel@example.com'")
			.query(Long.class)
			.single()).isOne();
	}

}
