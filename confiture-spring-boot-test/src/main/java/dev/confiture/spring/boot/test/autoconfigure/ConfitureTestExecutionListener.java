package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.transaction.TransactionalTestExecutionListener;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;

/**
 * {@link TestExecutionListener} that gives each test class (or test method) of an
 * {@link AutoConfigureConfiture @AutoConfigureConfiture} test its own database, following
 * the {@link Refresh refresh} policy. Runs before the
 * {@link TransactionalTestExecutionListener}, so that a test transaction starts on the
 * test's database.
 */
class ConfitureTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 3900;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		for (ConfitureTestDataSource dataSource : dataSources(testContext, refresh, true)) {
			beforeTestClass(testContext, refresh, dataSource);
		}
	}

	private void beforeTestClass(TestContext testContext, Refresh refresh, ConfitureTestDataSource dataSource) {
		switch (refresh) {
			case AFTER_CLASS -> dataSource.bind(dataSource.open(testContext.getTestClass()));
			case NEVER -> dataSource.bind(dataSource.shared());
			case AFTER_EACH_TEST -> dataSource.unbind();
		}
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		for (ConfitureTestDataSource dataSource : dataSources(testContext, refresh, true)) {
			beforeTestMethod(testContext, refresh, dataSource);
		}
	}

	private void beforeTestMethod(TestContext testContext, Refresh refresh, ConfitureTestDataSource dataSource) {
		switch (refresh) {
			case AFTER_CLASS -> dataSource.bind(dataSource.scope(testContext.getTestClass()));
			case NEVER -> dataSource.bind(dataSource.shared());
			case AFTER_EACH_TEST -> dataSource.bind(dataSource.openUnscoped());
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		for (ConfitureTestDataSource dataSource : dataSources(testContext, refresh, false)) {
			afterTestMethod(refresh, dataSource);
		}
	}

	private void afterTestMethod(Refresh refresh, ConfitureTestDataSource dataSource) {
		if (refresh == Refresh.AFTER_EACH_TEST) {
			TestDatabase database = dataSource.bound();
			dataSource.unbind();
			if (database != null) {
				dataSource.drop(database);
			}
		}
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		for (ConfitureTestDataSource dataSource : dataSources(testContext, refresh, false)) {
			afterTestClass(testContext, refresh, dataSource);
		}
	}

	private void afterTestClass(TestContext testContext, Refresh refresh, ConfitureTestDataSource dataSource) {
		dataSource.unbind();
		if (refresh == Refresh.AFTER_CLASS) {
			dataSource.close(testContext.getTestClass());
		}
	}

	private static Refresh refresh(TestContext testContext) {
		AutoConfigureConfiture annotation = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureConfiture.class);
		return (annotation != null) ? annotation.refresh() : null;
	}

	/**
	 * The test data sources of the context: the main one and one per named target.
	 */
	private static java.util.Collection<ConfitureTestDataSource> dataSources(TestContext testContext, Refresh refresh,
			boolean load) {
		if (refresh == null || (!load && !testContext.hasApplicationContext())) {
			return java.util.List.of();
		}
		return testContext.getApplicationContext().getBeansOfType(ConfitureTestDataSource.class).values();
	}

}
