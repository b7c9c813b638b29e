package dev.confiture.core.config;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConnectionSettingsTests {

	@Test
	void postgresqlUrlWithUserInfoGivesJdbcUrlAndCredentials() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:s3cret@db.example.com:6543/shop", null,
				null);
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isEqualTo("s3cret");
		assertThat(settings.database()).isEqualTo("shop");
	}

	@Test
	void postgresSchemeIsAccepted() {
		ConnectionSettings settings = ConnectionSettings.parse("postgres://app@localhost/shop", null, null);
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isNull();
	}

	@Test
	void jdbcUrlWithUserAndPasswordParametersMovesThemOutOfTheUrl() {
		ConnectionSettings settings = ConnectionSettings
			.parse("jdbc:postgresql://localhost:5432/shop?user=app&password=s3cret&sslmode=require", null, null);
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop?sslmode=require");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isEqualTo("s3cret");
	}

	@Test
	void percentEncodedPasswordIsDecoded() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:p%40ss%3Aw%2Frd@localhost/shop", null,
				null);
		assertThat(settings.password()).isEqualTo("p@ss:w/rd");
	}

	@Test
	void plusSignInPasswordStaysAPlusSign() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:a+b@localhost/shop", null, null);
		assertThat(settings.password()).isEqualTo("a+b");
	}

	@Test
	void unencodedAtSignInPasswordIsPartOfThePasswordNotTheHost() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:p@ss@localhost/shop", null, null);
		assertThat(settings.password()).isEqualTo("p@ss");
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
	}

	@Test
	void otherParametersKeepTheirEncoding() {
		ConnectionSettings settings = ConnectionSettings
			.parse("postgresql://localhost/shop?options=-c%20search_path%3Dapp", null, null);
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop?options=-c%20search_path%3Dapp");
	}

	@Test
	void explicitUserAndPasswordWinOverTheUrl() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:s3cret@localhost/shop", "admin",
				"other");
		assertThat(settings.user()).isEqualTo("admin");
		assertThat(settings.password()).isEqualTo("other");
	}

	@Test
	void malformedPercentEncodingIsAConfigurationErrorWithoutThePassword() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> ConnectionSettings.parse("postgresql://app:s3cret%zz@localhost/shop", null, null))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG))
			.withMessageContaining("percent-encoding")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void nonPostgresqlUrlIsAConfigurationErrorWithoutThePassword() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> ConnectionSettings.parse("mysql://app:s3cret@localhost/shop", null, null))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG))
			.withMessageContaining("Not a PostgreSQL URL")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void sanitizedUrlAndToStringNeverShowThePassword() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:s3cret@localhost/shop", null, null);
		assertThat(settings.sanitizedUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
		assertThat(settings.toString()).isEqualTo("jdbc:postgresql://localhost/shop (user app)");
	}

	@Test
	void sanitizeHidesPasswordsInUserInfoAndParameters() {
		assertThat(ConnectionSettings.sanitize("postgresql://app:s3cret@localhost/shop"))
			.isEqualTo("postgresql://app:****@localhost/shop");
		assertThat(ConnectionSettings.sanitize("postgresql://app:p@ss@localhost/shop"))
			.isEqualTo("postgresql://app:****@localhost/shop");
		assertThat(ConnectionSettings.sanitize("jdbc:postgresql://localhost/shop?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://localhost/shop?user=app&password=****&ssl=true");
	}

	@Test
	void ofBuildsUrlFromParts() {
		ConnectionSettings settings = ConnectionSettings.of("db.example.com", 6543, "shop", "app", "s3cret");
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
		assertThat(settings.toString()).doesNotContain("s3cret");
	}

	@Test
	void ofBracketsIpv6Hosts() {
		assertThat(ConnectionSettings.of("::1", 5432, "shop", null, null).jdbcUrl())
			.isEqualTo("jdbc:postgresql://[::1]:5432/shop");
	}

	@Test
	void withDatabaseKeepsServerAndCredentials() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://app:s3cret@localhost:5433/shop?ssl=true",
				null, null);
		ConnectionSettings other = settings.withDatabase("other");
		assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/other?ssl=true");
		assertThat(other.password()).isEqualTo("s3cret");
	}

}
