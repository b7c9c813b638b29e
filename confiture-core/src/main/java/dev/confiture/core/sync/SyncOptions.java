package dev.confiture.core.sync;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code sync} copies and how.
 *
 * @param from the database read (only read, in one repeatable-read transaction)
 * @param to the database written
 * @param tables globs of tables to copy ({@code public.*}, {@code orders}); empty for all
 * @param exclude globs of tables to leave out
 * @param where conditions per table (unquoted {@code schema.table} or {@code table}) that
 * filter the rows copied
 * @param anonymization the rules that replace column values, or {@code null} for none
 * @param dryRun only plan: tables in order, estimates, the rule of each column
 * @param resume skip the tables already copied by the last interrupted run
 * @param requireAnonymization make columns that look personal but have no rule an error
 * @param listener follows the copy
 */
public record SyncOptions(SyncEndpoint from, SyncEndpoint to, List<String> tables, List<String> exclude,
		Map<String, String> where, Anonymization anonymization, boolean dryRun, boolean resume,
		boolean requireAnonymization, SyncListener listener) {

	public SyncOptions {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		tables = List.copyOf(tables);
		exclude = List.copyOf(exclude);
		where = Map.copyOf(where);
		listener = (listener != null) ? listener : SyncListener.NONE;
	}

	/**
	 * Copies every table, without anonymisation.
	 * @param from the source
	 * @param to the target
	 * @return the options
	 */
	public static SyncOptions of(SyncEndpoint from, SyncEndpoint to) {
		return new SyncOptions(from, to, List.of(), List.of(), Map.of(), null, false, false, false, null);
	}

	/** With these table globs. */
	public SyncOptions withTables(List<String> tables) {
		return new SyncOptions(this.from, this.to, tables, this.exclude, this.where, this.anonymization, this.dryRun,
				this.resume, this.requireAnonymization, this.listener);
	}

	/** With these excluded table globs. */
	public SyncOptions withExclude(List<String> exclude) {
		return new SyncOptions(this.from, this.to, this.tables, exclude, this.where, this.anonymization, this.dryRun,
				this.resume, this.requireAnonymization, this.listener);
	}

	/** With these row filters. */
	public SyncOptions withWhere(Map<String, String> where) {
		return new SyncOptions(this.from, this.to, this.tables, this.exclude, where, this.anonymization, this.dryRun,
				this.resume, this.requireAnonymization, this.listener);
	}

	/** With these anonymisation rules. */
	public SyncOptions withAnonymization(Anonymization anonymization) {
		return new SyncOptions(this.from, this.to, this.tables, this.exclude, this.where, anonymization, this.dryRun,
				this.resume, this.requireAnonymization, this.listener);
	}

	/**
	 * With the anonymisation rules of a file.
	 * @param file the YAML file
	 * @param variables the variables for {@code ${VAR}} (usually the process environment)
	 * @return the options
	 */
	public SyncOptions withAnonymizationFile(java.nio.file.Path file, Map<String, String> variables) {
		return withAnonymization(Anonymization.load(file, variables));
	}

	/** Plan only. */
	public SyncOptions withDryRun(boolean dryRun) {
		return new SyncOptions(this.from, this.to, this.tables, this.exclude, this.where, this.anonymization, dryRun,
				this.resume, this.requireAnonymization, this.listener);
	}

	/** Resume the last interrupted run. */
	public SyncOptions withResume(boolean resume) {
		return new SyncOptions(this.from, this.to, this.tables, this.exclude, this.where, this.anonymization,
				this.dryRun, resume, this.requireAnonymization, this.listener);
	}

	/** Make unanonymised personal-looking columns an error. */
	public SyncOptions withRequireAnonymization(boolean requireAnonymization) {
		return new SyncOptions(this.from, this.to, this.tables, this.exclude, this.where, this.anonymization,
				this.dryRun, this.resume, requireAnonymization, this.listener);
	}

	/** Followed by this listener. */
	public SyncOptions withListener(SyncListener listener) {
		return new SyncOptions(this.from, this.to, this.tables, this.exclude, this.where, this.anonymization,
				this.dryRun, this.resume, this.requireAnonymization, listener);
	}

}
