package dev.confiture.core.diff;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.EnumType;
import dev.confiture.core.catalog.ObjectId;

/**
 * The {@code USING} expression of a column type change. PostgreSQL has no cast between
 * two enum types (nor between their arrays), so a column that leaves or joins an enum
 * type is cast through {@code text}: {@code col::text::other} (or
 * {@code ::text[]::other[]}), which keeps every label that the new type also has and
 * fails on the others.
 */
final class EnumCasts {

	private EnumCasts() {
	}

	static String using(Catalog from, Catalog to, String column, String oldType, String newType) {
		boolean array = oldType.endsWith("[]") && newType.endsWith("[]");
		boolean throughText = isEnum(from, oldType) && isEnum(to, newType);
		if (!throughText) {
			return column + "::" + newType;
		}
		return column + (array ? "::text[]::" : "::text::") + newType;
	}

	private static boolean isEnum(Catalog catalog, String type) {
		String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
		return catalog.get(ObjectId.of("type", element)) instanceof EnumType;
	}

}
