package dev.confiture.core.sync;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.Table;

/**
 * Checks, with the catalog layer that {@code migrate verify} uses, that the target has
 * every table to copy with the same columns (names, types, nullability, defaults,
 * generation) and partitioning as the source.
 */
final class SchemaMatch {

	private SchemaMatch() {
	}

	static void require(Connection source, Connection target, Collection<SourceTable> tables, String from, String to) {
		CatalogReader reader = CatalogReader.ignoringConfitureTables(null);
		Map<String, Table> sourceTables = tables(reader.read(source));
		Map<String, Table> targetTables = tables(reader.read(target));
		List<String> differences = new ArrayList<>();
		for (SourceTable selected : tables) {
			Table wanted = sourceTables.get(selected.qualified());
			Table found = targetTables.get(selected.qualified());
			if (wanted == null) {
				continue;
			}
			if (found == null) {
				differences.add(selected.name() + " does not exist on the target");
				continue;
			}
			for (Column column : wanted.columns().values()) {
				Column other = found.columns().get(column.name());
				if (other == null) {
					differences.add(selected.name() + ": column " + column.name() + " is missing on the target");
				}
				else if (!column.equals(other)) {
					differences.add(selected.name() + ": column " + column.name() + " is " + column.definition()
							+ " on the source, " + other.definition() + " on the target");
				}
			}
			for (String column : found.columns().keySet()) {
				if (!wanted.columns().containsKey(column)) {
					differences.add(selected.name() + ": column " + column + " exists only on the target");
				}
			}
			if (!Objects.equals(wanted.partitionKey(), found.partitionKey())) {
				differences.add(selected.name() + ": partitioned by " + wanted.partitionKey() + " on the source, "
						+ found.partitionKey() + " on the target");
			}
		}
		if (!differences.isEmpty()) {
			throw new ConfitureException(Category.SCHEMA,
					"The tables of " + from + " and " + to + " differ in " + differences.size()
							+ ((differences.size() == 1) ? " way" : " ways") + "; nothing was copied:\n  "
							+ String.join("\n  ", differences),
					"Migrate the target (or the source) until both have the same schema, then sync again");
		}
	}

	private static Map<String, Table> tables(Catalog catalog) {
		return catalog.all(Table.class).stream().collect(Collectors.toMap(Table::name, Function.identity()));
	}

}
