package dev.confiture.demo.blog;

/**
 * How {@code posts} are sorted, as the GraphQL enum {@code PostOrder}; ties are broken by
 * id so that pages are stable.
 */
enum PostOrder {

	/** Most recently created first. */
	NEWEST("data ->> 'createdAt' DESC, id"),

	/** Oldest first. */
	OLDEST("data ->> 'createdAt', id"),

	/** Most viewed first. */
	MOST_VIEWED("(data ->> 'viewCount')::int DESC, id"),

	/** By title, case-insensitively. */
	TITLE("lower(data ->> 'title'), id");

	private final String orderBy;

	PostOrder(String orderBy) {
		this.orderBy = orderBy;
	}

	String orderBy() {
		return this.orderBy;
	}

}
