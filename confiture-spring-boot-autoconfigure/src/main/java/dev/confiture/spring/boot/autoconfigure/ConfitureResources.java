package dev.confiture.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

import dev.confiture.core.config.Environment;
import dev.confiture.core.resource.ProjectSources;
import dev.confiture.core.resource.SqlLocation;

/**
 * The Confiture environment of {@link ConfitureProperties}: its schema, seed and
 * migration locations as {@link ConfitureResourceLocation}s, read in place
 * ({@code classpath:db/schema}, {@code file:/srv/app/db}, also inside a packaged jar).
 * Nothing is copied and no temporary directory is created.
 *
 * @since 0.1.0
 */
public final class ConfitureResources {

	private final ResourcePatternResolver resolver;

	/**
	 * Creates the resources of a resolver.
	 * @param resolver resolves the locations, or {@code null} for a default one
	 */
	public ConfitureResources(ResourcePatternResolver resolver) {
		this.resolver = (resolver != null) ? resolver : new PathMatchingResourcePatternResolver();
	}

	/**
	 * One location.
	 * @param location a Spring resource location
	 * @return the location
	 */
	public ConfitureResourceLocation location(String location) {
		return new ConfitureResourceLocation(this.resolver, location);
	}

	/**
	 * Where the files of the given properties are read from: the schema locations, one
	 * seed location per seed location and profile, and the migration locations (merged).
	 * @param properties the properties
	 * @return the sources
	 */
	public ProjectSources sources(ConfitureProperties properties) {
		List<SqlLocation> schema = properties.getSchemaLocations()
			.stream()
			.map(this::location)
			.map(SqlLocation.class::cast)
			.toList();
		List<SqlLocation> seeds = new ArrayList<>();
		for (String location : properties.getSeedLocations()) {
			for (String profile : properties.getSeedProfiles()) {
				seeds.add(location(StringUtils.trimTrailingCharacter(location, '/') + "/" + profile.trim()));
			}
		}
		List<SqlLocation> migrations = properties.getMigrationLocations()
			.stream()
			.map(this::location)
			.map(SqlLocation.class::cast)
			.toList();
		return new ProjectSources(schema, seeds, migrations);
	}

	/**
	 * The Confiture environment of the given properties, its files read from their
	 * locations. Its project directory is the working directory; it has no include or
	 * migrations directory: its {@link Environment#sources() sources} say where the files
	 * are.
	 * @param properties the properties
	 * @param name the environment name
	 * @return the environment
	 */
	public Environment environment(ConfitureProperties properties, String name) {
		return new Environment(name, null, Path.of("").toAbsolutePath(), List.of(), List.of(), List.of(), null, null,
				properties.getTrackingTable(), sources(properties));
	}

}
