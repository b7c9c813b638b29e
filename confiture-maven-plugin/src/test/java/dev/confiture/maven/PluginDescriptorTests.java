package dev.confiture.maven;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated plugin descriptor: every goal is thread-safe, and every parameter that is
 * not read-only is also a {@code -Dconfiture.*} user property.
 */
class PluginDescriptorTests {

	static Document descriptor;

	@BeforeAll
	static void readDescriptor() throws Exception {
		try (InputStream in = PluginDescriptorTests.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
			assertThat(in).as("plugin.xml (run the build to generate it)").isNotNull();
			descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
	}

	@Test
	void everyGoalIsThreadSafe() {
		List<String> goals = new ArrayList<>();
		for (Element mojo : elements(descriptor.getDocumentElement(), "mojo")) {
			String goal = text(mojo, "goal");
			goals.add(goal);
			assertThat(text(mojo, "threadSafe")).as(goal).isEqualTo("true");
		}
		assertThat(goals).contains("init", "build", "migrate", "down", "status", "baseline", "generate", "diff",
				"verify", "validate", "lint", "check", "coordinate-status", "coordinate-list", "coordinate-conflicts",
				"coordinate-check");
	}

	@Test
	void everyParameterIsAConfitureUserProperty() {
		for (Element mojo : elements(descriptor.getDocumentElement(), "mojo")) {
			String goal = text(mojo, "goal");
			Element configuration = elements(mojo, "configuration").get(0);
			for (Element parameter : elements(mojo, "parameter")) {
				String name = text(parameter, "name");
				if (List.of("session", "project").contains(name)) {
					continue;
				}
				NodeList values = configuration.getElementsByTagName(name);
				assertThat(values.getLength()).as(goal + " " + name).isEqualTo(1);
				assertThat(values.item(0).getTextContent()).as(goal + " " + name)
					.isEqualTo("${confiture." + name + "}");
			}
		}
	}

	@Test
	void checkIsBoundToVerify() {
		Element check = elements(descriptor.getDocumentElement(), "mojo").stream()
			.filter((mojo) -> text(mojo, "goal").equals("check"))
			.findFirst()
			.orElseThrow();
		assertThat(text(check, "phase")).isEqualTo("verify");
	}

	private static List<Element> elements(Element parent, String name) {
		List<Element> elements = new ArrayList<>();
		NodeList nodes = parent.getElementsByTagName(name);
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static String text(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagName(name);
		return (nodes.getLength() > 0) ? nodes.item(0).getTextContent() : null;
	}

}
