package dev.confiture.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * What an agent plans to change: {@code --tables-affected} and {@code --schema-changes}.
 */
public class PlannedChangeOptions {

	@Option(names = "--tables-affected", split = ",", arity = "1..*", paramLabel = "TABLE",
			description = "Tables the work touches: users,profiles (or several arguments).")
	List<String> tablesAffected = List.of();

	@Option(names = "--schema-changes", paramLabel = "DDL|FILE.sql",
			description = "Planned DDL, one or more statements separated by ';', or a .sql file that holds it.")
	String schemaChanges;

	List<String> tables() {
		return this.tablesAffected.stream().map(String::strip).filter((table) -> !table.isEmpty()).toList();
	}

	/** The planned DDL: the option's text, or the content of the .sql file it names. */
	String ddl() {
		if (this.schemaChanges == null) {
			return null;
		}
		String value = this.schemaChanges.strip();
		if (value.toLowerCase(Locale.ROOT).endsWith(".sql") && value.indexOf('\n') < 0 && value.indexOf(';') < 0) {
			Path file = file(value);
			if (file != null && Files.isRegularFile(file)) {
				try {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new ConfitureException(Category.CONFIG,
							"Could not read the --schema-changes file " + file + ": " + ex.getMessage(),
							"Check that the file exists and is readable", ex);
				}
			}
		}
		return this.schemaChanges;
	}

	private static Path file(String value) {
		try {
			return Path.of(value);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

}
