package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's layout section matches the packages as they are: it names every package that has a
 * {@code package-info.java} (by its full name, or by its last part beside its parent), and every
 * package and class it names exists.
 */
class ReadmeLayoutTest {
    private static final Path REPO = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath().normalize();
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** The layout section: from the line that starts with {@code Layout:} to the next blank line. */
    private static String layout() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int start = readme.indexOf("\nLayout:");
        assertThat(start).as("a paragraph starting with 'Layout:' in the README").isNotNegative();
        int end = readme.indexOf("\n\n", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static Set<String> named(String text) {
        Set<String> named = new TreeSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            named.add(m.group(1));
        }
        return named;
    }

    /** Every main source folder's packages that have a {@code package-info.java}, by full name. */
    private static List<String> packages() throws IOException {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("grader"))) {
            files.filter(p -> p.getFileName().toString().equals("package-info.java") && p.toString().contains("/src/main/java/"))
                    .forEach(p -> {
                        String path = p.getParent().toString();
                        packages.add(path.substring(path.indexOf("/src/main/java/") + "/src/main/java/".length()).replace('/', '.'));
                    });
        }
        return packages;
    }

    @Test
    void theLayoutNamesEveryPackage() throws IOException {
        Set<String> named = named(layout());
        List<String> packages = packages();

        assertThat(packages).as("packages found under %s", REPO).hasSizeGreaterThan(20);
        assertThat(packages).allSatisfy(p -> assertThat(named.contains(p) || named.contains(p.substring(p.lastIndexOf('.') + 1)))
                .as("the README's layout section names `%s`", p).isTrue());
    }

    @Test
    void everyPackageAndClassTheLayoutNamesExists() throws IOException {
        Set<String> named = named(layout());
        List<String> packages = packages();
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("grader"))) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/") && !p.toString().contains("/resources/"))
                    .forEach(p -> classes.add(p.getFileName().toString().replace(".java", "")));
        }

        assertThat(named).filteredOn(n -> n.startsWith("lockstep.")).allSatisfy(n -> assertThat(packages).contains(n));
        assertThat(named).filteredOn(n -> n.matches("[A-Z][A-Za-z]+")).isNotEmpty().allSatisfy(n -> assertThat(classes).contains(n));
    }
}
