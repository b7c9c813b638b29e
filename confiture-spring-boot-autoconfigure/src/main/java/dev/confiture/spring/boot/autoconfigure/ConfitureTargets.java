package dev.confiture.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.confiture.core.Confiture;
import dev.confiture.core.InitializeOptions;
import dev.confiture.core.InitializeResult;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * The named targets of {@code confiture.targets.<name>.*}, read once from the environment,
 * and what happened to each at startup.
 *
 * @since 0.1.0
 */
public final class ConfitureTargets {

	private static final Log logger = LogFactory.getLog(ConfitureTargets.class);

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final Map<String, ConfitureTargetProperties> targets;

	private final Map<String, TargetRun> runs = new LinkedHashMap<>();

	private ConfitureTargets(Map<String, ConfitureTargetProperties> targets) {
		this.targets = targets;
	}

	/**
	 * Reads the targets.
	 * @param environment the Spring environment
	 * @return the targets, possibly none
	 */
	public static ConfitureTargets of(Environment environment) {
		Map<String, ConfitureTargetProperties> targets = Binder.get(environment)
			.bind("confiture.targets", Bindable.mapOf(String.class, ConfitureTargetProperties.class))
			.orElse(Map.of());
		for (Map.Entry<String, ConfitureTargetProperties> target : targets.entrySet()) {
			if (!NAME.matcher(target.getKey()).matches()) {
				throw new ConfitureException(Category.CONFIG, "Invalid Confiture target name '" + target.getKey() + "'",
						"Name targets with lower-case letters, digits and '-', as in confiture.targets.reporting.url");
			}
			ConfitureTargetProperties properties = target.getValue();
			if (StringUtils.hasText(properties.getDataSource()) == StringUtils.hasText(properties.getUrl())) {
				throw new ConfitureException(Category.CONFIG,
						"Confiture target '" + target.getKey() + "' needs exactly one of data-source or url",
						"Set confiture.targets." + target.getKey() + ".data-source to a DataSource bean name, or "
								+ "confiture.targets." + target.getKey() + ".url (with user and password)");
			}
		}
		return new ConfitureTargets(new LinkedHashMap<>(targets));
	}

	/** The targets by name. */
	public Map<String, ConfitureTargetProperties> targets() {
		return this.targets;
	}

	/** What happened to each target at startup, by name. */
	public synchronized Map<String, TargetRun> runs() {
		return Map.copyOf(this.runs);
	}

	/**
	 * Builds or migrates one target, as its mode says.
	 * @param name the target's name
	 * @param dataSource its data source, or {@code null} to use its URL
	 * @param resources where classpath resources are copied
	 * @param applicationName the application's name
	 * @throws ConfitureException naming the target when it fails
	 */
	void initialize(String name, DataSource dataSource, ConfitureResources resources, String applicationName) {
		ConfitureTargetProperties properties = this.targets.get(name);
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		try {
			Confiture.Configuration configuration = Confiture.configure()
				.environment(resources.environment(properties, applicationName + "-" + name))
				.lockWait(properties.getLockWait())
				.checksumPolicy(properties.getOnChecksumMismatch())
				.javaMigrationPackages(properties.getJavaMigrationsPackage());
			if (dataSource != null) {
				configuration.dataSource(dataSource);
			}
			else {
				configuration.database(ConnectionSettings.parse(properties.getUrl(), properties.getUser(),
						properties.getPassword()));
			}
			Confiture confiture = configuration.load();
			if (properties.getMode() == ConfitureProperties.Mode.NONE) {
				record(name, new TargetRun("none", startedAt, Duration.ZERO, List.of(), null));
				return;
			}
			InitializeResult result = confiture
				.initialize(InitializeOptions.of(InitializeOptions.Mode.valueOf(properties.getMode().name())));
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			record(name, new TargetRun(result.action().name().toLowerCase(Locale.ROOT), startedAt, duration,
					result.versions(), null));
			logger.info("Confiture target '" + name + "': " + result.summary() + " in " + duration.toMillis() + " ms");
		}
		catch (ConfitureException ex) {
			record(name, new TargetRun("failed", startedAt, Duration.ofNanos(System.nanoTime() - started), List.of(),
					ConnectionSettings.sanitize(ex.getMessage())));
			throw new ConfitureException(ex.category(), "Confiture target '" + name + "': " + ex.getMessage(), ex.hint(),
					ex.remedy(), ex);
		}
	}

	private synchronized void record(String name, TargetRun run) {
		this.runs.put(name, run);
	}

	/**
	 * What happened to one target at startup.
	 *
	 * @param action what was done: build, migrate, validate, none or failed
	 * @param startedAt when it started
	 * @param duration how long it took
	 * @param versions the versions applied or recorded
	 * @param error the failure, without secrets, or {@code null}
	 */
	public record TargetRun(String action, Instant startedAt, Duration duration, List<String> versions, String error) {
	}

}
