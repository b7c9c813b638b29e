package dev.confiture.benchmarks.springapp;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small Spring Boot application without a web server: a DataSource (Hikari), a
 * {@link JdbcClient}, and a runner that counts the schema's tables through it, so that
 * every variant opens its first connection during startup, with or without a migration
 * tool. Whether Confiture's starter or Flyway's runs depends only on the classpath it is
 * started with. It times {@link SpringApplication#run} itself, from just before the call
 * to its return (the context refreshed, the runners called, {@code ApplicationReadyEvent}
 * published), and prints one line for the harness: {@value #RESULT_PREFIX}{@code <nanos>
 * <JVM uptime in ms at that moment> <tables counted>}.
 */
@SpringBootApplication
public class StartupApplication {

	/** How the result line starts. */
	public static final String RESULT_PREFIX = "confiture-benchmarks-startup: ";

	private final AtomicInteger tables = new AtomicInteger(-1);

	/**
	 * Starts the application, prints the result line and stops.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		long start = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(StartupApplication.class, args);
		long nanos = System.nanoTime() - start;
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		int tables = context.getBean(StartupApplication.class).tables.get();
		context.close();
		System.out.println(RESULT_PREFIX + nanos + " " + uptime + " " + tables);
	}

	@Bean
	ApplicationRunner countTables(JdbcClient jdbc) {
		return (arguments) -> this.tables.set(jdbc
			.sql("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname ~ '^h[0-9]{3}_'")
			.query(Integer.class)
			.single());
	}

}
