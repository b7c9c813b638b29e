package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;


/**
 * Checks that every configured seed profile names a folder in at least one seed location: a
 * misspelt profile would otherwise build a database without its seeds, silently, and the
 * next start, finding the database not empty, would never seed it.
 */
final class ConfitureSeedProfiles {

	private ConfitureSeedProfiles() {
	}

	/**
	 * Checks the profiles against the seed folders of an environment built by
	 * {@link ConfitureResources#environment}: one folder per seed location and profile, in that
	 * order.
	 * @param properties the properties
	 * @param environment the environment
	 * @param resources the copies of the locations, to list the profiles that exist
	 * @throws ConfitureException naming an unknown profile and the closest known one
	 */
	static void check(ConfitureProperties properties, Environment environment, ConfitureResources resources) {
		List<String> profiles = properties.getSeedProfiles();
		List<Path> folders = environment.seedDirectories();
		if (profiles.isEmpty() || folders.size() != profiles.size() * properties.getSeedLocations().size()) {
			return;
		}
		TreeSet<String> known = new TreeSet<>();
		for (int profile = 0; profile < profiles.size(); profile++) {
			boolean found = false;
			for (int location = 0; location < properties.getSeedLocations().size(); location++) {
				Path folder = folders.get(location * profiles.size() + profile);
				found |= hasSqlFiles(folder);
			}
			if (!found) {
				for (String location : properties.getSeedLocations()) {
					known.addAll(profiles(resources.copy(location, false)));
				}
				String name = profiles.get(profile).trim();
				String suggestion = ClosestName.closest(name, known);
				throw new ConfitureException(Category.CONFIG,
						"confiture.seed-profiles names '" + name + "', but no seed location has a folder '" + name
								+ "' (" + String.join(", ", properties.getSeedLocations()) + "); known profiles: "
								+ (known.isEmpty() ? "none" : String.join(", ", known)),
						((suggestion != null) ? "Did you mean '" + suggestion + "'? " : "")
								+ "Correct confiture.seed-profiles, or create the folder " + name
								+ " in a seed location (confiture.seed-locations)");
			}
		}
	}

	private static List<String> profiles(Path location) {
		try (Stream<Path> children = Files.list(location)) {
			return children.filter(ConfitureSeedProfiles::hasSqlFiles)
				.map((child) -> child.getFileName().toString())
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static boolean hasSqlFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.anyMatch((file) -> file.toString().endsWith(".sql") && Files.isRegularFile(file));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
