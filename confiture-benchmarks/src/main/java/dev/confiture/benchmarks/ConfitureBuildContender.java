package dev.confiture.benchmarks;

import dev.confiture.benchmarks.generate.ConfitureProject;
import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;

/**
 * {@code confiture build} through the Java API, in this JVM: load the environment, find,
 * order, hash and split the files, connect, run them in one transaction, record the build
 * and baseline the migrations present.
 */
final class ConfitureBuildContender extends DatabaseContender {

	private final ConfitureProject project;

	private final boolean proveBaseline;

	ConfitureBuildContender(String name, PostgresServer server, DatabaseCheck check, ConfitureProject project) {
		this(name, server, check, project, true);
	}

	ConfitureBuildContender(String name, PostgresServer server, DatabaseCheck check, ConfitureProject project,
			boolean proveBaseline) {
		super(name, server, check);
		this.project = project;
		this.proveBaseline = proveBaseline;
	}

	@Override
	void run(ConnectionSettings database) {
		Confiture.configure()
			.projectDirectory(this.project.directory())
			.environment(ConfitureProject.ENVIRONMENT)
			.database(database)
			.load()
			.build(BuildOptions.defaults().withBaselineProof(this.proveBaseline));
	}

}
