package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GitHub Classroom's repositories, cloned side by side as {@code <assignment>-<github-login>/}.
 * The assignment prefix is what every repository's name shares up to a {@code -}; the rest is the
 * login, the student's id. Recognised by a {@code .git} folder in some repository. A login may hold
 * a {@code -} itself, and a stray repository (the starter code, a test) shortens the shared prefix,
 * so with {@code --roster} a name that ends in {@code -<id>} for a roster id takes that id (the
 * longest such); only the others fall back on the prefix. With one repository alone and no roster
 * no prefix can be told from a login, so its whole name is the id.
 */
final class GithubClassroomLayout implements LayoutReader {
    @Override
    public boolean recognises(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Entries::isFolder).anyMatch(p -> Files.isDirectory(p.resolve(".git")));
        }
    }

    @Override
    public Discovered read(Path root) throws IOException {
        return read(root, Roster.empty());
    }

    @Override
    public Discovered read(Path root, Roster roster) throws IOException {
        List<Skipped> skipped = new ArrayList<>();
        List<Path> repos = new ArrayList<>();
        for (Path entry : Entries.list(root, root, skipped)) {
            if (Entries.isFolder(entry)) {
                repos.add(entry);
            } else {
                skipped.add(new Skipped(entry.getFileName().toString(), "not a repository folder"));
            }
        }
        String prefix = assignmentPrefix(repos.stream().map(p -> p.getFileName().toString()).toList());
        List<Found> found = new ArrayList<>();
        for (Path repo : repos) {
            String name = repo.getFileName().toString();
            String login = rosterId(name, roster).orElse(name.substring(prefix.length()));
            found.add(Found.whole(name, List.of(Student.of(login)), repo));
        }
        return new Discovered(Layout.GITHUB_CLASSROOM, found, skipped, List.of());
    }

    /**
     * The roster id a repository is named after: the longest id that the name ends in after a
     * {@code -}, or that is the whole name, matched without regard to case.
     */
    static Optional<String> rosterId(String name, Roster roster) {
        String lower = name.toLowerCase(Locale.ROOT);
        return roster.entries().stream().map(RosterEntry::id)
                .filter(id -> {
                    String wanted = id.toLowerCase(Locale.ROOT);
                    return lower.equals(wanted) || lower.endsWith("-" + wanted);
                })
                .max(Comparator.comparingInt(String::length));
    }

    /**
     * The longest prefix ending in {@code -} that every name has and none is only; empty for fewer
     * than two names or none shared.
     */
    static String assignmentPrefix(List<String> names) {
        if (names.size() < 2) {
            return "";
        }
        String common = names.get(0);
        for (String name : names) {
            int i = 0;
            while (i < common.length() && i < name.length() && common.charAt(i) == name.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        String prefix = common.substring(0, common.lastIndexOf('-') + 1);
        String shared = prefix;
        return names.stream().anyMatch(n -> n.length() == shared.length()) ? "" : prefix;
    }
}
