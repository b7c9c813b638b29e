package dev.confiture.core.coordinate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BranchNamesTests {

	@Test
	void slugIsSafeForGit() {
		assertThat(BranchNames.slug("user_profiles")).isEqualTo("user_profiles");
		assertThat(BranchNames.slug("User Profiles / v2")).isEqualTo("user_profiles_v2");
		assertThat(BranchNames.slug("..hidden..name..")).isEqualTo("hidden.name");
		assertThat(BranchNames.slug("Crème brûlée")).isEqualTo("cr_me_br_l_e");
		assertThat(BranchNames.slug("***")).isEqualTo("intent");
		assertThat(BranchNames.slug("x".repeat(100))).hasSize(60);
	}

}
