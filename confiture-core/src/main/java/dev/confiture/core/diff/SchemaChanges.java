package dev.confiture.core.diff;

import dev.confiture.core.catalog.Extension;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Schema;

/**
 * Schemas and the extensions installed in them: created, dropped, and for an extension
 * updated to another version or moved to another schema.
 */
final class SchemaChanges {

	private final Planner planner;

	SchemaChanges(Planner planner) {
		this.planner = planner;
	}

	void create(Schema schema) {
		this.planner.newChange("create schema " + schema.name(), Priority.CREATE_SCHEMA)
			.sql("CREATE SCHEMA " + schema.name())
			.provides(schema.id());
	}

	void drop(Schema schema) {
		this.planner.newChange("drop schema " + schema.name(), Priority.DROP_SCHEMA)
			.sql("DROP SCHEMA " + schema.name())
			.removes(schema.id());
	}

	void create(Extension extension) {
		this.planner.newChange("create extension " + extension.name(), Priority.CREATE_EXTENSION)
			.sql("CREATE EXTENSION IF NOT EXISTS " + extension.name() + " WITH SCHEMA " + extension.schema()
					+ " VERSION " + Names.literal(extension.version()))
			.provides(extension.id())
			.requires(new ObjectId("schema", null, extension.schema(), null));
	}

	void drop(Extension extension) {
		this.planner.newChange("drop extension " + extension.name(), Priority.DROP_EXTENSION)
			.sql("DROP EXTENSION " + extension.name())
			.removes(extension.id());
	}

	void alter(Extension a, Extension b) {
		Change change = this.planner.newChange("alter extension " + b.name(), Priority.CREATE_EXTENSION)
			.provides(b.id());
		if (!a.version().equals(b.version()) && a.updatableTo().contains(b.version())) {
			change.sql("ALTER EXTENSION " + b.name() + " UPDATE TO " + Names.literal(b.version()));
		}
		else if (!a.version().equals(b.version())) {
			this.planner.note("extension " + b.name() + " stays at version " + a.version()
					+ ": PostgreSQL has no update path from " + a.version() + " to " + b.version()
					+ " (a downgrade needs the extension dropped and"
					+ " created again, with what uses it); not migrated");
		}
		if (!a.schema().equals(b.schema())) {
			change.sql("ALTER EXTENSION " + b.name() + " SET SCHEMA " + b.schema())
				.requires(new ObjectId("schema", null, b.schema(), null));
		}
		if (change.statements.isEmpty()) {
			this.planner.discard(change);
		}
	}

}
