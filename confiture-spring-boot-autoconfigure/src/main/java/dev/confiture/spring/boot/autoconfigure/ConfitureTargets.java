package dev.confiture.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Suggestions;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;

/**
 * The named targets of {@code confiture.targets.<name>.*}, read once from the
 * environment, and what happened to each at startup: a {@link ConfitureRunState} per
 * target, as the main target (named {@value #MAIN}) has.
 *
 * @since 0.1.0
 */
public final class ConfitureTargets {

	/**
	 * The name of the auto-configured target ({@code confiture.*}) in reports and tags.
	 */
	public static final String MAIN = "main";

	/** The name of the tenant fleet's health component, which no target may take. */
	public static final String TENANTS = "tenants";

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final Map<String, ConfitureTargetProperties> targets;

	private final Map<String, ConfitureRunState> states = new LinkedHashMap<>();

	private final Map<String, Confiture> confitures = new ConcurrentHashMap<>();

	private final Environment environment;

	private ConfitureTargets(Map<String, ConfitureTargetProperties> targets, Environment environment) {
		this.targets = targets;
		this.environment = environment;
		targets.keySet().forEach((name) -> this.states.put(name, new ConfitureRunState()));
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
			if (MAIN.equals(target.getKey()) || TENANTS.equals(target.getKey())) {
				throw new ConfitureException(Category.CONFIG, "Confiture target name '" + target.getKey()
						+ "' is taken (main is the auto-configured target of confiture.*, tenants its tenant fleet)",
						"Give the target another name, as in confiture.targets.reporting.url, or configure the main "
								+ "database with confiture.* directly");
			}
			ConfitureTargetProperties properties = target.getValue();
			checkNotNested(target.getKey(), properties);
			if (StringUtils.hasText(properties.getDataSource()) == StringUtils.hasText(properties.getUrl())) {
				throw new ConfitureException(Category.CONFIG,
						"Confiture target '" + target.getKey() + "' needs exactly one of data-source or url",
						"Set confiture.targets." + target.getKey() + ".data-source to a DataSource bean name, or "
								+ "confiture.targets." + target.getKey() + ".url (with user and password)");
			}
		}
		return new ConfitureTargets(new LinkedHashMap<>(new java.util.TreeMap<>(targets)), environment);
	}

	/**
	 * The names of the targets, without checking them.
	 * @param environment the Spring environment
	 * @return the names, possibly none
	 */
	static Set<String> names(Environment environment) {
		return Binder.get(environment)
			.bind("confiture.targets", Bindable.mapOf(String.class, ConfitureTargetProperties.class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

	private static void checkNotNested(String name, ConfitureTargetProperties properties) {
		String nested = !properties.getTargets().isEmpty() ? "targets"
				: (properties.getTenants().getSchemas().isSet()
						|| properties.getTenants().getDatabases().isSet())
								? "tenants"
								: (properties.getCoordination().isEnabled()
										|| StringUtils.hasText(properties.getCoordination().getUrl())) ? "coordination"
												: null;
		if (nested != null) {
			throw new ConfitureException(Category.CONFIG,
					"Confiture target '" + name + "': confiture.targets." + name + "." + nested
							+ ".* is not supported; a named target takes the top-level properties except "
							+ "targets, tenants and coordination",
					"Remove confiture.targets." + name + "." + nested + ".*; declare other targets, tenants or "
							+ "coordination at the top level (confiture." + nested + ".*)");
		}
	}

	/** The targets by name. */
	public Map<String, ConfitureTargetProperties> targets() {
		return this.targets;
	}

	/**
	 * The settings of one target.
	 * @param name the target's name
	 * @return its settings
	 * @throws ConfitureException naming the known targets when there is no such target
	 */
	public ConfitureTargetProperties target(String name) {
		ConfitureTargetProperties properties = this.targets.get(name);
		if (properties == null) {
			throw unknown(name, this.targets.keySet());
		}
		return properties;
	}

	/**
	 * What Confiture recorded for one target: its startup run and migration counts.
	 * @param name the target's name
	 * @return the recorded state
	 * @throws ConfitureException naming the known targets when there is no such target
	 */
	public ConfitureRunState state(String name) {
		target(name);
		return this.states.get(name);
	}

	/**
	 * The {@link Confiture} instance of one target, to call the Java API on it.
	 * @param name the target's name
	 * @return the instance, or {@code null} when the target was not prepared yet (its
	 * {@code DataSource} bean was not created)
	 * @throws ConfitureException naming the known targets when there is no such target
	 */
	public Confiture confiture(String name) {
		target(name);
		return this.confitures.get(name);
	}

	/**
	 * What happened to each target at startup, by name; targets not prepared yet left
	 * out.
	 */
	public Map<String, TargetRun> runs() {
		Map<String, TargetRun> runs = new LinkedHashMap<>();
		this.states.forEach((name, state) -> {
			LastRun run = state.lastRun();
			if (run != null) {
				runs.put(name,
						new TargetRun(run.action(), run.startedAt(), run.duration(), run.versions(), run.error()));
			}
		});
		return runs;
	}

	static ConfitureException unknown(String name, java.util.Collection<String> known) {
		String closest = Suggestions.closest(name, known);
		return new ConfitureException(Category.CONFIG,
				"Unknown Confiture target '" + name + "'"
						+ ((closest != null) ? " (did you mean '" + closest + "'?)" : "") + "; targets: "
						+ (known.isEmpty() ? "none" : String.join(", ", known)),
				"Use the name of a confiture.targets.<name> entry");
	}

	/**
	 * Builds or migrates one target, as its properties say, exactly like the main target:
	 * the same {@link ConfitureMigrationInitializer} with the target's mode, lint,
	 * timeouts, Java migrations and drift check.
	 * @param name the target's name
	 * @param dataSource its data source, or {@code null} to use its URL
	 * @param beanFactory the bean factory holding its Java migration beans
	 * @throws ConfitureException naming the target when it fails
	 */
	void initialize(String name, DataSource dataSource, ListableBeanFactory beanFactory) {
		ConfitureTargetProperties properties = this.targets.get(name);
		ConfitureRunState state = this.states.get(name);
		Instant startedAt = Instant.now();
		try {
			Confiture confiture = confiture(name, properties, dataSource, beanFactory);
			this.confitures.put(name, confiture);
			ConfitureMigrationInitializer initializer = new ConfitureMigrationInitializer(confiture, null,
					properties.getMode(), state);
			initializer.setTarget(name);
			ConfitureSetup.configure(initializer, confiture, properties, shadow(properties),
					"confiture.targets." + name + "." + ((dataSource != null) ? "data-source" : "url"),
					properties.getUrl());
			initializer.afterPropertiesSet();
		}
		catch (RuntimeException ex) {
			if (state.lastRun() == null || state.lastRun().startedAt().isBefore(startedAt)) {
				state.recordRun(new LastRun("failed", startedAt, Duration.ZERO, List.of(),
						ConnectionSettings.sanitize(ex.getMessage())));
			}
			throw ConfitureTargetException.of(name, ex);
		}
	}

	private Confiture confiture(String name, ConfitureTargetProperties properties, DataSource dataSource,
			ListableBeanFactory beanFactory) {
		ConfitureResources resources = ConfitureTargetsPostProcessor.resources(beanFactory);
		dev.confiture.core.config.Environment environment = resources.environment(properties,
				this.environment.getProperty("spring.application.name", "application") + "-" + name);
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : getClass().getClassLoader();
		Confiture.Configuration configuration = ConfitureSetup.configuration(properties, environment,
				ConfitureSetup.javaMigrations(beanFactory, name, this.targets.keySet()), classLoader);
		if (dataSource != null) {
			configuration.dataSource(dataSource);
		}
		else {
			configuration
				.database(ConnectionSettings.parse(properties.getUrl(), properties.getUser(), properties.getPassword())
					.withTimeouts(properties.timeouts()));
		}
		return configuration.load();
	}

	/**
	 * Where a target's drift check and measured lint create throw-away databases: its
	 * {@code shadow-url}, else its database's server when it has a URL, else the main
	 * target's {@code confiture.shadow-url}.
	 */
	private ConnectionSettings shadow(ConfitureTargetProperties properties) {
		if (StringUtils.hasText(properties.getShadowUrl())) {
			return ConnectionSettings.parse(properties.getShadowUrl(), null, null).withTimeouts(properties.timeouts());
		}
		if (StringUtils.hasText(properties.getUrl())) {
			return ConnectionSettings.parse(properties.getUrl(), properties.getUser(), properties.getPassword())
				.withTimeouts(properties.timeouts());
		}
		String main = this.environment.getProperty("confiture.shadow-url");
		return StringUtils.hasText(main) ? ConnectionSettings.parse(main, null, null) : null;
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
