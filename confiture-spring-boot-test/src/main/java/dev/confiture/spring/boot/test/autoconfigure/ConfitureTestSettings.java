package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * The template settings of a test, from {@link AutoConfigureConfiture @AutoConfigureConfiture}.
 *
 * @param seedProfiles the seed profiles
 * @param template what the template is built from
 */
record ConfitureTestSettings(List<String> seedProfiles, TemplateSource template) {

	static final String BEAN_NAME = "confitureTestSettings";

	ConfitureTestSettings {
		seedProfiles = List.copyOf(seedProfiles);
	}

}
