package dev.confiture.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What writing a project's layout did.
 *
 * @param project the absolute project directory
 * @param created the files written, relative to the project
 * @param kept the files that already existed and were left alone
 */
public record ProjectInitResult(Path project, List<String> created, List<String> kept) {

	public ProjectInitResult {
		created = List.copyOf(created);
		kept = List.copyOf(kept);
	}

}
