package dev.confiture.core.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Finds {@link JavaMigration} classes directly in a package (not in its sub-packages), in
 * class directories and jars alike, and instantiates them through their public
 * no-argument constructor.
 */
final class JavaMigrationScanner {

	private JavaMigrationScanner() {
	}

	/**
	 * Scans a package.
	 * @param packageName the package, such as {@code com.example.db.migration}
	 * @param classLoader the class loader to search
	 * @param problems receives one message per class that cannot be used
	 * @return the migrations, ordered by class name
	 */
	static List<JavaMigration> scan(String packageName, ClassLoader classLoader, List<String> problems) {
		String path = packageName.replace('.', '/');
		TreeSet<String> classNames = new TreeSet<>();
		try {
			Enumeration<URL> resources = classLoader.getResources(path);
			while (resources.hasMoreElements()) {
				collect(resources.nextElement(), path, classNames);
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG,
					"Could not scan package " + packageName + " for Java migrations: " + ex.getMessage(),
					"Check the classpath", ex);
		}
		List<JavaMigration> migrations = new ArrayList<>();
		for (String className : classNames) {
			JavaMigration migration = instantiate(className, classLoader, problems);
			if (migration != null) {
				migrations.add(migration);
			}
		}
		return migrations;
	}

	private static void collect(URL url, String path, TreeSet<String> classNames) throws IOException {
		if ("file".equals(url.getProtocol())) {
			Path directory;
			try {
				directory = Path.of(url.toURI());
			}
			catch (URISyntaxException ex) {
				directory = Path.of(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8));
			}
			try (Stream<Path> files = Files.list(directory)) {
				files.map((file) -> file.getFileName().toString())
					.filter(JavaMigrationScanner::isTopLevelClass)
					.forEach((file) -> classNames.add(toClassName(path + "/" + file)));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			return;
		}
		URLConnection connection = url.openConnection();
		if (connection instanceof JarURLConnection jarConnection) {
			jarConnection.setUseCaches(false);
			try (JarFile jar = jarConnection.getJarFile()) {
				Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					String name = entries.nextElement().getName();
					if (name.startsWith(path + "/") && name.indexOf('/', path.length() + 1) < 0
							&& isTopLevelClass(name.substring(path.length() + 1))) {
						classNames.add(toClassName(name));
					}
				}
			}
		}
	}

	private static boolean isTopLevelClass(String fileName) {
		return fileName.endsWith(".class") && fileName.indexOf('$') < 0 && !fileName.equals("package-info.class")
				&& !fileName.equals("module-info.class");
	}

	private static String toClassName(String resource) {
		return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
	}

	private static JavaMigration instantiate(String className, ClassLoader classLoader, List<String> problems) {
		Class<?> type;
		try {
			type = Class.forName(className, false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
		if (!JavaMigration.class.isAssignableFrom(type) || type.isInterface()
				|| Modifier.isAbstract(type.getModifiers())) {
			return null;
		}
		try {
			Constructor<?> constructor = type.getConstructor();
			return (JavaMigration) constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			problems.add(className + ": a Java migration found on the classpath needs a public no-argument constructor "
					+ "(or register the instance directly)");
		}
		catch (InvocationTargetException ex) {
			problems.add(className + ": constructor failed: " + ex.getTargetException());
		}
		catch (ReflectiveOperationException ex) {
			problems.add(className + ": cannot be instantiated (" + ex + "); make it a public class");
		}
		return null;
	}

}
