package dev.confiture.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A real Maven build of a sample project from {@code src/it}, copied under
 * {@code target/it}, run by the Maven that runs this build, with the plugin resolved from
 * the isolated local repository that {@code invoker:install} filled (never
 * {@code ~/.m2}). Other artifacts come from the user's local repository used read-only as
 * a mirror.
 */
final class MavenBuild {

	private final Path project;

	private final Map<String, String> properties = new LinkedHashMap<>();

	private final List<String> servers = new ArrayList<>();

	private MavenBuild(Path project) {
		this.project = project;
	}

	/**
	 * Copies a sample project to a fresh directory.
	 * @param sample the folder under {@code src/it}
	 * @param name the copy's name, unique per test
	 * @return the build
	 */
	static MavenBuild of(String sample, String name) {
		Path source = Path.of(property("it.projects")).resolve(sample);
		Path target = Path.of(property("it.work")).resolve(name);
		try {
			if (Files.exists(target)) {
				try (Stream<Path> paths = Files.walk(target)) {
					paths.sorted(Collections.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
			try (Stream<Path> paths = Files.walk(source)) {
				for (Path path : paths.toList()) {
					Path copy = target.resolve(source.relativize(path).toString());
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
					}
					else {
						Files.writeString(copy,
								Files.readString(path).replace("@pluginVersion@", property("it.pluginVersion")));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new MavenBuild(target);
	}

	/** The project directory of the copy. */
	Path project() {
		return this.project;
	}

	/** Writes a file of the project. */
	MavenBuild write(String relativePath, String content) {
		try {
			Path file = this.project.resolve(relativePath);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes a file or directory of the project. */
	MavenBuild delete(String relativePath) {
		try (Stream<Path> paths = Files.walk(this.project.resolve(relativePath))) {
			paths.sorted(Collections.reverseOrder()).forEach((path) -> path.toFile().delete());
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sets a user property ({@code -Dname=value}). */
	MavenBuild property(String name, String value) {
		this.properties.put(name, value);
		return this;
	}

	/** Adds a {@code <server>} to the build's settings.xml. */
	MavenBuild server(String id, String username, String password) {
		this.servers.add("<server><id>" + id + "</id><username>" + username + "</username><password>" + password
				+ "</password></server>");
		return this;
	}

	/**
	 * Runs Maven with the given goals or phases.
	 * @param goals the goals
	 * @return the exit code and the log
	 */
	Result run(String... goals) {
		List<String> log = new ArrayList<>();
		InvocationRequest request = new DefaultInvocationRequest();
		request.setBaseDirectory(this.project.toFile());
		request.addArgs(List.of(goals));
		request.setBatchMode(true);
		request.setNoTransferProgress(true);
		request.setLocalRepositoryDirectory(new File(property("it.localRepository")));
		request.setUserSettingsFile(settings().toFile());
		Properties properties = new Properties();
		properties.putAll(this.properties);
		properties.put("style.color", "never");
		request.setProperties(properties);
		request.setMavenOpts("-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
		request.setOutputHandler(log::add);
		request.setErrorHandler(log::add);
		DefaultInvoker invoker = new DefaultInvoker();
		invoker.setMavenHome(new File(property("maven.home")));
		try {
			InvocationResult result = invoker.execute(request);
			String text = String.join("\n", log);
			Files.writeString(
					this.project.resolveSibling(this.project.getFileName() + "-" + System.nanoTime() + ".log"), text);
			return new Result(result.getExitCode(), text);
		}
		catch (MavenInvocationException | IOException ex) {
			throw new IllegalStateException("Could not run Maven in " + this.project, ex);
		}
	}

	private Path settings() {
		String mirror = Path.of(property("it.mirror")).toUri().toString();
		String settings = """
				<settings>
				  <mirrors>
				    <mirror><id>local-read-only</id><mirrorOf>*</mirrorOf><url>%1$s</url></mirror>
				  </mirrors>
				  <profiles>
				    <profile>
				      <id>local-read-only</id>
				      <repositories>
				        <repository><id>central</id><url>%1$s</url>
				          <releases><checksumPolicy>ignore</checksumPolicy></releases></repository>
				      </repositories>
				      <pluginRepositories>
				        <pluginRepository><id>central</id><url>%1$s</url>
				          <releases><checksumPolicy>ignore</checksumPolicy></releases></pluginRepository>
				      </pluginRepositories>
				    </profile>
				  </profiles>
				  <activeProfiles><activeProfile>local-read-only</activeProfile></activeProfiles>
				  <servers>%2$s</servers>
				</settings>
				""".formatted(mirror, String.join("", this.servers));
		try {
			Path file = this.project.resolveSibling(this.project.getFileName() + "-settings.xml");
			Files.writeString(file, settings);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		if (value == null) {
			throw new IllegalStateException("System property " + name + " is not set: run these tests with "
					+ "./mvnw verify (failsafe sets it)");
		}
		return value;
	}

	/**
	 * What a build did.
	 *
	 * @param exitCode Maven's exit code
	 * @param log everything Maven printed
	 */
	record Result(int exitCode, String log) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + ":\n" + this.log;
		}

	}

}
