package dev.confiture.core.config;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text by structure and by value: what stands between {@code ://} and
 * the last {@code @} of a URL (the password may hold {@code / ? #}, spaces and
 * {@code @}), the value of {@code password=} parameters and of YAML {@code password:}
 * keys, and every password that a {@link ConnectionSettings} of this process holds.
 */
final class SecretMasking {

	static final String MASK = "****";

	/**
	 * Shortest password masked wherever it appears; shorter ones are masked by structure
	 * only.
	 */
	private static final int MIN_VALUE_LENGTH = 4;

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)(password=)(.*?)(?=&[A-Za-z_][A-Za-z0-9_]*=|[\\r\\n]|$)", Pattern.MULTILINE);

	private static final Pattern YAML_PASSWORD = Pattern
		.compile("(?im)^(\\s*-?\\s*[\"']?password[\"']?\\s*:[ \\t]*)(\\S.*)$");

	private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private SecretMasking() {
	}

	/**
	 * Remembers a password so that it is masked wherever it appears as a word of its own
	 * (not inside a longer word, so that a password such as {@code postgres} leaves
	 * {@code jdbc:postgresql} alone). A password equal to the user name is not
	 * remembered: the user name is shown on purpose.
	 * @param user the user name, may be {@code null}
	 * @param password the password, may be {@code null}
	 */
	static void remember(String user, String password) {
		if (password != null && password.length() >= MIN_VALUE_LENGTH && !password.equals(user)) {
			KNOWN.add(password);
		}
	}

	/**
	 * Masks every secret in a text.
	 * @param text the text, may be {@code null}
	 * @return the text without secrets
	 */
	static String mask(String text) {
		if (text == null) {
			return null;
		}
		String result = maskKnown(text);
		result = maskUserInfo(result);
		result = replaceValue(PASSWORD_PARAMETER, result);
		return replaceValue(YAML_PASSWORD, result);
	}

	private static String maskKnown(String text) {
		String result = text;
		for (String secret : KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			if (result.contains(secret)) {
				Pattern word = PATTERNS.computeIfAbsent(secret,
						(key) -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}])"));
				result = word.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
			}
		}
		return result;
	}

	/**
	 * Masks the password in the user info of every URL on each line: from the first
	 * {@code :} after {@code ://} to the last {@code @} of the line.
	 */
	private static String maskUserInfo(String text) {
		StringBuilder result = new StringBuilder(text.length());
		int position = 0;
		while (position < text.length()) {
			int scheme = text.indexOf("://", position);
			if (scheme < 0) {
				break;
			}
			int start = scheme + 3;
			int lineEnd = lineEnd(text, start);
			int at = text.lastIndexOf('@', lineEnd - 1);
			if (at < start) {
				result.append(text, position, lineEnd);
				position = lineEnd;
				continue;
			}
			int colon = text.indexOf(':', start);
			result.append(text, position, start);
			if (colon >= 0 && colon < at) {
				result.append(text, start, colon + 1).append(MASK);
			}
			else {
				result.append(text, start, at);
			}
			position = at;
		}
		result.append(text, Math.min(position, text.length()), text.length());
		return result.toString();
	}

	private static int lineEnd(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return i;
			}
		}
		return text.length();
	}

	private static String replaceValue(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = matcher.group(2);
			// an already masked value keeps the text that follows it on the line
			String replacement = (value.isEmpty() || value.startsWith(MASK)) ? value : MASK;
			matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
