package dev.confiture.core.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Passwords with every URL delimiter are parsed by structure and never printed.
 */
class SecretMaskingTests {

	private static final List<String> PASSWORDS = List.of("S3cret!#", "pa/ss", "pa?ss", "pa#ss", "p@ss", "pa ss",
			"Se:cr@t/?#[] w&x=!", "a/b@c:d");

	@Test
	void passwordsWithUnencodedDelimitersAreParsedByStructure() {
		for (String password : PASSWORDS) {
			ConnectionSettings settings = ConnectionSettings
				.parse("postgresql://someone:" + password + "@127.0.0.1:5432/db", null, null);
			assertThat(settings.user()).as(password).isEqualTo("someone");
			assertThat(settings.password()).as(password).isEqualTo(password);
			assertThat(settings.jdbcUrl()).as(password).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db");
			assertThat(settings.toString()).doesNotContain(password);
		}
	}

	@Test
	void passwordParameterWithAtSignKeepsTheHost() {
		ConnectionSettings settings = ConnectionSettings.parse("postgresql://db.example.com/shop?user=app&password=a@b",
				null, null);
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/shop");
		assertThat(settings.password()).isEqualTo("a@b");
	}

	@Test
	void invalidUrlIsNeverPrintedUnmasked() {
		for (String password : PASSWORDS) {
			for (String url : List.of("postgresql://someone:" + password + "@127.0.0.1:notaport/db",
					"mysql://someone:" + password + "@127.0.0.1/db")) {
				assertThatExceptionOfType(ConfitureException.class)
					.isThrownBy(() -> ConnectionSettings.parse(url, null, null))
					.satisfies((ex) -> assertThat(ex.getMessage() + ex.hint()).as(url)
						.doesNotContain(password)
						.contains("****"));
			}
		}
	}

	@Test
	void sanitizingTwiceKeepsTheTextAfterAMaskedPassword() {
		String once = ConnectionSettings
			.sanitize("Could not connect to jdbc:postgresql://h/db?password=a b after 3 attempts");
		assertThat(once).isEqualTo("Could not connect to jdbc:postgresql://h/db?password=****");
		String message = "Could not connect to jdbc:postgresql://h/db?password=**** after 3 attempt(s): refused";
		assertThat(ConnectionSettings.sanitize(message)).isEqualTo(message);
	}

	@Test
	void sanitizeMasksUserInfoParametersAndYamlPasswords() {
		assertThat(ConnectionSettings.sanitize("Not a PostgreSQL URL: 'postgresql://u:pa/s?s#w@rd@host/db'"))
			.isEqualTo("Not a PostgreSQL URL: 'postgresql://u:****@host/db'");
		assertThat(ConnectionSettings.sanitize("jdbc:postgresql://h/db?password=a b&c&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/db?password=****&ssl=true");
		assertThat(ConnectionSettings.sanitize("in 'db.yaml', line 4:\n    password: hunter2 is here\n    port: x"))
			.isEqualTo("in 'db.yaml', line 4:\n    password: ****\n    port: x");
	}

	@Test
	void knownPasswordsAreMaskedWherever() {
		ConnectionSettings.parse("postgresql://app:Unique-Pa55@localhost/shop", null, null);
		assertThat(ConnectionSettings.sanitize("FATAL: something echoed Unique-Pa55 back"))
			.isEqualTo("FATAL: something echoed **** back");
	}

}
