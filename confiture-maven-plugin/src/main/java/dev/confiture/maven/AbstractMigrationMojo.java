package dev.confiture.maven;

import java.time.Duration;
import java.util.Locale;

import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.migrate.ChecksumPolicy;

/**
 * Base of the goals that change the database through migrations: the command line's
 * {@code --lock-wait} and {@code --on-checksum-mismatch}.
 */
abstract class AbstractMigrationMojo extends AbstractConfitureMojo {

	/**
	 * How long to wait for another runner's migration lock: 500ms, 30s, 2m or an ISO-8601
	 * duration.
	 */
	@Parameter(property = "confiture.lockWait", defaultValue = "60s")
	String lockWait;

	/** When an applied migration's file has changed: fail, warn or ignore. */
	@Parameter(property = "confiture.onChecksumMismatch", defaultValue = "fail")
	String onChecksumMismatch;

	/**
	 * The facade with these options, logging migration progress.
	 * @param output where progress goes
	 * @return the loaded facade
	 */
	Confiture confiture(MavenOutput output) {
		return configure().migrationListener(new MigrationProgress(output))
			.lockWait(duration(this.lockWait))
			.checksumPolicy(checksumPolicy(this.onChecksumMismatch))
			.load();
	}

	static ChecksumPolicy checksumPolicy(String value) {
		try {
			return ChecksumPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new ConfitureException(Category.CONFIG, "onChecksumMismatch is '" + value + "'",
					"Use fail, warn or ignore");
		}
	}

	static Duration duration(String value) {
		return Durations.parse((value != null) ? value : "60s", "lockWait");
	}

}
