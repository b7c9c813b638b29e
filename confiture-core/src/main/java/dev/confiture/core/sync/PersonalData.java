package dev.confiture.core.sync;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Columns whose name or comment suggests personal data.
 */
final class PersonalData {

	private static final Pattern NAME = Pattern.compile("(^|_)(e_?mail|phone|mobile|fax|first_?name|last_?name"
			+ "|full_?name|user_?name|surname|given_?name|address|street|city|zip|postal_?code|post_?code|ssn|nin"
			+ "|birth_?date|date_of_birth|dob|born_on|iban|bic|card|card_number|passport|ip|ip_address|salary"
			+ "|tax_?id|national_?id|password|token|secret)($|_)");

	private static final Pattern COMMENT = Pattern.compile("\\b(pii|personal|gdpr|sensitive|confidential)\\b");

	private PersonalData() {
	}

	static boolean suspected(SourceTable.SourceColumn column) {
		if (NAME.matcher(column.name().toLowerCase(Locale.ROOT)).find()) {
			return true;
		}
		return column.comment() != null && COMMENT.matcher(column.comment().toLowerCase(Locale.ROOT)).find();
	}

}
