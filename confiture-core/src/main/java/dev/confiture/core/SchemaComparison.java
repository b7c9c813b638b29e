package dev.confiture.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.diff.DiffRequest;
import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.diff.DiffSource;
import dev.confiture.core.diff.Hazard;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GenerateResult;
import dev.confiture.core.migrate.GeneratedMigration;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.migrate.SchemaEditOptions;
import dev.confiture.core.migrate.SchemaEditResult;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.validate.MigratedBase;
import dev.confiture.core.build.SchemaScripts;

/**
 * The diff flow behind {@link Confiture#diff} and {@link Confiture#generate}: read both
 * sides into catalogs (files through a throw-away database on the shadow server), compare
 * them both ways, and write the migration files.
 */
final class SchemaComparison {

	private SchemaComparison() {
	}

	static DiffResult diff(DiffRequest request, Supplier<PostgresServer> shadow, String trackingTable) {
		CatalogReader reader = CatalogReader.ignoringConfitureTables(trackingTable);
		Catalog old = read(request.from(), reader, shadow);
		Catalog wanted = read(request.to(), reader, shadow);
		Plan up = SchemaDiff.compare(old, wanted, request.options());
		Plan down = SchemaDiff.compare(wanted, old, request.options());
		return new DiffResult(request.from().label(), request.to().label(), up, down);
	}

	private static Catalog read(DiffSource source, CatalogReader reader, Supplier<PostgresServer> shadow) {
		if (source.files() != null) {
			return new CatalogLoader(shadow.get(), reader).load(SchemaScripts.of(source.files()));
		}
		try (Connection connection = source.database().open()) {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + source.databaseDescription() + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that the environment's database settings are right", ex);
		}
	}

	/**
	 * Writes the next migration: empty, or the diff of two schemas and its reverse
	 * (refused with hazards unless allowed; nothing written for an empty diff).
	 */
	static GenerateResult generate(GenerateOptions options, Function<DiffRequest, DiffResult> differ,
			Migrator migrator) {
		if (options.diff() == null) {
			return new GenerateResult(migrator.generate(options.name()), null);
		}
		DiffResult diff = differ.apply(options.diff());
		if (diff.isEmpty()) {
			return new GenerateResult(null, diff);
		}
		if (!options.allowHazards()) {
			refuseHazards(diff);
		}
		GeneratedMigration files = migrator.generate(options.name());
		write(files, diff, options.diff().options().online());
		return new GenerateResult(files, diff);
	}

	/**
	 * The flow of {@link Confiture#generateFromSchemaEdits}: what the migrations produce
	 * (base schema files plus new migrations, replayed) against the working tree's schema
	 * files, written as a migration when they differ.
	 */
	static SchemaEditResult generateFromSchemaEdits(Environment environment, SchemaEditOptions options,
			Supplier<PostgresServer> shadow, Function<String, GeneratedMigration> generator) {
		CatalogReader reader = CatalogReader.ignoringConfitureTables(environment.trackingTable());
		MigratedBase.Replay replay = new MigratedBase(shadow).replay(environment, options.baseRef(), reader);
		List<SqlSource> sources = SchemaScripts.of(environment);
		Catalog files = new CatalogLoader(shadow.get(), reader).load(sources);
		int count = replay.migrations().size();
		String from = "the schema files at " + replay.base() + " plus "
				+ ((count == 0) ? "no migration" : (count == 1) ? "1 migration" : count + " migrations");
		String to = "the schema files of the working tree";
		Plan up = SchemaDiff.compare(replay.catalog(), files, options.diffOptions());
		Plan down = SchemaDiff.compare(files, replay.catalog(), options.diffOptions());
		DiffResult diff = new DiffResult(from, to, up, down);
		if (diff.isEmpty()) {
			return new SchemaEditResult(replay.base(), replay.migrations(), diff, null);
		}
		if (!options.allowHazards()) {
			refuseHazards(diff);
		}
		GeneratedMigration generated = generator.apply(options.name());
		write(generated, diff, options.diffOptions().online());
		return new SchemaEditResult(replay.base(), replay.migrations(), diff, generated);
	}

	static void refuseHazards(DiffResult diff) {
		List<Hazard> hazards = diff.up().hazards();
		if (!hazards.isEmpty()) {
			throw new ConfitureException(Category.SCHEMA,
					"The migration has hazards and was not written: "
							+ String.join("; ", hazards.stream().map(Hazard::toString).toList()),
					Remedy.of(Remedy.Kind.REVIEW_HAZARDS));
		}
	}

	static void write(GeneratedMigration files, DiffResult diff, boolean online) {
		String base = files.version() + "_" + files.name();
		List<String> upHeader = List.of("Migration " + base,
				"Generated by Confiture's schema diff from " + diff.from() + " to " + diff.to()
						+ (online ? ", with online forms" : ""),
				"Review it before applying; do not edit it once applied.");
		List<String> downHeader = List
			.of("Rollback of " + base + ": the reverse diff, " + diff.to() + " to " + diff.from());
		try {
			Files.writeString(files.upFile(), diff.up().script(upHeader), StandardCharsets.UTF_8);
			Files.writeString(files.downFile(), diff.down().script(downHeader), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not write " + files.upFile() + ": " + ex.getMessage(),
					"Check that the migrations directory is writable", ex);
		}
	}

}
