package dev.confiture.core.diff;

/**
 * A risk of one change, with what it is about.
 *
 * @param type the kind of risk
 * @param message what is at risk, naming the object
 */
public record Hazard(HazardType type, String message) {

	@Override
	public String toString() {
		return this.type + ": " + this.message;
	}

}
