package dev.confiture.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineIndexTests {

	@Test
	void countsLfCrlfAndLoneCr() {
		String text = "a\nb\r\nc\rd\n\ne";
		LineIndex lines = new LineIndex(text);
		assertThat(lines.lineAt(text.indexOf('a'))).isEqualTo(1);
		assertThat(lines.lineAt(text.indexOf('\n'))).isEqualTo(1);
		assertThat(lines.lineAt(text.indexOf('b'))).isEqualTo(2);
		assertThat(lines.lineAt(text.indexOf('\r'))).isEqualTo(2);
		assertThat(lines.lineAt(text.indexOf('c'))).isEqualTo(3);
		assertThat(lines.lineAt(text.indexOf('d'))).isEqualTo(4);
		assertThat(lines.lineAt(text.indexOf('e'))).isEqualTo(6);
		assertThat(lines.lineAt(text.length())).isEqualTo(6);
	}

	@Test
	void manyLines() {
		LineIndex lines = new LineIndex("x\n".repeat(1000));
		assertThat(lines.lineAt(0)).isEqualTo(1);
		assertThat(lines.lineAt(2 * 499)).isEqualTo(500);
		assertThat(lines.lineAt(2 * 1000)).isEqualTo(1001);
	}

}
