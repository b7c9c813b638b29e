package dev.confiture.core.coordinate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.SqlToken;

/**
 * Finds the objects an intent touches: its declared tables plus the tables, columns,
 * indexes, constraints and functions named by the {@code CREATE}, {@code ALTER},
 * {@code DROP} and {@code COMMENT ON} forms of its planned DDL. The DDL is split with the
 * core's statement splitter and each statement is read token by token; it is never run. A
 * statement of another form, or one whose names cannot be read, touches an
 * {@link ObjectKind#UNKNOWN unknown} object and is listed as unrecognised. Transaction
 * control ({@code BEGIN}, {@code COMMIT}...) touches nothing.
 * <p>
 * One class of about 400 lines on purpose: a reader with one short method per statement
 * form and clause, all adding to the same objects found; the tokens and names it reads
 * live in {@link DdlTokens} and {@link DdlName}.
 */
final class DdlRecognizer {

	private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
			"SAVEPOINT", "RELEASE");

	private static final Set<String> CREATE_MODIFIERS = Set.of("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL",
			"UNIQUE", "MATERIALIZED", "RECURSIVE", "CONSTRAINT", "FOREIGN");

	private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
			"EXCLUDE", "LIKE");

	private final Set<TouchedObject> objects = new LinkedHashSet<>();

	private final List<UnrecognisedStatement> unrecognised = new ArrayList<>();

	private DdlRecognizer() {
	}

	/**
	 * Reads what an intent touches.
	 * @param declaredTables the declared tables, as given
	 * @param schemaChanges the planned DDL, or {@code null}
	 * @param source where the DDL came from, for messages
	 * @return the touched objects and the statements that were not read
	 * @throws dev.confiture.core.sql.SqlSyntaxException if the DDL cannot be split
	 */
	static Recognition recognize(List<String> declaredTables, String schemaChanges, String source) {
		DdlRecognizer recognizer = new DdlRecognizer();
		for (String table : declaredTables) {
			recognizer.add(ObjectKind.TABLE, declaredName(table));
		}
		if (schemaChanges != null) {
			for (SqlStatement statement : SqlScript.split(source, schemaChanges)) {
				recognizer.read(statement);
			}
		}
		return new Recognition(new ArrayList<>(recognizer.objects), recognizer.unrecognised);
	}

	/**
	 * The table named by a declared entry: a possibly qualified, possibly quoted name; an
	 * entry that is not a name is used as written, trimmed.
	 */
	static String declaredName(String table) {
		String trimmed = table.strip();
		List<SqlToken> tokens = SqlToken.tokenize(trimmed);
		SqlToken last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
		if (last != null && last.offset() + last.text().length() == trimmed.length()) {
			DdlTokens reader = new DdlTokens(tokens);
			DdlName name = reader.name();
			if (name != null && reader.atEnd()) {
				return name.toString();
			}
		}
		return trimmed;
	}

	private void read(SqlStatement statement) {
		DdlTokens tokens = new DdlTokens(SqlToken.tokenize(statement.sql()));
		String keyword = statement.leadingKeywords(1);
		if (TRANSACTION_CONTROL.contains(keyword)) {
			return;
		}
		Set<TouchedObject> found = new LinkedHashSet<>();
		String problem;
		if (tokens.word("CREATE")) {
			problem = create(tokens, found);
		}
		else if (tokens.word("ALTER")) {
			problem = alter(tokens, found);
		}
		else if (tokens.word("DROP")) {
			problem = drop(tokens, found);
		}
		else if (tokens.words("COMMENT", "ON")) {
			problem = comment(tokens, found);
		}
		else {
			problem = "only CREATE, ALTER, DROP and COMMENT ON statements are read";
		}
		if (problem == null) {
			this.objects.addAll(found);
			return;
		}
		String leading = statement.leadingKeywords(3);
		String description = leading.isEmpty() ? abbreviate(statement.sql()) : leading;
		this.unrecognised.add(new UnrecognisedStatement(statement.line(), description, problem));
		add(ObjectKind.UNKNOWN, "line " + statement.line() + ": " + description);
	}

	private String create(DdlTokens tokens, Set<TouchedObject> found) {
		tokens.words("OR", "REPLACE");
		while (tokens.anyWord(CREATE_MODIFIERS)) {
			// modifiers do not change what is touched
		}
		if (tokens.word("TABLE")) {
			return createTable(tokens, found);
		}
		if (tokens.word("INDEX")) {
			return createIndex(tokens, found);
		}
		if (tokens.word("VIEW")) {
			tokens.words("IF", "NOT", "EXISTS");
			return table(tokens.name(), found);
		}
		if (tokens.word("FUNCTION") || tokens.word("PROCEDURE")) {
			return function(tokens.name(), found);
		}
		if (tokens.word("TRIGGER")) {
			return trigger(tokens, found);
		}
		return "CREATE " + tokens.describeNext() + " is not read";
	}

	private String createTable(DdlTokens tokens, Set<TouchedObject> found) {
		tokens.words("IF", "NOT", "EXISTS");
		DdlName table = tokens.name();
		if (table == null) {
			return "the table name could not be read";
		}
		found.add(new TouchedObject(ObjectKind.TABLE, table.toString()));
		if (tokens.words("PARTITION", "OF")) {
			return table(tokens.name(), found);
		}
		if (tokens.symbol('(')) {
			for (DdlTokens element : tokens.elements()) {
				tableElement(table, element, found);
			}
		}
		return null;
	}

	private void tableElement(DdlName table, DdlTokens element, Set<TouchedObject> found) {
		if (element.peekAnyWord(TABLE_CONSTRAINTS)) {
			constraints(table, element, found);
			return;
		}
		String column = element.identifier();
		if (column != null) {
			found.add(new TouchedObject(ObjectKind.COLUMN, table.member(column)));
			constraints(table, element, found);
		}
	}

	/**
	 * Named constraints ({@code CONSTRAINT name ...}) and unnamed primary keys (named
	 * {@code TABLE_pkey} as PostgreSQL names them) in the rest of a table element.
	 */
	private void constraints(DdlName table, DdlTokens element, Set<TouchedObject> found) {
		boolean named = false;
		while (!element.atEnd()) {
			if (element.word("CONSTRAINT")) {
				String constraint = element.identifier();
				if (constraint != null) {
					found.add(new TouchedObject(ObjectKind.CONSTRAINT, table.member(constraint)));
					named = true;
				}
				continue;
			}
			if (element.words("PRIMARY", "KEY")) {
				if (!named) {
					found.add(new TouchedObject(ObjectKind.CONSTRAINT, table.member(table.last() + "_pkey")));
				}
				named = false;
				continue;
			}
			named = false;
			element.skip();
		}
	}

	private String createIndex(DdlTokens tokens, Set<TouchedObject> found) {
		tokens.word("CONCURRENTLY");
		tokens.words("IF", "NOT", "EXISTS");
		if (!tokens.peekWord("ON")) {
			DdlName index = tokens.name();
			if (index == null) {
				return "the index name could not be read";
			}
			found.add(new TouchedObject(ObjectKind.INDEX, index.toString()));
		}
		if (!tokens.word("ON")) {
			return "ON <table> was expected";
		}
		tokens.word("ONLY");
		return table(tokens.name(), found);
	}

	private String trigger(DdlTokens tokens, Set<TouchedObject> found) {
		while (!tokens.atEnd() && !tokens.peekWord("ON")) {
			tokens.skip();
		}
		if (!tokens.word("ON")) {
			return "ON <table> was expected";
		}
		return table(tokens.name(), found);
	}

	private String alter(DdlTokens tokens, Set<TouchedObject> found) {
		tokens.word("FOREIGN");
		if (tokens.word("TABLE")) {
			return alterTable(tokens, found);
		}
		if (tokens.word("INDEX")) {
			tokens.words("IF", "EXISTS");
			return renamed(tokens, ObjectKind.INDEX, found);
		}
		tokens.word("MATERIALIZED");
		if (tokens.word("VIEW")) {
			tokens.words("IF", "EXISTS");
			return renamed(tokens, ObjectKind.TABLE, found);
		}
		if (tokens.word("FUNCTION") || tokens.word("PROCEDURE") || tokens.word("ROUTINE")) {
			return renamed(tokens, ObjectKind.FUNCTION, found);
		}
		return "ALTER " + tokens.describeNext() + " is not read";
	}

	/** An object, and its new name if the statement renames it (in the same schema). */
	private String renamed(DdlTokens tokens, ObjectKind kind, Set<TouchedObject> found) {
		DdlName name = tokens.name();
		if (name == null) {
			return "the " + kind.value() + " name could not be read";
		}
		found.add(new TouchedObject(kind, name.toString()));
		tokens.skipParentheses();
		if (tokens.words("RENAME", "TO")) {
			String newName = tokens.identifier();
			if (newName != null) {
				found.add(new TouchedObject(kind, name.sibling(newName).toString()));
			}
		}
		return null;
	}

	private String alterTable(DdlTokens tokens, Set<TouchedObject> found) {
		tokens.words("IF", "EXISTS");
		tokens.word("ONLY");
		DdlName table = tokens.name();
		if (table == null) {
			return "the table name could not be read";
		}
		tokens.symbol('*');
		found.add(new TouchedObject(ObjectKind.TABLE, table.toString()));
		for (DdlTokens action : tokens.elements()) {
			tableAction(table, action, found);
		}
		return null;
	}

	private void tableAction(DdlName table, DdlTokens action, Set<TouchedObject> found) {
		if (action.word("ADD")) {
			if (action.peekAnyWord(TABLE_CONSTRAINTS)) {
				constraints(table, action, found);
				return;
			}
			action.word("COLUMN");
			action.words("IF", "NOT", "EXISTS");
			tableElement(table, action, found);
		}
		else if (action.word("DROP") || action.word("ALTER") || action.word("VALIDATE")) {
			if (action.word("CONSTRAINT")) {
				action.words("IF", "EXISTS");
				member(table, ObjectKind.CONSTRAINT, action.identifier(), found);
				return;
			}
			action.word("COLUMN");
			action.words("IF", "EXISTS");
			member(table, ObjectKind.COLUMN, action.identifier(), found);
		}
		else if (action.word("RENAME")) {
			if (action.word("TO")) {
				String newName = action.identifier();
				if (newName != null) {
					found.add(new TouchedObject(ObjectKind.TABLE, table.sibling(newName).toString()));
				}
				return;
			}
			ObjectKind kind = action.word("CONSTRAINT") ? ObjectKind.CONSTRAINT : ObjectKind.COLUMN;
			if (kind == ObjectKind.COLUMN) {
				action.word("COLUMN");
			}
			member(table, kind, action.identifier(), found);
			if (action.word("TO")) {
				member(table, kind, action.identifier(), found);
			}
		}
	}

	private static void member(DdlName table, ObjectKind kind, String name, Set<TouchedObject> found) {
		if (name != null) {
			found.add(new TouchedObject(kind, table.member(name)));
		}
	}

	private String drop(DdlTokens tokens, Set<TouchedObject> found) {
		ObjectKind kind;
		if (tokens.word("TABLE") || tokens.word("VIEW") || tokens.words("MATERIALIZED", "VIEW")
				|| tokens.words("FOREIGN", "TABLE")) {
			kind = ObjectKind.TABLE;
		}
		else if (tokens.word("INDEX")) {
			tokens.word("CONCURRENTLY");
			kind = ObjectKind.INDEX;
		}
		else if (tokens.word("FUNCTION") || tokens.word("PROCEDURE") || tokens.word("ROUTINE")) {
			kind = ObjectKind.FUNCTION;
		}
		else if (tokens.word("TRIGGER")) {
			tokens.words("IF", "EXISTS");
			return trigger(tokens, found);
		}
		else {
			return "DROP " + tokens.describeNext() + " is not read";
		}
		tokens.words("IF", "EXISTS");
		do {
			DdlName name = tokens.name();
			if (name == null) {
				return "the " + kind.value() + " name could not be read";
			}
			found.add(new TouchedObject(kind, name.toString()));
			tokens.skipParentheses();
		}
		while (tokens.symbol(','));
		return null;
	}

	private String comment(DdlTokens tokens, Set<TouchedObject> found) {
		if (tokens.word("TABLE") || tokens.word("VIEW") || tokens.words("MATERIALIZED", "VIEW")) {
			return table(tokens.name(), found);
		}
		if (tokens.word("INDEX")) {
			DdlName index = tokens.name();
			return (index != null) ? add(found, ObjectKind.INDEX, index.toString())
					: "the index name could not be read";
		}
		if (tokens.word("FUNCTION") || tokens.word("PROCEDURE") || tokens.word("ROUTINE")) {
			return function(tokens.name(), found);
		}
		if (tokens.word("COLUMN")) {
			DdlName column = tokens.name();
			if (column == null || column.parts().size() < 2) {
				return "the column name could not be read";
			}
			DdlName table = column.parent();
			found.add(new TouchedObject(ObjectKind.TABLE, table.toString()));
			return add(found, ObjectKind.COLUMN, table.member(column.last()));
		}
		if (tokens.word("CONSTRAINT")) {
			String constraint = tokens.identifier();
			if (constraint == null || !tokens.word("ON")) {
				return "CONSTRAINT <name> ON <table> was expected";
			}
			tokens.word("DOMAIN");
			DdlName table = tokens.name();
			if (table == null) {
				return "the table name could not be read";
			}
			found.add(new TouchedObject(ObjectKind.TABLE, table.toString()));
			return add(found, ObjectKind.CONSTRAINT, table.member(constraint));
		}
		return "COMMENT ON " + tokens.describeNext() + " is not read";
	}

	private static String table(DdlName name, Set<TouchedObject> found) {
		return (name != null) ? add(found, ObjectKind.TABLE, name.toString()) : "the table name could not be read";
	}

	private static String function(DdlName name, Set<TouchedObject> found) {
		return (name != null) ? add(found, ObjectKind.FUNCTION, name.toString())
				: "the function name could not be read";
	}

	private static String add(Set<TouchedObject> found, ObjectKind kind, String name) {
		found.add(new TouchedObject(kind, name));
		return null;
	}

	private void add(ObjectKind kind, String name) {
		if (!name.isEmpty()) {
			this.objects.add(new TouchedObject(kind, name));
		}
	}

	private static String abbreviate(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() <= 40) ? flat : flat.substring(0, 37) + "...";
	}

}
