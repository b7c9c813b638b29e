package dev.confiture.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
		write(new ResultDocument(ok, this.goal, result));
	}

	/**
	 * Writes a document as it is, without the {@code ok}/{@code goal} envelope (e.g.
	 * SARIF).
	 * @param document the document: a record or a map
	 */
	void writeDocument(Object document) {
		write(document);
	}

	/** Writes a failure. */
	void failure(ConfitureException ex) {
		write(new FailureDocument(false, this.goal,
				new Failure(ex.category().name().toLowerCase(Locale.ROOT), ex.getMessage(), RemedyText.of(ex))));
	}

	private void write(Object document) {
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

	/** A successful goal's report. */
	record ResultDocument(boolean ok, String goal, Object result) {

	}

	/** A failed goal's report. */
	record FailureDocument(boolean ok, String goal, Failure error) {

	}

	/** What went wrong, in a failure report. */
	record Failure(String category, String message, String hint) {

	}

}
