package dev.confiture.core.diff;

import java.util.Locale;

import dev.confiture.core.catalog.Comment;
import dev.confiture.core.catalog.Policy;
import dev.confiture.core.catalog.View;

/**
 * Views (materialized or not), row-level security policies and comments: each is made by
 * one statement, so a view or a policy that changes is dropped and created again, and a
 * comment is set again.
 */
final class DefinitionChanges {

	private final Planner planner;

	private final TableDefinitions tables;

	DefinitionChanges(Planner planner, TableDefinitions tables) {
		this.planner = planner;
		this.tables = tables;
	}

	void create(View view) {
		String options = view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
		this.planner.newChange("create " + kind(view) + " " + view.name(), Priority.CREATE_VIEW)
			.sql("CREATE " + kind(view).toUpperCase(Locale.ROOT) + " " + view.name() + options + " AS\n" + view.query())
			.provides(view.id(), "name " + view.name());
	}

	void drop(View view) {
		Change change = this.planner.newChange("drop " + kind(view) + " " + view.name(), Priority.DROP_VIEW)
			.sql("DROP " + kind(view).toUpperCase(Locale.ROOT) + " " + view.name())
			.removes(view.id(), "name " + view.name());
		this.tables.removeOwned(change, view.id());
	}

	void create(Policy policy) {
		this.planner.newChange("create policy " + policy.name() + " on " + policy.table(), Priority.CREATE_POLICY)
			.sql(policy.definition())
			.provides(policy.id());
	}

	void drop(Policy policy) {
		this.planner.newChange("drop policy " + policy.name() + " on " + policy.table(), Priority.DROP_POLICY)
			.sql("DROP POLICY " + policy.name() + " ON " + policy.table())
			.removes(policy.id());
	}

	/** Sets the comment, on an object created or kept. */
	void comment(Comment comment) {
		this.planner.newChange("comment on " + comment.target(), Priority.COMMENT)
			.sql("COMMENT ON " + comment.statementTarget() + " IS " + Names.literal(comment.text()))
			.requires(comment.target());
	}

	void drop(Comment comment) {
		this.planner.newChange("remove comment on " + comment.target(), Priority.COMMENT)
			.sql("COMMENT ON " + comment.statementTarget() + " IS NULL");
	}

	private static String kind(View view) {
		return view.materialized() ? "materialized view" : "view";
	}

}
