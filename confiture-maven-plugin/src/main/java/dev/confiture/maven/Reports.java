package dev.confiture.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.core.api.ConfitureException;

/**
 * Writes a goal's result to {@code reportFile} as JSON, e.g. for CI artifacts:
 * {@code ok}, {@code goal}, then the result, or {@code error} with category, message and
 * hint.
 */
final class Reports {

	private static final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final String goal;

	private final Path file;

	private final Secrets secrets;

	Reports(String goal, Path file, Secrets secrets) {
		this.goal = goal;
		this.file = file;
		this.secrets = secrets;
	}

	/** Whether a report was asked for. */
	boolean enabled() {
		return this.file != null;
	}

	/**
	 * Writes a successful result.
	 * @param ok whether the goal found nothing to report
	 * @param result the result document or record
	 */
	void write(boolean ok, Object result) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", ok);
		document.put("goal", this.goal);
		document.put("result", result);
		write(document);
	}

	/**
	 * Writes a document as it is, without the {@code ok}/{@code goal} envelope (e.g.
	 * SARIF).
	 * @param document the document
	 */
	void writeDocument(Map<String, Object> document) {
		write(document);
	}

	/** Writes a failure. */
	void failure(ConfitureException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("category", ex.category().name().toLowerCase(Locale.ROOT));
		error.put("message", ex.getMessage());
		error.put("hint", RemedyText.of(ex));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", false);
		document.put("goal", this.goal);
		document.put("error", error);
		write(document);
	}

	private void write(Map<String, Object> document) {
		if (this.file == null) {
			return;
		}
		try {
			if (this.file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(this.file.toAbsolutePath().getParent());
			}
			Files.writeString(this.file, this.secrets.clean(mapper.writeValueAsString(document)) + "\n");
		}
		catch (IOException ex) {
			throw new ConfitureException(ConfitureException.Category.CONFIG,
					"Could not write the report " + this.file + ": " + ex.getMessage(),
					"Check that reportFile names a writable file");
		}
	}

}
