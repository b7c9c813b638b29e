package dev.confiture.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Words a core remedy for Maven users: command-line flags become the goals' parameters and
 * {@code confiture} commands become goals. Core remedies that name nothing of the command line
 * pass through unchanged.
 */
final class Remedies {

	private static final Map<String, String> replacements = replacements();

	private Remedies() {
	}

	static String word(String hint) {
		if (hint == null) {
			return null;
		}
		String result = hint;
		for (Map.Entry<String, String> replacement : replacements.entrySet()) {
			result = result.replace(replacement.getKey(), replacement.getValue());
		}
		return result;
	}

	private static Map<String, String> replacements() {
		Map<String, String> map = new LinkedHashMap<>();
		// commands first (longest first), then flags
		map.put("confiture migrate up", "./mvnw confiture:migrate");
		map.put("confiture migrate down", "./mvnw confiture:down");
		map.put("confiture migrate status", "./mvnw confiture:status");
		map.put("confiture migrate generate", "./mvnw confiture:generate");
		map.put("confiture migrate baseline", "./mvnw confiture:baseline");
		map.put("confiture migrate diff", "./mvnw confiture:diff");
		map.put("confiture migrate verify", "./mvnw confiture:verify");
		map.put("confiture migrate validate", "./mvnw confiture:validate");
		map.put("confiture migrate lint", "./mvnw confiture:lint");
		map.put("confiture coordinate status", "./mvnw confiture:coordinate-status");
		map.put("confiture coordinate list", "./mvnw confiture:coordinate-list");
		map.put("confiture coordinate conflicts", "./mvnw confiture:coordinate-conflicts");
		map.put("confiture coordinate check", "./mvnw confiture:coordinate-check");
		map.put("confiture build", "./mvnw confiture:build");
		map.put("confiture init", "./mvnw confiture:init");
		map.put("--database-url", "databaseUrl");
		map.put("--db-url", "coordinationUrl");
		map.put("--agent-id", "agentId");
		map.put("--intent-id", "intentId");
		map.put("--no-shadow", "noShadow");
		map.put("--lint", "lint");
		map.put("--drop-existing", "dropExisting");
		map.put("--if-empty", "ifEmpty");
		map.put("--schema-only", "schemaOnly");
		map.put("--allow-hazards", "allowHazards");
		map.put("--online", "online");
		map.put("--on-checksum-mismatch", "onChecksumMismatch");
		map.put("--lock-wait", "lockWait");
		map.put("--shadow-url", "shadowUrl");
		map.put("--project-dir", "projectDirectory");
		map.put("--base-ref", "baseRef");
		map.put("--staged", "staged");
		map.put("--require-migration", "requireMigration");
		map.put("--check-drift", "checkDrift");
		map.put("--config", "configFile");
		map.put("--env", "env");
		map.put("--target", "target");
		map.put("--steps", "steps");
		map.put("--output", "output");
		map.put("--generate", "generate");
		map.put("--name", "name");
		return map;
	}

}
