package dev.confiture.spring.boot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.lint.LintFinding;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.ConfitureDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.CoordinationDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.LastRunDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.MigrationDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.SchemaDescriptor;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargetProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;

/**
 * Builds the {@link ConfitureDescriptor} of one target for {@link ConfitureEndpoint}:
 * reads its schema build, migrations and lock holders (an error that stops it is shown,
 * without secrets, instead of failing the endpoint), its last startup run and lint
 * findings, and for the main target the coordination.
 */
final class ConfitureDescriptions {

	private final @Nullable CoordinationRegistry coordinationRegistry;

	private final @Nullable ConfitureTargets targets;

	ConfitureDescriptions(@Nullable CoordinationRegistry coordinationRegistry, @Nullable ConfitureTargets targets) {
		this.coordinationRegistry = coordinationRegistry;
		this.targets = targets;
	}

	/** Describes a named target, also before its {@code DataSource} bean exists. */
	ConfitureDescriptor describeTarget(String name) {
		ConfitureTargetProperties properties = this.targets.target(name);
		Confiture confiture = this.targets.confiture(name);
		ConfitureRunState state = this.targets.state(name);
		if (confiture == null) {
			String where = (properties.getDataSource() != null) ? "DataSource bean " + properties.getDataSource()
					: ConnectionSettings.sanitize(properties.getUrl());
			return new ConfitureDescriptor(properties.getMode().name(), null, null, where, null, List.of(), List.of(),
					null, "not prepared yet: its DataSource bean was not created", List.of());
		}
		return describe(confiture, properties.getMode().name(), state, false);
	}

	/** Describes one Confiture bean; the main one also shows the coordination. */
	ConfitureDescriptor describe(Confiture confiture, String mode, ConfitureRunState state, boolean main) {
		LastRun lastRun = state.lastRun();
		String error = null;
		SchemaDescriptor schema = null;
		List<MigrationDescriptor> migrations = List.of();
		String trackingTable = confiture.environment().trackingTable();
		List<String> lockHolders = List.of();
		try {
			schema = confiture.lastBuild().map(SchemaDescriptor::new).orElse(null);
			Map<String, MigrationInfo> infos = confiture.migrations()
				.stream()
				.collect(Collectors.toMap(MigrationInfo::version, Function.identity(), (a, b) -> a));
			StatusReport report = confiture.status(StatusOptions.defaults());
			trackingTable = report.trackingTable();
			migrations = report.migrations()
				.stream()
				.map((status) -> new MigrationDescriptor(status, infos.get(status.version())))
				.toList();
			lockHolders = confiture.lockHolders();
		}
		catch (RuntimeException ex) {
			error = ConnectionSettings.sanitize(ex.getMessage());
		}
		CoordinationDescriptor coordination = (main && this.coordinationRegistry != null)
				? CoordinationDescriptor.of(this.coordinationRegistry) : null;
		List<Map<String, Object>> lint = state.lint().stream().map(ConfitureDescriptions::lintFinding).toList();
		return new ConfitureDescriptor(mode, (lastRun != null) ? new LastRunDescriptor(lastRun) : null, schema,
				ConnectionSettings.sanitize(confiture.databaseDescription()), trackingTable, migrations, lockHolders,
				coordination, error, lint);
	}

	private static Map<String, Object> lintFinding(LintFinding finding) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("rule", finding.rule().id());
		entry.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
		entry.put("location", finding.location());
		entry.put("object", finding.object());
		entry.put("message", finding.message());
		entry.put("alternative", finding.alternative());
		entry.put("lockMode", finding.lockMode());
		entry.put("rewrite", finding.rewrite());
		if (finding.size() != null) {
			entry.put("rows", finding.size().rows());
			entry.put("bytes", finding.size().bytes());
		}
		return entry;
	}

}
