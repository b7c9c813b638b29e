package dev.confiture.maven;

import java.util.stream.Collectors;

import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * The user and password that override the URL's or the environment's: the {@code user}
 * and {@code password} parameters, else the {@code <server>} of {@code settings.xml}
 * named by {@code serverId}, its password decrypted as Maven does for deployments.
 *
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 */
record Credentials(String user, String password) {

	static final Credentials NONE = new Credentials(null, null);

	/** Whether a user or a password is set. */
	boolean isPresent() {
		return this.user != null || this.password != null;
	}

	static Credentials resolve(String user, String password, String serverId, Settings settings,
			SettingsDecrypter decrypter) {
		if (!Parameters.isSet(serverId)) {
			return new Credentials(Parameters.valueOf(user), password);
		}
		Server server = (settings != null) ? settings.getServer(serverId) : null;
		if (server == null) {
			throw new ConfitureException(Category.CONFIG, "No <server> with id '" + serverId + "' in settings.xml",
					"Add <server><id>" + serverId + "</id><username>...</username><password>...</password></server> "
							+ "to ~/.m2/settings.xml (mvn --encrypt-password encrypts the password), or correct serverId");
		}
		Server decrypted = server;
		if (decrypter != null) {
			SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
			if (!result.getProblems().isEmpty()) {
				throw new ConfitureException(Category.CONFIG,
						"Could not decrypt the password of server '" + serverId + "' in settings.xml: "
								+ result.getProblems()
									.stream()
									.map(SettingsProblem::getMessage)
									.collect(Collectors.joining("; ")),
						"Check ~/.m2/settings-security.xml, or encrypt the password again with mvn --encrypt-password");
			}
			decrypted = result.getServer();
		}
		return new Credentials(Parameters.isSet(user) ? user : Parameters.valueOf(decrypted.getUsername()),
				(password != null) ? password : decrypted.getPassword());
	}

	@Override
	public String toString() {
		return "Credentials[user=" + this.user + ", password=" + ((this.password != null) ? "****" : null) + "]";
	}

}
