package lockstep.batch.html;

import java.util.Optional;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.Scores;
import lockstep.batch.output.Summary;
import org.jsoup.nodes.Element;

/** The report's tables: the failing tests, what needs a look, every student, and what the download left out. */
final class Sections {
    private Sections() {}

    static void failing(Element section, Findings findings) {
        section.appendElement("h2").text("Tests most students fail");
        if (findings.failing().isEmpty()) {
            section.appendElement("p").addClass("none").text("No test failed.");
            return;
        }
        section.appendElement("p").addClass("note").text("Failed, errored or timed out, per student; messages grouped "
                + "by their first line, numbers aside. Compile errors and rejected exercises run no test: see the exercise table.");
        Element table = section.appendElement("table").addClass("failing");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text("test");
        head.appendElement("th").text("students");
        head.appendElement("th").text("messages");
        Element rows = table.appendElement("tbody");
        for (Findings.FailingTest test : findings.failing()) {
            Element tr = rows.appendElement("tr").attr("data-test", test.exercise() + "/" + test.id())
                    .attr("data-students", Integer.toString(test.students()));
            Element name = tr.appendElement("td");
            name.appendElement("code").text(test.id());
            name.appendElement("div").addClass("sub").text(test.exercise() + ": " + test.name());
            Element count = tr.appendElement("td").addClass("num");
            count.appendText(test.students() + " of " + test.ran());
            int percent = test.ran() == 0 ? 0 : (int) Math.round(test.students() * 100.0 / test.ran());
            count.appendElement("div").addClass("meter").appendElement("span").attr("style", "width:" + percent + "%");
            Element messages = tr.appendElement("td").appendElement("ul").addClass("messages");
            for (Findings.MessageGroup group : test.messages()) {
                Element item = messages.appendElement("li").attr("data-count", Integer.toString(group.students()));
                item.appendElement("span").addClass("times").text(group.students() + "×");
                item.appendElement("code").text(group.message().isEmpty() ? "(no message)" : group.message());
            }
            if (test.otherMessages() > 0) {
                messages.appendElement("li").addClass("more").text("and " + test.otherMessages() + " other messages");
            }
        }
    }

    static void flags(Element section, Findings findings) {
        section.appendElement("h2").text("Needs a look: not graded, or tripped containment");
        if (findings.flags().isEmpty()) {
            section.appendElement("p").addClass("none")
                    .text("Nothing: every submission was graded, and none tripped containment.");
            return;
        }
        Element table = section.appendElement("table").addClass("flags");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String title : new String[] {"student", "what", "exercise", "the grader's words"}) {
            head.appendElement("th").text(title);
        }
        Element rows = table.appendElement("tbody");
        for (Findings.Flag flag : findings.flags()) {
            Element tr = rows.appendElement("tr").attr("data-kind", flag.kind());
            tr.appendElement("td").appendElement("a").attr("href", "#student-" + anchor(flag.student())).text(flag.student());
            tr.appendElement("td").appendElement("span").addClass("kind").text(flag.kind());
            tr.appendElement("td").text(flag.exercise() == null ? "" : flag.exercise());
            tr.appendElement("td").appendElement("code").text(flag.detail() == null ? "" : Findings.firstLine(flag.detail()));
        }
    }

    static void students(Element section, Summary summary) {
        section.appendElement("h2").text("Students");
        Element table = section.appendElement("table").addClass("students");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String title : new String[] {"id", "name", "status"}) {
            head.appendElement("th").text(title);
        }
        head.appendElement("th").addClass("num").text("score");
        head.appendElement("th").addClass("num").text("%");
        summary.exercises().forEach(e -> head.appendElement("th").addClass("num").text(e.id()));
        head.appendElement("th").text("submission");
        Element rows = table.appendElement("tbody");
        for (Summary.Row row : summary.students()) {
            Element tr = rows.appendElement("tr").id("student-" + anchor(row.id())).attr("data-status", row.status().json());
            Element id = tr.appendElement("td");
            Optional<String> link = ClassReport.feedback(row);
            if (link.isPresent()) {
                id.appendElement("a").attr("href", link.get()).addClass("feedback").text(row.id());
            } else {
                id.text(row.id());
            }
            tr.appendElement("td").text(row.name() == null ? "" : row.name());
            Element status = tr.appendElement("td");
            status.appendElement("span").addClass("status").addClass(row.status().json()).text(row.status().json());
            if (row.reason() != null) {
                status.attr("title", Findings.firstLine(row.reason()));
            }
            tr.appendElement("td").addClass("num").text(row.score() == null ? "-"
                    : Scores.plain(row.score()) + " / " + Scores.plain(row.maxScore()));
            tr.appendElement("td").addClass("num").text(row.percent() == null ? "-" : Scores.plain(row.percent()));
            for (ExerciseColumn e : summary.exercises()) {
                Double points = row.exercises().get(e.id());
                tr.appendElement("td").addClass("num").text(points == null ? "-" : Scores.plain(points));
            }
            tr.appendElement("td").appendElement("code").text(row.submission() == null ? "" : row.submission());
        }
    }

    static void download(Element section, Summary summary, Findings findings) {
        if (summary.skipped().isEmpty() && summary.notes().isEmpty() && findings.unreadableResults().isEmpty()) {
            section.remove();
            return;
        }
        section.appendElement("h2").text("The download");
        Element list = section.appendElement("ul").addClass("notes");
        summary.skipped().forEach(s -> {
            Element item = list.appendElement("li").addClass("skipped");
            item.appendText("left out ").appendElement("code").text(s.path());
            item.appendText(": " + s.reason());
        });
        summary.notes().forEach(n -> list.appendElement("li").addClass("note").text(n));
        findings.unreadableResults().forEach(id -> list.appendElement("li").addClass("note")
                .text(id + " is graded, but their results.json cannot be read: their tests are not counted above."));
    }

    /** An anchor for a student's row: their id made a safe fragment, as their folder's name is. */
    static String anchor(String id) {
        return lockstep.batch.output.StudentFiles.relativeFolder(id).substring("students/".length());
    }
}
