package dev.confiture.core.config;

import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;

/**
 * A {@code confiture.yaml} that lists several environments under {@code environments:},
 * with an optional {@code project:} block ({@code name}, {@code description}).
 */
final class ProjectFile {

	private static final List<String> KEYS = List.of("project", "environments");

	private static final List<String> PROJECT_KEYS = List.of("name", "description");

	private final ConfigMapping root;

	private final ConfigMapping environments;

	/**
	 * Checks the file's structure; the environments themselves are checked when one is
	 * read.
	 * @param root the file's root mapping
	 */
	ProjectFile(ConfigMapping root) {
		if (!isProjectFile(root) && !root.keys().isEmpty()) {
			throw root.error(root.line(), "The settings are not under 'environments:'",
					Remedy.pass(Setting.CONFIG_FILE, null,
							"Indent them under 'environments:' and an environment name, as in 'environments:' / "
									+ "'  local:' / '    database_url: ...', or pass this file with ",
							" to read it as one environment"));
		}
		root.requireKnownKeys(KEYS, "at the top of a project file");
		ConfigMapping project = root.mapping("project", "name: my-app");
		if (project != null) {
			project.requireKnownKeys(PROJECT_KEYS, "in the 'project' block");
			project.scalar("name", "a name");
			project.scalar("description", "a text");
		}
		this.root = root;
		this.environments = root.mapping("environments", "local:");
		for (String name : names()) {
			if (!EnvironmentLoader.isValidName(name)) {
				throw this.environments.error(this.environments.keyLine(name),
						"Environment name '" + name + "' is not valid", EnvironmentLoader.NAME_RULE);
			}
		}
	}

	/**
	 * Whether a file's root mapping is in this form rather than one environment's
	 * settings.
	 * @param root the root mapping
	 * @return {@code true} if it has {@code environments:} or {@code project:}
	 */
	static boolean isProjectFile(ConfigMapping root) {
		return root.keys().contains("environments") || root.keys().contains("project");
	}

	/** The environment names, in file order. */
	List<String> names() {
		return (this.environments != null) ? new ArrayList<>(this.environments.keys()) : List.of();
	}

	/** The line of {@code environments:}, or of the file's start. */
	int line() {
		return this.root.keyLine("environments");
	}

	/**
	 * Returns one environment's settings, with their keys checked.
	 * @param name the environment name
	 * @return the settings, or {@code null} if the file has no such environment
	 */
	ConfigMapping environment(String name) {
		if (this.environments == null || !this.environments.keys().contains(name)) {
			return null;
		}
		ConfigMapping settings = this.environments.mapping(name, "database_url: postgresql://localhost/app");
		settings.requireKnownKeys(EnvironmentReader.SETTINGS_KEYS, "in environment '" + name + "'");
		return settings;
	}

	/**
	 * The environment to use when none is named: the only one, else {@code local}.
	 * @return the environment name
	 * @throws ConfigurationException if there is none, or several and none is
	 * {@code local}
	 */
	String defaultEnvironment() {
		List<String> names = names();
		if (names.size() == 1) {
			return names.get(0);
		}
		if (names.contains("local")) {
			return "local";
		}
		if (names.isEmpty()) {
			throw this.root.error(line(), "No environments are defined",
					"Add one under 'environments:', as in '  local:' / '    database_url: postgresql://localhost/app'");
		}
		throw this.root.error(line(),
				"Several environments are defined (" + String.join(", ", names) + ") and none is named 'local'",
				Remedy.pass(Setting.ENVIRONMENT, names.get(0), "Choose one with ", ""));
	}

}
