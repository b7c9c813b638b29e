package dev.confiture.spring.boot.test.autoconfigure;

/**
 * The ready-made check on this module's own test project, whose schema files and
 * migrations agree.
 */
class MigrationsAgreementTests extends AbstractMigrationsAgreementTests {

}
