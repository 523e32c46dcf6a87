package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GitHub Classroom's repositories, cloned side by side as {@code <assignment>-<github-login>/}; the
 * login is the student's id. Recognised by a {@code .git} folder in some repository.
 *
 * <p>Everything rests on telling the assignment prefix from the logins. Without a roster it is what
 * every name shares up to a {@code -}. That goes wrong when a login holds a {@code -} and all the
 * logins share a start ({@code ann-lee} and {@code ann-smith}), or when a stray repository (the
 * starter code) shrinks what all names share, and with one repository alone there is nothing to
 * share, so its whole name is the id. With {@code --roster} the roster votes instead: every name
 * that ends in {@code -<id>} for a roster id proposes the rest as the prefix, and the prefix most
 * names propose wins (on a tie the shorter, so the longer login). A repository whose name does not
 * start with it (the starter code) keeps its whole name as its id.
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
        List<String> names = repos.stream().map(p -> p.getFileName().toString()).toList();
        Optional<String> voted = rosterPrefix(names, roster);
        String prefix = voted.orElseGet(() -> assignmentPrefix(names));
        List<Found> found = new ArrayList<>();
        for (Path repo : repos) {
            String name = repo.getFileName().toString();
            String login = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            String id = roster.find(login).map(RosterEntry::id).orElse(login); // the roster's spelling
            found.add(Found.whole(name, List.of(Student.of(id)), repo));
        }
        return new Discovered(Layout.GITHUB_CLASSROOM, found, skipped, List.of());
    }

    /**
     * The assignment prefix (ending in {@code -}) that the roster's ids point to: each name ending in
     * {@code -<id>} for a roster id (without regard to case) proposes what comes before the id; the
     * prefix most names propose, on a tie the shortest; empty when no name ends in a roster id.
     */
    static Optional<String> rosterPrefix(List<String> names, Roster roster) {
        Map<String, Integer> votes = new HashMap<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            Set<String> proposed = new HashSet<>();
            for (RosterEntry entry : roster.entries()) {
                String id = entry.id().toLowerCase(Locale.ROOT);
                if (lower.length() > id.length() + 1 && lower.endsWith("-" + id)) {
                    proposed.add(name.substring(0, name.length() - id.length()));
                }
            }
            proposed.forEach(prefix -> votes.merge(prefix, 1, Integer::sum));
        }
        return votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -e.getKey().length()))
                .map(Map.Entry::getKey);
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
