package dev.confiture.core.catalog;

/**
 * A comment on an object.
 *
 * @param target the identity of the commented object
 * @param statementTarget what follows {@code COMMENT ON}, e.g.
 * {@code COLUMN public.users.name}
 * @param text the comment
 */
public record Comment(ObjectId target, String statementTarget, String text) implements CatalogObject {

	@Override
	public ObjectId id() {
		return this.target.comment();
	}

}
