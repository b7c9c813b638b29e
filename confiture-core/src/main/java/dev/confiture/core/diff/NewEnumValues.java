package dev.confiture.core.diff;

import java.util.List;
import java.util.regex.Pattern;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.EnumType;

/**
 * Whether the labels that an enum type gains are used by the same migration. PostgreSQL
 * refuses to use a value added by {@code ALTER TYPE ... ADD VALUE} before the transaction
 * that added it commits ("unsafe use of new value", SQLSTATE 55P04): a default, a check,
 * an index predicate or a view naming it fails. Such a type is created again instead
 * (renamed, created with all its labels, columns cast through {@code text}, old type
 * dropped), which keeps the migration in one transaction.
 */
final class NewEnumValues {

	private NewEnumValues() {
	}

	/**
	 * Whether the type only gains labels, none of them used by the same migration, so
	 * that {@code ALTER TYPE ... ADD VALUE} migrates it.
	 */
	static boolean addsValuesOnly(Catalog from, Catalog to, EnumType before, EnumType after) {
		return isAddOnly(before.labels(), after.labels()) && !usedInPlan(from, to, before, after);
	}

	/**
	 * Whether the labels after are those before, in the same order, with others added.
	 */
	static boolean isAddOnly(List<String> before, List<String> after) {
		int position = 0;
		for (String label : after) {
			if (position < before.size() && before.get(position).equals(label)) {
				position++;
			}
			else if (before.contains(label)) {
				return false;
			}
		}
		return position == before.size();
	}

	/**
	 * Whether an object that the migration creates or changes names one of the new labels
	 * as a value of the type, as PostgreSQL prints it ({@code 'label'::schema.type}).
	 */
	static boolean usedInPlan(Catalog from, Catalog to, EnumType before, EnumType after) {
		List<Pattern> uses = after.labels()
			.stream()
			.filter((label) -> !before.labels().contains(label))
			.map((label) -> Pattern
				.compile(Pattern.quote(Names.literal(label) + "::" + after.name()) + "(?![A-Za-z0-9_$])"))
			.toList();
		if (uses.isEmpty()) {
			return false;
		}
		for (CatalogObject object : to.objects().values()) {
			if (object.equals(from.get(object.id()))) {
				continue;
			}
			String text = object.toString();
			if (uses.stream().anyMatch((use) -> use.matcher(text).find())) {
				return true;
			}
		}
		return false;
	}

}
