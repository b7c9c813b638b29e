package dev.confiture.core.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObjectId}: parsed from PostgreSQL's identity text, built from the
 * catalog's records, the two agree and print the same text.
 */
class ObjectIdTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			table             | public.users                         | public     | users                  |
			materialized view | "My Schema"."Totals.2024"            | "My Schema" | "Totals.2024"         |
			table column      | public.users.id                      | public     | users                  | id
			table column      | "a.b"."c.d"."e.f"                    | "a.b"      | "c.d"                  | "e.f"
			table constraint  | users_pkey on public.users           | public     | users                  | users_pkey
			trigger           | "on x" on public."on y"              | public     | "on y"                 | "on x"
			policy            | own_rows on app.accounts             | app        | accounts               | own_rows
			function          | public.touch(integer, public.mood)   | public     | touch(integer, public.mood) |
			procedure         | "s.x".p()                            | "s.x"      | p()                    |
			schema            | app                                  |            | app                    |
			extension         | pgcrypto                             |            | pgcrypto               |
			comment on table column | public.users.id                | public     | users                  | id
			""")
	void parsesPostgresIdentityText(String kind, String identity, String schema, String name, String member) {
		ObjectId id = ObjectId.of(kind, identity);
		assertThat(id).isEqualTo(new ObjectId(kind, schema, name, member));
		assertThat(id.identity()).isEqualTo(identity);
		assertThat(id).hasToString(kind + " " + identity);
	}

	@Test
	void keepsAnIdentityItCannotSplitAsOneName() {
		ObjectId id = ObjectId.of("operator", "public.=(integer,integer)");
		assertThat(id).hasToString("operator public.=(integer,integer)");
		assertThat(id.schema()).isNull();
		assertThat(ObjectId.of("trigger", "\"unterminated on public.t"))
			.hasToString("trigger \"unterminated on public.t");
	}

	@Test
	void recordsBuildTheIdentitiesPostgresGives() {
		Table table = new Table("public.users", java.util.Map.of(), false, null, null, null, List.of(), false, false,
				List.of());
		assertThat(table.id()).isEqualTo(ObjectId.of("table", "public.users"));
		assertThat(table.columnId("\"Email\"")).isEqualTo(ObjectId.of("table column", "public.users.\"Email\""))
			.hasToString("table column public.users.\"Email\"");
		assertThat(table.columnId("id").table()).isEqualTo(table.id());
		assertThat(ObjectId.column("public.users.id")).isEqualTo(table.columnId("id"));
		assertThat(new Trigger("public.users", "audit", "", "O").id())
			.isEqualTo(ObjectId.of("trigger", "audit on public.users"));
		assertThat(new Constraint("public.users", "users_pkey", "p", "PRIMARY KEY (id)", true,
				ObjectId.of("index", "public.users_pkey"))
			.id()).hasToString("table constraint users_pkey on public.users");
		assertThat(new Routine("public.touch(integer)", false, "n integer", "integer", "").id())
			.isEqualTo(ObjectId.of("function", "public.touch(integer)"));
		assertThat(new Schema("app").id()).isEqualTo(ObjectId.of("schema", "app"));
		assertThat(new Extension("pgcrypto", "public", "1.3").id()).isEqualTo(ObjectId.of("extension", "pgcrypto"));
		assertThat(new Comment(table.columnId("id"), "COLUMN public.users.id", "key").id())
			.isEqualTo(ObjectId.of("comment on table column", "public.users.id"));
	}

	@Test
	void qualifiedNameIsTheTablesForMembers() {
		ObjectId id = ObjectId.of("policy", "own_rows on app.accounts");
		assertThat(id.qualifiedName()).isEqualTo("app.accounts");
		assertThat(id.table()).isEqualTo(ObjectId.of("table", "app.accounts"));
		assertThat(id.withKind("table column")).hasToString("table column app.accounts.own_rows");
	}

}
