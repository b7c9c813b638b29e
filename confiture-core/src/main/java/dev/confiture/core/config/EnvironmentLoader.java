package dev.confiture.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;
import dev.confiture.core.config.ConfigMapping.Value;

/**
 * Loads an {@link Environment} from a project's YAML configuration. Two forms are read:
 * <ul>
 * <li>one file per environment, {@code db/environments/NAME.yaml} (or {@code .yml}), with
 * the keys {@code name}, {@code includes}, {@code include_dirs} (or {@code schema_dirs}),
 * {@code exclude_dirs}, {@code seeds}, {@code database} ({@code host}, {@code port},
 * {@code database}, {@code user}, {@code password}) or {@code database_url},
 * {@code migrations_dir} and {@code tracking_table};</li>
 * <li>a {@code confiture.yaml} at the project root, with an optional {@code project:}
 * block ({@code name}, {@code description}) and an {@code environments:} mapping from
 * names to the same keys (except {@code name}).</li>
 * </ul>
 * {@code includes} and {@code seeds} are relative to the YAML file; {@code include_dirs},
 * {@code schema_dirs}, {@code exclude_dirs} and {@code migrations_dir} to the project
 * root (the directory that holds {@code db/}). Every value may use <code>${VAR}</code>
 * and <code>${VAR:-default}</code>, expanded once; <code>$${</code> writes a literal
 * <code>${</code>. Unknown keys, wrong types, missing variables and missing include or
 * seed directories are {@link ConfigurationException errors} that name the file and line.
 */
public final class EnvironmentLoader {

	static final String NAME_RULE = "Use letters, digits, '_' and '-', as in local or production";

	private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9_-]+");

	private static final List<String> FILE_KEYS = fileKeys();

	private static final List<String> EXTENSIONS = List.of(".yaml", ".yml");

	private static final String PROJECT_FILE = "confiture";

	private final VariableSubstitution substitution;

	private final EnvironmentReader reader = new EnvironmentReader();

	/** Creates a loader that substitutes the process's environment variables. */
	public EnvironmentLoader() {
		this(System.getenv());
	}

	/**
	 * Creates a loader that substitutes the given variables.
	 * @param variables the values of <code>${VAR}</code> references
	 */
	public EnvironmentLoader(Map<String, String> variables) {
		this.substitution = new VariableSubstitution(Objects.requireNonNull(variables, "variables"));
	}

	/**
	 * Loads an environment by name ({@code --env NAME}):
	 * {@code db/environments/NAME.yaml} (or {@code .yml}) if it exists, else
	 * {@code environments.NAME} of the project's {@code confiture.yaml}.
	 * @param projectDirectory the project root
	 * @param environmentName the environment name
	 * @return the environment
	 * @throws ConfigurationException if the environment is unknown or its settings are
	 * invalid
	 */
	public Environment load(Path projectDirectory, String environmentName) {
		Path project = absolute(projectDirectory);
		checkName(environmentName);
		Path file = find(environmentsDirectory(project), environmentName);
		if (file != null) {
			return readEnvironmentFile(file, read(file), environmentName);
		}
		Path projectFile = find(project, PROJECT_FILE);
		if (projectFile != null) {
			ProjectFile environments = new ProjectFile(read(projectFile));
			ConfigMapping settings = environments.environment(environmentName);
			if (settings != null) {
				return this.reader.read(environmentName, project, settings);
			}
			throw unknownEnvironment(environmentName, environmentNames(project), projectFile, environments.line(),
					searched(project, environmentName));
		}
		throw unknownEnvironment(environmentName, environmentNames(project), null, 0,
				searched(project, environmentName));
	}

	/**
	 * Loads an environment from a file ({@code --config FILE}): either one environment's
	 * settings, or a {@code confiture.yaml} with {@code environments:}, from which
	 * {@code environmentName} picks one.
	 * @param file the YAML file
	 * @param environmentName the environment to load, or {@code null} for the file's only
	 * environment (or {@code local} when a {@code confiture.yaml} has several)
	 * @return the environment
	 * @throws ConfigurationException if the file is invalid or has no such environment
	 */
	public Environment loadFile(Path file, String environmentName) {
		Path path = absolute(file);
		if (environmentName != null) {
			checkName(environmentName);
		}
		if (Files.isDirectory(path)) {
			throw new ConfigurationException(path, 0, "Expected a YAML file but found a directory",
					Remedy.pass(Setting.ENVIRONMENT, "NAME", "Pass a file such as db/environments/local.yaml, or use ",
							" in the project directory"));
		}
		ConfigMapping root = read(path);
		if (!ProjectFile.isProjectFile(root)) {
			return readEnvironmentFile(path, root, environmentName);
		}
		ProjectFile environments = new ProjectFile(root);
		String name = (environmentName != null) ? environmentName : environments.defaultEnvironment();
		ConfigMapping settings = environments.environment(name);
		if (settings == null) {
			throw unknownEnvironment(name, environments.names().stream().sorted().toList(), path, environments.line(),
					"under 'environments:'");
		}
		return this.reader.read(name, path.getParent(), settings);
	}

	/**
	 * Lists the environments of a project: the files in {@code db/environments} and the
	 * entries of {@code confiture.yaml}.
	 * @param projectDirectory the project root
	 * @return the names, sorted, without duplicates
	 * @throws ConfigurationException if {@code confiture.yaml} is invalid
	 */
	public List<String> environmentNames(Path projectDirectory) {
		Path project = absolute(projectDirectory);
		Set<String> names = new TreeSet<>();
		Path directory = environmentsDirectory(project);
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				files.filter(Files::isRegularFile)
					.map(EnvironmentLoader::environmentName)
					.filter(Objects::nonNull)
					.forEach(names::add);
			}
			catch (IOException ex) {
				throw new ConfigurationException(directory, 0,
						"The directory cannot be listed (" + ex.getMessage() + ")", "Check that it is readable");
			}
		}
		Path projectFile = find(project, PROJECT_FILE);
		if (projectFile != null) {
			names.addAll(new ProjectFile(read(projectFile)).names());
		}
		return List.copyOf(names);
	}

	/**
	 * Reads the {@code tenants:} block of an environment loaded from a file.
	 * @param environment the environment
	 * @return how its tenants are found, or {@code null} when it declares none (or was
	 * not read from a file)
	 * @throws ConfigurationException if the block is invalid
	 */
	public TenantSettings tenants(Environment environment) {
		Path file = environment.configFile();
		if (file == null || !Files.isRegularFile(file)) {
			return null;
		}
		ConfigMapping root = read(file);
		ConfigMapping settings = ProjectFile.isProjectFile(root) ? new ProjectFile(root).environment(environment.name())
				: root;
		return (settings != null) ? TenantSettingsReader.read(settings) : null;
	}

	/**
	 * Reads how an environment loaded from a file guards its migrations ({@code lint},
	 * {@code lint_measure}, {@code lock_timeout}, {@code statement_timeout},
	 * {@code lock_retries}).
	 * @param environment the environment
	 * @return the settings; {@link MigrationSettings#NONE} when it was not read from a
	 * file
	 * @throws ConfigurationException if a value is invalid
	 */
	public MigrationSettings migrationSettings(Environment environment) {
		Path file = environment.configFile();
		if (file == null || !Files.isRegularFile(file)) {
			return MigrationSettings.NONE;
		}
		ConfigMapping root = read(file);
		ConfigMapping settings = ProjectFile.isProjectFile(root) ? new ProjectFile(root).environment(environment.name())
				: root;
		return (settings != null) ? MigrationSettingsReader.read(settings) : MigrationSettings.NONE;
	}

	static boolean isValidName(String name) {
		return name != null && ENVIRONMENT_NAME.matcher(name).matches();
	}

	private Environment readEnvironmentFile(Path file, ConfigMapping root, String requested) {
		root.requireKnownKeys(FILE_KEYS, "in an environment file");
		Value declared = root.scalar("name", "an environment name");
		String stem = stem(file);
		String name = (declared != null && !declared.value().isBlank()) ? declared.value().strip() : stem;
		if (requested != null && !requested.equals(name) && !requested.equals(stem)) {
			throw root.error(root.keyLine("name"),
					"This file describes environment '" + name + "', not '" + requested + "'", Remedy
						.pass(Setting.ENVIRONMENT, name, "Pass ", ", or the file of environment '" + requested + "'"));
		}
		return this.reader.read(name, projectDirectoryOf(file), root);
	}

	private ConfigMapping read(Path file) {
		return new ConfigMapping(file, ConfigFile.read(file), this.substitution);
	}

	private static ConfigurationException unknownEnvironment(String name, List<String> available, Path file, int line,
			String searched) {
		String problem = "Unknown environment '" + name + "' (looked " + searched + "); " + (available.isEmpty()
				? "no environments are configured" : "available: " + String.join(", ", available));
		String suggestion = Suggestions.closest(name, available);
		if (suggestion != null) {
			return new ConfigurationException(file, line, problem, "Did you mean '" + suggestion + "'?");
		}
		if (available.isEmpty()) {
			return new ConfigurationException(file, line, problem, Remedy.of(Remedy.Kind.CREATE_ENVIRONMENT));
		}
		return new ConfigurationException(file, line, problem, Remedy.pass(Setting.ENVIRONMENT, null, "Pass ",
				" with one of the available names, or add environment '" + name + "'"));
	}

	private static String searched(Path project, String name) {
		Path directory = environmentsDirectory(project);
		return "for " + directory.resolve(name + EXTENSIONS.get(0)) + ", " + directory.resolve(name + EXTENSIONS.get(1))
				+ " and environments in " + project.resolve(PROJECT_FILE + EXTENSIONS.get(0));
	}

	private static void checkName(String name) {
		if (!isValidName(name)) {
			throw new ConfigurationException(null, 0, "Invalid environment name '" + name + "'", NAME_RULE);
		}
	}

	private static Path find(Path directory, String stem) {
		List<Path> found = new ArrayList<>();
		for (String extension : EXTENSIONS) {
			Path candidate = directory.resolve(stem + extension);
			if (Files.isRegularFile(candidate)) {
				found.add(candidate);
			}
		}
		if (found.size() > 1) {
			throw new ConfigurationException(found.get(1), 0, "Both " + found.get(0).getFileName() + " and "
					+ found.get(1).getFileName() + " exist, so it is unclear which one to use",
					"Delete or rename one of them");
		}
		return found.isEmpty() ? null : found.get(0);
	}

	private static String environmentName(Path file) {
		String name = file.getFileName().toString();
		for (String extension : EXTENSIONS) {
			if (name.endsWith(extension)) {
				String stem = name.substring(0, name.length() - extension.length());
				return isValidName(stem) ? stem : null;
			}
		}
		return null;
	}

	private static String stem(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	private static Path projectDirectoryOf(Path file) {
		Path directory = file.getParent();
		Path db = directory.getParent();
		if (db != null && db.getParent() != null && "environments".equals(String.valueOf(directory.getFileName()))
				&& "db".equals(String.valueOf(db.getFileName()))) {
			return db.getParent();
		}
		return directory;
	}

	private static Path environmentsDirectory(Path project) {
		return project.resolve("db").resolve("environments");
	}

	private static Path absolute(Path path) {
		return Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
	}

	private static List<String> fileKeys() {
		List<String> keys = new ArrayList<>();
		keys.add("name");
		keys.addAll(EnvironmentReader.SETTINGS_KEYS);
		return List.copyOf(keys);
	}

}
