package dev.confiture.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VariableSubstitutionTests {

	private static final Path FILE = Path.of("/app/db/environments/local.yaml");

	@TempDir
	Path project;

	private final VariableSubstitution substitution = new VariableSubstitution(
			Map.of("DB_HOST", "db.internal", "EMPTY", "", "TEMPLATE", "${DB_HOST}", "lower_case", "yes"));

	@Test
	void presentVariableIsSubstituted() {
		assertThat(substitute("host=${DB_HOST}:5432")).isEqualTo("host=db.internal:5432");
	}

	@Test
	void defaultIsUsedWhenTheVariableIsNotSet() {
		assertThat(substitute("${DB_PORT:-5432}")).isEqualTo("5432");
	}

	@Test
	void defaultIsIgnoredWhenTheVariableIsSet() {
		assertThat(substitute("${DB_HOST:-localhost}")).isEqualTo("db.internal");
	}

	@Test
	void defaultIsUsedWhenTheVariableIsEmptyAsInAShell() {
		assertThat(substitute("${EMPTY:-fallback}")).isEqualTo("fallback");
		assertThat(substitute("[${EMPTY}]")).isEqualTo("[]");
	}

	@Test
	void emptyDefaultIsAllowed() {
		assertThat(substitute("${DB_USER:-}")).isEmpty();
	}

	@Test
	void defaultMayContainColonsAndSlashes() {
		assertThat(substitute("${DATABASE_URL:-postgresql://localhost:5432/app}"))
			.isEqualTo("postgresql://localhost:5432/app");
	}

	@Test
	void substitutionIsASinglePass() {
		assertThat(substitute("${TEMPLATE}")).isEqualTo("${DB_HOST}");
	}

	@Test
	void lowerCaseNamesAreAllowed() {
		assertThat(substitute("${lower_case}")).isEqualTo("yes");
	}

	@Test
	void doubleDollarBraceIsALiteralDollarBrace() {
		assertThat(substitute("$${DB_HOST} is ${DB_HOST}")).isEqualTo("${DB_HOST} is db.internal");
	}

	@Test
	void dollarWithoutBraceIsKept() {
		assertThat(substitute("pa$$word $DB_HOST $")).isEqualTo("pa$$word $DB_HOST $");
	}

	@Test
	void missingVariableNamesItTheFileLineAndTheFix() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> substitute("${DB_PASSWORD}"))
			.withMessage("/app/db/environments/local.yaml:7: Environment variable DB_PASSWORD is not set (used by "
					+ "'password'). Export DB_PASSWORD=... before running Confiture, or write ${DB_PASSWORD:-default}")
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(FILE))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(7));
	}

	@Test
	void unclosedReferenceIsAnErrorThatDoesNotEchoTheValue() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> substitute("s3cret${DB_HOST"))
			.withMessage("/app/db/environments/local.yaml:7: Unclosed '${' in the value of 'password'. Close the "
					+ "reference with '}', as in ${DB_HOST}, or write '$${' for a literal '${'");
	}

	@Test
	void emptyReferenceIsAnError() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> substitute("a${}b"))
			.withMessage("/app/db/environments/local.yaml:7: Empty '${}' in the value of 'password'. "
					+ "Name a variable, as in ${DB_HOST} or ${DB_HOST:-localhost}");
	}

	@Test
	void invalidNameIsAnError() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> substitute("${DB-HOST}"))
			.withMessageContaining(":7: Invalid variable reference in the value of 'password': 'DB-HOST' is not a "
					+ "variable name. Write ${NAME} or ${NAME:-default}");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> substitute("${1ST}"))
			.withMessageContaining("'1ST' is not a variable name");
	}

	@Test
	void nestedReferenceInADefaultIsAnError() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> substitute("${DB_URL:-${FALLBACK}}"))
			.withMessageContaining(":7: Nested reference in the default of ${DB_URL} in the value of 'password'");
	}

	@Test
	void variablesAreSubstitutedInDatabaseUrlsPasswordsPortsAndPaths() throws IOException {
		Files.createDirectories(this.project.resolve("db/schema"));
		write("db/environments/production.yaml", """
				includes: ${SCHEMA_DIR:-../schema}
				database:
				  host: ${DB_HOST}
				  port: ${DB_PORT}
				  database: ${DB_NAME:-app}
				  user: ${DB_USER}
				  password: ${DB_PASSWORD}
				tracking_table: ${SCHEMA:-ops}.history
				""");
		write("db/environments/staging.yaml", "database_url: ${DATABASE_URL}\n");
		EnvironmentLoader loader = new EnvironmentLoader(Map.of("DB_HOST", "db.internal", "DB_PORT", "6543", "DB_USER",
				"app", "DB_PASSWORD", "s3cret", "DATABASE_URL", "postgresql://app:s3cret@staging/app"));
		Environment production = loader.load(this.project, "production");
		assertThat(production.includeDirectories()).containsExactly(this.project.resolve("db/schema"));
		assertThat(production.database())
			.isEqualTo(new ConnectionSettings("jdbc:postgresql://db.internal:6543/app", "app", "s3cret"));
		assertThat(production.trackingTable()).isEqualTo("ops.history");
		Environment staging = loader.load(this.project, "staging");
		assertThat(staging.database())
			.isEqualTo(new ConnectionSettings("jdbc:postgresql://staging/app", "app", "s3cret"));
		assertThat(staging.toString()).doesNotContain("s3cret");
	}

	@Test
	void missingVariableInAFileNamesTheFileAndLine() {
		Path file = write("db/environments/production.yaml", """
				name: production
				database:
				  host: ${DB_HOST}
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of()).load(this.project, "production"))
			.withMessage(file + ":3: Environment variable DB_HOST is not set (used by 'host'). "
					+ "Export DB_HOST=... before running Confiture, or write ${DB_HOST:-default}");
	}

	@Test
	void portVariableThatIsNotANumberNamesTheReference() {
		write("db/environments/production.yaml", """
				database:
				  database: app
				  port: ${DB_PORT}
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of("DB_PORT", "five")).load(this.project, "production"))
			.withMessageContaining(":3: 'port' must be a number from 1 to 65535, not '${DB_PORT}' (the value of the "
					+ "variables is not shown")
			.withMessageNotContaining("five");
	}

	@Test
	void databaseUrlVariableThatIsNotAUrlHidesTheSubstitutedPassword() {
		write("db/environments/production.yaml", "database_url: mysql://app:${DB_PASSWORD}@db/app\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of("DB_PASSWORD", "s3cret")).load(this.project, "production"))
			.withMessageContaining(":1: 'database_url' is not a PostgreSQL URL: 'mysql://****@db/app' after "
					+ "substituting variables in 'mysql://****@db/app'")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void emptyDatabaseUrlFromAVariableIsAnError() {
		write("db/environments/production.yaml", "database_url: ${DATABASE_URL:-}\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of()).load(this.project, "production"))
			.withMessageContaining(":1: 'database_url' is empty after substituting variables in '${DATABASE_URL:-}'");
	}

	@Test
	void variablesInDoubleQuotedAndBlockScalarsReportTheValueLine() {
		write("db/environments/production.yaml", """
				name: production
				migrations_dir: "${MIGRATIONS}"
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of()).load(this.project, "production"))
			.withMessageContaining("production.yaml:2: Environment variable MIGRATIONS is not set");
	}

	private String substitute(String value) {
		return this.substitution.substitute(value, "password", FILE, 7);
	}

	private Path write(String relativePath, String content) {
		Path file = this.project.resolve(relativePath);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file;
	}

}
