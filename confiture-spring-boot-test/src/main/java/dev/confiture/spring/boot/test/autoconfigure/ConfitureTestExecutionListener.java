package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.transaction.TransactionalTestExecutionListener;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;

/**
 * {@link TestExecutionListener} that gives each test class (or test method) of an
 * {@link AutoConfigureConfiture @AutoConfigureConfiture} test its own database, following the
 * {@link Refresh refresh} policy. Runs before the {@link TransactionalTestExecutionListener}, so
 * that a test transaction starts on the test's database.
 */
class ConfitureTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 3900;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		ConfitureTestDataSource dataSource = (refresh != null) ? dataSource(testContext, true) : null;
		if (dataSource == null) {
			return;
		}
		switch (refresh) {
			case AFTER_CLASS -> dataSource.bind(dataSource.open(testContext.getTestClass()));
			case NEVER -> dataSource.bind(dataSource.shared());
			case AFTER_EACH_TEST -> dataSource.unbind();
		}
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		ConfitureTestDataSource dataSource = (refresh != null) ? dataSource(testContext, true) : null;
		if (dataSource == null) {
			return;
		}
		switch (refresh) {
			case AFTER_CLASS -> dataSource.bind(dataSource.scope(testContext.getTestClass()));
			case NEVER -> dataSource.bind(dataSource.shared());
			case AFTER_EACH_TEST -> dataSource.bind(dataSource.openUnscoped());
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		ConfitureTestDataSource dataSource = (refresh != null) ? dataSource(testContext, false) : null;
		if (dataSource == null) {
			return;
		}
		if (refresh == Refresh.AFTER_EACH_TEST) {
			ConfitureTestDataSource.Database database = dataSource.bound();
			dataSource.unbind();
			if (database != null) {
				dataSource.drop(database);
			}
		}
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		Refresh refresh = refresh(testContext);
		ConfitureTestDataSource dataSource = (refresh != null) ? dataSource(testContext, false) : null;
		if (dataSource == null) {
			return;
		}
		dataSource.unbind();
		if (refresh == Refresh.AFTER_CLASS) {
			dataSource.close(testContext.getTestClass());
		}
	}

	private static Refresh refresh(TestContext testContext) {
		AutoConfigureConfiture annotation = TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureConfiture.class);
		return (annotation != null) ? annotation.refresh() : null;
	}

	private static ConfitureTestDataSource dataSource(TestContext testContext, boolean load) {
		if (!load && !testContext.hasApplicationContext()) {
			return null;
		}
		return testContext.getApplicationContext().getBeanProvider(ConfitureTestDataSource.class).getIfAvailable();
	}

}
