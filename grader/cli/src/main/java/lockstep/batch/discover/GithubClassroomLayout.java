package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * GitHub Classroom's repositories, cloned side by side as {@code <assignment>-<github-login>/}.
 * The assignment prefix is what every repository's name shares up to a {@code -}; the rest is the
 * login, the student's id. Recognised by a {@code .git} folder in some repository. With one
 * repository alone no prefix can be told from a login, so its whole name is the id.
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
            found.add(Found.whole(name, List.of(Student.of(name.substring(prefix.length()))), repo));
        }
        return new Discovered(Layout.GITHUB_CLASSROOM, found, skipped, List.of());
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
