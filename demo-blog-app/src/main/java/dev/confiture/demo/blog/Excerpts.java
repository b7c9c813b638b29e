package dev.confiture.demo.blog;

/**
 * Derives a post's excerpt from its content: the first paragraph, whitespace collapsed,
 * cut at a word boundary. Used for new posts that come without an excerpt, and by the
 * Java migration {@code 002_backfill_post_excerpts} for the posts written before.
 */
public final class Excerpts {

	/** The longest excerpt derived, ellipsis included. */
	public static final int MAX_LENGTH = 160;

	private Excerpts() {
	}

	/**
	 * The excerpt of a content.
	 * @param content the post's content
	 * @return the excerpt, or {@code null} for blank content
	 */
	public static String of(String content) {
		String paragraph = content.strip().split("\\R\\s*\\R", 2)[0].replaceAll("\\s+", " ");
		if (paragraph.isEmpty()) {
			return null;
		}
		if (paragraph.length() <= MAX_LENGTH) {
			return paragraph;
		}
		String cut = paragraph.substring(0, MAX_LENGTH - 1);
		int space = cut.lastIndexOf(' ');
		return ((space > 0) ? cut.substring(0, space) : cut) + "\u2026";
	}

}
