package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * The template settings of a test, from
 * {@link AutoConfigureConfiture @AutoConfigureConfiture}.
 *
 * @param seedProfiles the seed profiles
 * @param template what the template is built from
 * @param targets the named targets to prepare, empty for every one that names a
 * {@code DataSource} bean
 */
record ConfitureTestSettings(List<String> seedProfiles, TemplateSource template, List<String> targets) {

	static final String BEAN_NAME = "confitureTestSettings";

	ConfitureTestSettings(List<String> seedProfiles, TemplateSource template) {
		this(seedProfiles, template, List.of());
	}

	ConfitureTestSettings {
		seedProfiles = List.copyOf(seedProfiles);
		targets = List.copyOf(targets);
	}

}
