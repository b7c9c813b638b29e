package dev.confiture.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.coordinate.ConflictCheck;
import dev.confiture.core.coordinate.CoordinationDocuments.ConflictCheckDocument;
import dev.confiture.core.coordinate.IntentRequest;

/**
 * Checks planned work against other agents' active intents without registering it, as
 * {@code confiture coordinate check}; a conflict fails the build, so CI can gate a pull
 * request on it. Records nothing.
 */
@Mojo(name = "coordinate-check", threadSafe = true, requiresProject = false)
public class CoordinateCheckMojo extends AbstractCoordinationMojo {

	/** Who plans the change; that agent's own intents never conflict. */
	@Parameter(property = "confiture.agentId", required = true)
	String agentId;

	/** The feature (shown only). */
	@Parameter(property = "confiture.featureName")
	String featureName;

	/** Tables the work touches. */
	@Parameter(property = "confiture.tables")
	List<String> tables;

	/**
	 * Planned DDL: statements separated by ';', or a .sql file (relative to the project
	 * directory) that holds it.
	 */
	@Parameter(property = "confiture.schemaChanges")
	String schemaChanges;

	/** Fails the build when a conflict is found. */
	@Parameter(property = "confiture.failOnConflict", defaultValue = "true")
	boolean failOnConflict;

	@Override
	String goal() {
		return "coordinate-check";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		List<String> planned = (this.tables != null)
				? this.tables.stream().map(String::strip).filter((table) -> !table.isEmpty()).toList() : List.of();
		ConflictCheck check = registry()
			.check(new IntentRequest(this.agentId, this.featureName, planned, ddl(), null, null, null));
		String text = String.join("\n", TEXTS.check(check));
		reports.writeDocument(ConflictCheckDocument.of(!check.hasConflicts(), check, this.featureName));
		if (!check.hasConflicts()) {
			output.info(text);
			return;
		}
		output.warn(text);
		if (this.failOnConflict) {
			throw Failures.of(check.conflicts().size() + " conflict(s) with other agents' active intents",
					"Agree on an order with the other agent, or change other objects (./mvnw confiture:coordinate-status)");
		}
	}

	private String ddl() {
		if (this.schemaChanges == null) {
			return null;
		}
		String value = this.schemaChanges.strip();
		if (value.toLowerCase(Locale.ROOT).endsWith(".sql") && value.indexOf('\n') < 0 && value.indexOf(';') < 0) {
			Path file = projectDirectory().resolve(value);
			if (Files.isRegularFile(file)) {
				try {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new ConfitureException(Category.CONFIG,
							"Could not read the schemaChanges file " + file + ": " + ex.getMessage(),
							"Check that the file exists and is readable", ex);
				}
			}
		}
		return this.schemaChanges;
	}

}
