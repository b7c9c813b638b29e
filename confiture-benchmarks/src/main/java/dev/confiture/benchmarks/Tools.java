package dev.confiture.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The external programs some contenders run.
 *
 * @param java the {@code java} launcher of this JVM
 * @param psql the {@code psql} client, or {@code null} if none was found
 * @param cliJar the Confiture CLI jar, or {@code null} if none was found
 */
record Tools(Path java, Path psql, Path cliJar) {

	private static final String CLI_JAR = "confiture-cli/target/confiture.jar";

	/**
	 * Finds the tools: the given paths, else {@code psql} on the {@code PATH} and the CLI
	 * jar of the reactor ({@value #CLI_JAR}, from the working directory, its parent, or
	 * next to this benchmark jar's module).
	 * @param psql an explicit {@code psql}, or {@code null}
	 * @param cliJar an explicit CLI jar, or {@code null}
	 * @return the tools found
	 */
	static Tools find(Path psql, Path cliJar) {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return new Tools(java, (psql != null) ? psql : onPath("psql"), (cliJar != null) ? cliJar : reactorCliJar());
	}

	private static Path onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, program);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static Path reactorCliJar() {
		List<Path> candidates = new ArrayList<>();
		Path workingDirectory = Path.of("").toAbsolutePath();
		candidates.add(workingDirectory.resolve(CLI_JAR));
		if (workingDirectory.getParent() != null) {
			candidates.add(workingDirectory.getParent().resolve(CLI_JAR));
		}
		Path ownJar = ownLocation();
		if (ownJar != null && ownJar.getParent() != null && ownJar.getParent().getParent() != null
				&& ownJar.getParent().getParent().getParent() != null) {
			candidates.add(ownJar.getParent().getParent().getParent().resolve(CLI_JAR));
		}
		return candidates.stream().filter(Files::isRegularFile).map(Path::normalize).findFirst().orElse(null);
	}

	static Path ownLocation() {
		try {
			return Path.of(Tools.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException | RuntimeException ex) {
			return null;
		}
	}

}
