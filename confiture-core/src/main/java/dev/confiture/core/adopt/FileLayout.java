package dev.confiture.core.adopt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.confiture.core.adopt.ObjectFiles.FileKey;
import dev.confiture.core.adopt.ObjectFiles.Folder;
import dev.confiture.core.build.NaturalPathOrder;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.diff.Creation;

/**
 * Lays ordered creation steps out in numbered folders so that a build, which runs the
 * files in path order, runs every step after the steps it needs. Within a folder, files
 * keep their object names when that order works and are numbered in dependency order when
 * it does not (tables whose foreign keys point at tables with later names). A step that
 * would still run before something it needs (a function whose signature uses a table,
 * foreign keys that form a cycle) moves to a last file, with everything that needs it.
 */
final class FileLayout {

	private static final String DEFERRED_PATH = Folder.DEFERRED.directory + "/deferred.sql";

	private FileLayout() {
	}

	/**
	 * Lays the steps out.
	 * @param creations the steps, in an order PostgreSQL accepts
	 * @param fileOf the file of each step's object
	 * @return the files, in build order, each with its steps in order
	 */
	static Map<String, List<Placed>> layout(List<Creation> creations, Function<ObjectId, FileKey> fileOf) {
		List<FileKey> keys = new ArrayList<>(creations.size());
		creations.forEach((creation) -> keys.add(fileOf.apply(creation.object())));
		Map<FileKey, String> paths = paths(creations, keys);
		Map<String, List<Placed>> files = new java.util.TreeMap<>(NaturalPathOrder.INSTANCE);
		String[] placed = new String[creations.size()];
		for (int i = 0; i < creations.size(); i++) {
			Creation creation = creations.get(i);
			String path = paths.get(keys.get(i));
			String reason = null;
			for (int before : creation.after()) {
				if (placed[before].equals(DEFERRED_PATH)
						|| NaturalPathOrder.INSTANCE.compare(placed[before], path) > 0) {
					path = DEFERRED_PATH;
					reason = creations.get(before).step().description();
					break;
				}
			}
			placed[i] = path;
			files.computeIfAbsent(path, (key) -> new ArrayList<>()).add(new Placed(creation, reason));
		}
		return files;
	}

	/**
	 * The path of each file: its object name, or a number in dependency order when names
	 * alone would run a file before one it needs in the same folder.
	 */
	private static Map<FileKey, String> paths(List<Creation> creations, List<FileKey> keys) {
		Map<Folder, Map<FileKey, Set<FileKey>>> graphs = new EnumMap<>(Folder.class);
		for (int i = 0; i < creations.size(); i++) {
			FileKey key = keys.get(i);
			Set<FileKey> needs = graphs.computeIfAbsent(key.folder(), (folder) -> new LinkedHashMap<>())
				.computeIfAbsent(key, (file) -> new LinkedHashSet<>());
			for (int before : creations.get(i).after()) {
				FileKey other = keys.get(before);
				if (other.folder() == key.folder() && !other.equals(key)) {
					needs.add(other);
				}
			}
		}
		Map<FileKey, String> paths = new HashMap<>();
		graphs.forEach((folder, graph) -> {
			List<FileKey> ordered = order(graph);
			List<FileKey> byName = new ArrayList<>(graph.keySet());
			byName.sort(Comparator.comparing((FileKey key) -> key.name() + ".sql", NaturalPathOrder.INSTANCE));
			boolean numbered = !ordered.equals(byName) && !respects(byName, graph);
			int width = String.valueOf(ordered.size()).length();
			for (int i = 0; i < ordered.size(); i++) {
				FileKey key = ordered.get(i);
				String name = numbered ? String.format("%0" + Math.max(width, 3) + "d_%s", i + 1, key.name())
						: key.name();
				paths.put(key, folder.directory + "/" + name + ".sql");
			}
		});
		return paths;
	}

	/**
	 * Files in dependency order, names breaking ties; a cycle is broken at the first
	 * name.
	 */
	private static List<FileKey> order(Map<FileKey, Set<FileKey>> graph) {
		Comparator<FileKey> byName = Comparator.comparing((FileKey key) -> key.name() + ".sql",
				NaturalPathOrder.INSTANCE);
		List<FileKey> ordered = new ArrayList<>();
		Set<FileKey> done = new java.util.HashSet<>();
		TreeSet<FileKey> remaining = new TreeSet<>(byName);
		remaining.addAll(graph.keySet());
		while (!remaining.isEmpty()) {
			FileKey next = null;
			for (FileKey candidate : remaining) {
				if (done.containsAll(graph.get(candidate))) {
					next = candidate;
					break;
				}
			}
			if (next == null) {
				next = remaining.first();
			}
			remaining.remove(next);
			done.add(next);
			ordered.add(next);
		}
		return ordered;
	}

	private static boolean respects(List<FileKey> order, Map<FileKey, Set<FileKey>> graph) {
		Set<FileKey> seen = new java.util.HashSet<>();
		for (FileKey key : order) {
			for (FileKey needed : graph.get(key)) {
				if (!seen.contains(needed)) {
					return false;
				}
			}
			seen.add(key);
		}
		return true;
	}

	/**
	 * A step in its file.
	 *
	 * @param creation the step
	 * @param deferredBecause the step it needs that a build would otherwise run later,
	 * when it was moved to the last file
	 */
	record Placed(Creation creation, String deferredBecause) {

	}

}
