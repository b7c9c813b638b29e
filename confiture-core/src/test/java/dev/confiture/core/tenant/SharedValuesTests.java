package dev.confiture.core.tenant;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a fleet run keeps once for many tenants: equal values are one instance, and a
 * shared list can be changed neither by its users nor through the list it was made from.
 */
class SharedValuesTests {

	@Test
	void equalListsAreOneUnmodifiableInstanceIndependentOfTheirSource() {
		SharedValues shared = new SharedValues();
		List<String> source = new ArrayList<>(List.of(new String("002"), new String("003")));
		List<String> first = shared.list(source);
		List<String> second = shared.list(List.of(new String("002"), new String("003")));
		source.add("004");
		assertThat(first).containsExactly("002", "003").isSameAs(second);
		assertThat(first.get(0)).isSameAs(shared.string(new String("002")));
		assertThat(shared.list(List.of("002"))).containsExactly("002");
		assertThat(shared.list(new ArrayList<>())).isEmpty();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> first.add("005"));
		assertThat(shared.string(null)).isNull();
	}

}
