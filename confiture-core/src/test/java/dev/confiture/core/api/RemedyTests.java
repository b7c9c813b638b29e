package dev.confiture.core.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy.Kind;
import dev.confiture.core.api.Remedy.Setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RemedyTests {

	@Test
	void parametersKeepTheirOrderAndMissingOnesAreEmpty() {
		Remedy remedy = Remedy.of(Kind.RERUN, "before", "Fix x.sql and ", "operation", "up");
		assertThat(remedy.parameters()).containsExactly(Map.entry("before", "Fix x.sql and "),
				Map.entry("operation", "up"));
		assertThat(remedy.get("after")).isEmpty();
		assertThat(remedy).isEqualTo(Remedy.of(Kind.RERUN, "before", "Fix x.sql and ", "operation", "up"));
	}

	@Test
	void namesAndValuesMustAlternate() {
		assertThatIllegalArgumentException().isThrownBy(() -> Remedy.of(Kind.RERUN, "before"));
	}

	@Test
	void passNamesItsSetting() {
		Remedy remedy = Remedy.pass(Setting.ENVIRONMENT, null, "Pass ", " with one of the available names");
		assertThat(remedy.kind()).isEqualTo(Kind.PASS);
		assertThat(remedy.setting()).isEqualTo(Setting.ENVIRONMENT);
		assertThat(remedy.get("value")).isEmpty();
	}

	@Test
	void aFailureCarriesEitherAHintOrARemedy() {
		ConfitureException remedied = new ConfitureException(Category.LOCK, "Held", Remedy.of(Kind.LOCK_HELD));
		assertThat(remedied.remedy().kind()).isEqualTo(Kind.LOCK_HELD);
		assertThat(remedied.hint()).isNull();
		ConfitureException hinted = new ConfitureException(Category.CONFIG, "Bad", "Fix it");
		assertThat(hinted.remedy()).isNull();
		assertThat(hinted.hint()).isEqualTo("Fix it");
	}

}
