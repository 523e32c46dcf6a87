package lockstep.batch.discover;

import java.util.List;

/**
 * What a download holds: its layout, the submissions found in it and what was left out.
 *
 * @param notes what the batch noticed about the download as a whole (an unreadable metadata file, say)
 */
public record Discovered(Layout layout, List<Found> submissions, List<Skipped> skipped, List<String> notes) {
    public Discovered {
        submissions = List.copyOf(submissions);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }
}
