package dev.confiture.core.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sequence (or identity) whose bounds shrink may hold a current value outside the new
 * bounds: PostgreSQL then refuses the change ("RESTART value (N) cannot be greater than
 * MAXVALUE"), typically in a down migration after rows used the wider range. Such a
 * change checks the current value and restarts the sequence at its new {@code START WITH}
 * when it lies outside, and says that values handed out from there on may be handed out
 * again.
 */
final class IdentityBounds {

	private static final Pattern BOUNDS = Pattern.compile("START WITH (\\S+) .*MINVALUE (\\S+) MAXVALUE (\\S+)");

	private IdentityBounds() {
	}

	/** Whether the new options allow fewer values at either end than the old ones. */
	static boolean shrink(String oldOptions, String newOptions) {
		Matcher before = BOUNDS.matcher(oldOptions);
		Matcher after = BOUNDS.matcher(newOptions);
		if (!before.find() || !after.find()) {
			return false;
		}
		return Long.parseLong(after.group(2)) > Long.parseLong(before.group(2))
				|| Long.parseLong(after.group(3)) < Long.parseLong(before.group(3));
	}

	/**
	 * Makes the last statement of a change, which alters the bounds, restart the sequence
	 * when (and only when) its current value lies outside the new bounds.
	 */
	static void restart(Change change, String what, String sequence, String newOptions) {
		Matcher after = BOUNDS.matcher(newOptions);
		if (!after.find()) {
			return;
		}
		int last = change.statements.size() - 1;
		String alter = change.statements.get(last);
		change.statements.set(last,
				"DO $confiture$ BEGIN IF (SELECT last_value < " + after.group(2) + " OR last_value > " + after.group(3)
						+ " FROM " + sequence + ") THEN " + alter + " RESTART; ELSE " + alter
						+ "; END IF; END $confiture$");
		change.hazard(HazardType.MAY_FAIL,
				"the bounds of " + what + " shrink: if its current value lies outside" + " them it restarts at "
						+ after.group(1) + ", and values it handed out from there on are handed out"
						+ " again (a key on them fails)");
	}

}
