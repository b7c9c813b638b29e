package dev.confiture.spring.boot.autoconfigure;

import java.util.List;
import java.util.TreeSet;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.Suggestions;
import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;

/**
 * Checks that every configured seed profile names a folder in at least one seed location:
 * a misspelt profile would otherwise build a database without its seeds, silently, and
 * the next start, finding the database not empty, would never seed it.
 */
final class ConfitureSeedProfiles {

	private ConfitureSeedProfiles() {
	}

	/**
	 * Checks the profiles against the seed locations of an environment built by
	 * {@link ConfitureResources#environment}: one location per seed location and profile,
	 * in that order.
	 * @param properties the properties
	 * @param environment the environment
	 * @param resources reads the seed locations, to list the profiles that exist
	 * @throws ConfitureException naming an unknown profile and the closest known one
	 */
	static void check(ConfitureProperties properties, Environment environment, ConfitureResources resources) {
		List<String> profiles = properties.getSeedProfiles();
		List<SqlLocation> folders = environment.sources().seeds();
		if (profiles.isEmpty() || folders.size() != profiles.size() * properties.getSeedLocations().size()) {
			return;
		}
		TreeSet<String> known = new TreeSet<>();
		for (int profile = 0; profile < profiles.size(); profile++) {
			boolean found = false;
			for (int location = 0; location < properties.getSeedLocations().size(); location++) {
				SqlLocation folder = folders.get(location * profiles.size() + profile);
				found |= folder.exists() && !folder.resources().isEmpty();
			}
			if (!found) {
				for (String location : properties.getSeedLocations()) {
					known.addAll(profiles(resources.location(location)));
				}
				String name = profiles.get(profile).trim();
				String suggestion = Suggestions.closest(name, known);
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

	private static List<String> profiles(SqlLocation location) {
		if (!location.exists()) {
			return List.of();
		}
		return location.resources()
			.stream()
			.map(SqlResource::pathInLocation)
			.filter((path) -> path.indexOf('/') > 0)
			.map((path) -> path.substring(0, path.indexOf('/')))
			.distinct()
			.toList();
	}

}
