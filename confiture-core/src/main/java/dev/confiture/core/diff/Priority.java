package dev.confiture.core.diff;

/**
 * The preferred order of changes when dependencies leave a choice: drops of dependents
 * first, then creates from the bottom up.
 */
final class Priority {

	static final int DROP_TRIGGER = 10;

	static final int DROP_POLICY = 11;

	static final int DROP_VIEW = 12;

	static final int DROP_ROUTINE = 13;

	static final int DROP_FOREIGN_KEY = 14;

	static final int DROP_CONSTRAINT = 15;

	static final int DROP_INDEX = 16;

	static final int DROP_COLUMN = 17;

	static final int DROP_TABLE = 18;

	static final int DROP_SEQUENCE = 19;

	static final int DROP_TYPE = 20;

	static final int DROP_SCHEMA = 21;

	static final int DROP_EXTENSION = 22;

	static final int CREATE_SCHEMA = 30;

	static final int CREATE_EXTENSION = 31;

	static final int CREATE_TYPE = 32;

	static final int CREATE_SEQUENCE = 33;

	static final int CREATE_TABLE = 34;

	static final int ALTER_COLUMN = 35;

	static final int ADD_IDENTITY = 36;

	static final int CREATE_ROUTINE = 37;

	static final int CREATE_KEY = 38;

	static final int CREATE_CHECK = 39;

	static final int CREATE_FOREIGN_KEY = 40;

	static final int CREATE_INDEX = 41;

	static final int CREATE_VIEW = 42;

	static final int CREATE_TRIGGER = 43;

	static final int CREATE_POLICY = 44;

	static final int OWNED_BY = 45;

	static final int ALTER_TABLE = 46;

	static final int COMMENT = 47;

	private Priority() {
	}

}
