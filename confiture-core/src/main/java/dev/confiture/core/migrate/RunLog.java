package dev.confiture.core.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the warnings of one operation and passes events on to the listener.
 */
final class RunLog {

	private final MigrationListener listener;

	private final List<String> warnings = new ArrayList<>();

	RunLog(MigrationListener listener) {
		this.listener = listener;
	}

	MigrationListener listener() {
		return this.listener;
	}

	void warn(String message) {
		this.warnings.add(message);
		this.listener.warning(message);
	}

	List<String> warnings() {
		return this.warnings;
	}

}
