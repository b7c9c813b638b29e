package dev.confiture.core.diff;

import java.util.Objects;

import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Sequence;

/**
 * Sequences: created, dropped (unless the column that owns them takes them along),
 * altered in place (restarted when their bounds shrink), and the column that owns them.
 */
final class SequenceChanges {

	private final Planner planner;

	SequenceChanges(Planner planner) {
		this.planner = planner;
	}

	void create(Sequence sequence) {
		this.planner.newChange("create sequence " + sequence.name(), Priority.CREATE_SEQUENCE)
			.sql("CREATE SEQUENCE " + sequence.name() + " " + sequence.options())
			.provides(sequence.id(), "name " + sequence.name());
		if (sequence.ownedBy() != null) {
			ownedBy(sequence, null);
		}
	}

	void drop(Sequence sequence) {
		if (sequence.ownedBy() == null || !this.planner.isGoneObject(ObjectId.column(sequence.ownedBy()))) {
			this.planner.newChange("drop sequence " + sequence.name(), Priority.DROP_SEQUENCE)
				.sql("DROP SEQUENCE " + sequence.name())
				.removes(sequence.id(), "name " + sequence.name());
		}
	}

	void alter(Sequence a, Sequence b) {
		if (!a.options().equals(b.options())) {
			Change change = this.planner.newChange("alter sequence " + b.name(), Priority.CREATE_SEQUENCE)
				.sql("ALTER SEQUENCE " + b.name() + " " + b.options())
				.removes(b.id())
				.provides(b.id());
			if (IdentityBounds.shrink(a.options(), b.options())) {
				IdentityBounds.restart(change, "sequence " + b.name(), b.name(), b.options());
			}
		}
		if (!Objects.equals(a.ownedBy(), b.ownedBy())) {
			ownedBy(b, a);
		}
	}

	private void ownedBy(Sequence sequence, Sequence previous) {
		String owner = (sequence.ownedBy() != null) ? sequence.ownedBy() : "NONE";
		Change change = this.planner
			.newChange("set owner of sequence " + sequence.name() + " to " + owner, Priority.OWNED_BY)
			.sql("ALTER SEQUENCE " + sequence.name() + " OWNED BY " + owner)
			.requires(sequence.id());
		if (sequence.ownedBy() != null) {
			change.requires(ObjectId.column(sequence.ownedBy()));
		}
		if (previous != null && previous.ownedBy() != null) {
			change.provides("release " + ObjectId.column(previous.ownedBy()));
		}
	}

}
