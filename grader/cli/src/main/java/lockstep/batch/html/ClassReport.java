package lockstep.batch.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import lockstep.batch.output.AtomicFiles;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.Scores;
import lockstep.batch.output.StudentFiles;
import lockstep.batch.output.Summary;
import lockstep.batch.output.Verdict;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code report.html}: the page an instructor opens after a batch (or a merge). One file that
 * needs nothing else, not even the network: the score distribution of the total and of each
 * exercise as inline SVG, the tests most students fail with their messages grouped and counted,
 * the submissions that were not graded or that tripped containment, and every student with a
 * link to their feedback.
 *
 * <p>It is built from the {@link Summary} that {@code summary.json} holds and from each graded
 * student's {@code results.json}, so its numbers are the summary's. Learner text (ids, names, file
 * names, messages) is hostile: the page is built as a jsoup DOM, where text is always text and
 * escaped when written, and its Content-Security-Policy lets no script run and nothing load.
 */
public final class ClassReport {
    /** Its name in the batch's folder. */
    public static final String FILE = "report.html";
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final List<ExerciseStatus> STATUSES = List.of(ExerciseStatus.values());

    private ClassReport() {}

    /** Writes the report of {@code summary} atomically, reading each graded student's results from {@code files}. */
    public static void write(Summary summary, StudentFiles files, Path file) throws IOException {
        AtomicFiles.write(file, html(summary, id -> results(files, id)));
    }

    /**
     * The report as HTML text.
     *
     * @param results a graded student's native results by id; empty when they cannot be read
     */
    public static String html(Summary summary, Function<String, Optional<GradeReport>> results) {
        Findings findings = Findings.of(summary, results);
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", POLICY);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text("Lockstep class report" + (summary.shard() == null ? "" : " (shard " + summary.shard() + ")"));
        head.appendElement("style").appendChild(new DataNode(Style.CSS));
        Element body = doc.body();
        header(body, summary);
        scores(body.appendElement("section").id("scores"), summary, findings);
        Sections.failing(body.appendElement("section").id("failing"), findings);
        Sections.flags(body.appendElement("section").id("flags"), findings);
        Sections.students(body.appendElement("section").id("students"), summary);
        Sections.download(body.appendElement("section").id("download"), summary, findings);
        return "<!DOCTYPE html>\n" + doc.html() + "\n";
    }

    private static Optional<GradeReport> results(StudentFiles files, String id) {
        Path file = files.folder(id).resolve(StudentFiles.RESULTS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonReport.read(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void header(Element body, Summary summary) {
        body.appendElement("h1").text("Lockstep class report");
        Element meta = body.appendElement("p").addClass("meta");
        meta.appendText("Submissions: ").appendElement("code").text(String.valueOf(summary.submissions()));
        meta.appendText(" (" + summary.layout() + "); grader " + summary.graderVersion() + "; written ");
        meta.appendElement("time").attr("datetime", String.valueOf(summary.writtenAt())).text(String.valueOf(summary.writtenAt()));
        meta.appendText(".");
        if (summary.shard() != null) {
            body.appendElement("p").addClass("shard").text("Shard " + summary.shard() + ": only this shard's students. "
                    + "./grade merge joins every shard's folder into the report of the whole class.");
        }
        Summary.Totals totals = summary.totals();
        Element list = body.appendElement("ul").addClass("totals");
        total(list, "students", totals.students(), "students");
        total(list, "graded", totals.graded(), "graded");
        total(list, "unreadable", totals.unreadable(), "unreadable (graded as nothing)");
        total(list, "failed", totals.failed(), "the grader failed");
        total(list, "no-submission", totals.noSubmission(), "no submission");
        list.appendElement("li").attr("data-total", "mean").appendText("mean ")
                .appendElement("b").text(totals.meanPercent() == null ? "-" : Scores.plain(totals.meanPercent()) + " %");
    }

    private static void total(Element list, String key, int count, String what) {
        Element item = list.appendElement("li").attr("data-total", key);
        item.appendElement("b").text(Integer.toString(count));
        item.appendText(" " + what);
    }

    private static void scores(Element section, Summary summary, Findings findings) {
        section.appendElement("h2").text("Scores");
        int scored = findings.overall().total();
        String population = scored + (scored == 1 ? " student" : " students") + " with a score"
                + (findings.unscored() == 0 ? "" : "; " + findings.unscored() + " without (the grader failed on them)");
        Element overall = section.appendElement("figure").addClass("chart").addClass("overall").attr("data-chart", "overall");
        BarChart.append(overall, findings.overall(), "Total: students per score bin");
        overall.appendElement("figcaption").text("Total, out of " + Scores.plain(summary.totals().maxScore()) + " points: "
                + population + ".");
        Element grid = section.appendElement("div").addClass("grid");
        for (ExerciseColumn e : summary.exercises()) {
            Element figure = grid.appendElement("figure").addClass("chart").addClass("exercise")
                    .attr("data-chart", "exercise").attr("data-exercise", e.id());
            BarChart.append(figure, findings.exercises().get(e.id()), e.id() + ": students per score bin");
            figure.appendElement("figcaption").appendElement("b").text(e.id());
            figure.selectFirst("figcaption").appendText(", out of " + Scores.plain(e.maxScore()) + " points");
        }
        Element table = section.appendElement("table").addClass("exercises");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("exercise");
        head.appendElement("th").addClass("num").text("points");
        head.appendElement("th").addClass("num").text("mean");
        STATUSES.forEach(s -> head.appendElement("th").addClass("num").text(s.json()));
        Element rows = table.appendElement("tbody");
        for (ExerciseColumn e : summary.exercises()) {
            Element tr = rows.appendElement("tr").attr("data-exercise", e.id());
            tr.appendElement("td").text(e.id() + " (" + e.title() + ")");
            tr.appendElement("td").addClass("num").text(Scores.plain(e.maxScore()));
            tr.appendElement("td").addClass("num").text(mean(summary, e.id()));
            Map<ExerciseStatus, Integer> counts = findings.statuses().getOrDefault(e.id(), Map.of());
            STATUSES.forEach(s -> tr.appendElement("td").addClass("num").attr("data-status", s.json())
                    .text(Integer.toString(counts.getOrDefault(s, 0))));
        }
    }

    /** The mean points of an exercise over the students with a score. */
    private static String mean(Summary summary, String exercise) {
        List<Summary.Row> scored = summary.students().stream().filter(r -> r.percent() != null).toList();
        if (scored.isEmpty()) {
            return "-";
        }
        double sum = scored.stream().mapToDouble(r -> r.exercises().getOrDefault(exercise, 0.0)).sum();
        return Scores.plain(sum / scored.size());
    }

    /** The link from the report to a student's feedback; none for a student without a submission. */
    static Optional<String> feedback(Summary.Row row) {
        return row.status() == Verdict.NO_SUBMISSION ? Optional.empty()
                : Optional.of(StudentFiles.relativeFolder(row.id()) + "/" + StudentFiles.FEEDBACK);
    }
}
