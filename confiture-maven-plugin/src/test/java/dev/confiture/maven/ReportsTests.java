package dev.confiture.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentListDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.OpenConflictsDocument;
import dev.confiture.core.lint.LintResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report files' shapes: keys in order, absent parts left out, passwords masked.
 */
class ReportsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void resultIsWrappedInOkAndGoal() throws IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("applied", 2);
		JsonNode document = write((reports) -> reports.write(false, result));
		assertThat(fieldNames(document)).containsExactly("ok", "goal", "result");
		assertThat(document.get("ok").asBoolean()).isFalse();
		assertThat(document.get("goal").asString()).isEqualTo("migrate");
		assertThat(document.get("result").get("applied").asInt()).isEqualTo(2);
	}

	@Test
	void failureHasCategoryMessageAndHint() throws IOException {
		JsonNode document = write((reports) -> reports
			.failure(new ConfitureException(Category.DATABASE, "Cannot connect with secret-pw", "Start it")));
		assertThat(fieldNames(document)).containsExactly("ok", "goal", "error");
		assertThat(document.get("ok").asBoolean()).isFalse();
		assertThat(fieldNames(document.get("error"))).containsExactly("category", "message", "hint");
		assertThat(document.get("error").get("category").asString()).isEqualTo("database");
		assertThat(document.get("error").get("message").asString()).doesNotContain("secret-pw");
	}

	@Test
	void coordinationDocumentsAreWrittenAsTheyAre() throws IOException {
		JsonNode list = write((reports) -> reports.writeDocument(IntentListDocument.of(List.of())));
		assertThat(fieldNames(list)).containsExactly("ok", "total", "intents");
		JsonNode conflicts = write((reports) -> reports.writeDocument(OpenConflictsDocument.of(true, List.of())));
		assertThat(fieldNames(conflicts)).containsExactly("ok", "total", "conflicts");
	}

	@Test
	void checkLeavesOutLintAndStatusWhenTheyDidNotRun() throws IOException {
		JsonNode alone = write((reports) -> reports.write(true, new CheckMojo.CheckDocument(null, null, null)));
		assertThat(fieldNames(alone.get("result"))).containsExactly("validation");
		JsonNode withLint = write((reports) -> reports.write(true, new CheckMojo.CheckDocument(null,
				new LintResult(List.of(), List.of(), List.of(), false, null, List.of()).document(), null)));
		assertThat(fieldNames(withLint.get("result"))).containsExactly("validation", "lint");
	}

	private JsonNode write(java.util.function.Consumer<Reports> writer) throws IOException {
		Path file = this.directory.resolve("report.json");
		writer.accept(new Reports("migrate", file, Secrets.of("secret-pw")));
		return json.readTree(Files.readString(file));
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
