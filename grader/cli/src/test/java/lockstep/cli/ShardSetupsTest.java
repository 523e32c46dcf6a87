package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The two ready setups for shards in {@code docs/batch/}, tested as far as a machine without
 * GitHub or Kubernetes allows: each parses as YAML and has the fields that make it work, and
 * its shell steps, run by bash with a stand-in {@code ./grade} that records its arguments, call
 * {@code ./grade batch --shard I/N} once for every I of N and then {@code ./grade merge}, with
 * command lines that this very CLI accepts.
 */
@Timeout(120)
class ShardSetupsTest {
    private static final Path DOCS = Path.of(System.getProperty("lockstep.repo", "../..")).resolve("docs/batch");
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void theGithubActionsWorkflowGradesEveryShardOfItsMatrixAndMergesThem() throws Exception {
        JsonNode flow = YAML.readTree(DOCS.resolve("github-actions.yml").toFile());
        JsonNode grade = flow.at("/jobs/grade");
        List<Integer> shards = StreamSupport.stream(grade.at("/strategy/matrix/shard").spliterator(), false).map(JsonNode::asInt).toList();
        assertThat(shards).isEqualTo(IntStream.rangeClosed(1, shards.size()).boxed().toList()).hasSizeGreaterThan(1);
        assertThat(grade.at("/strategy/fail-fast").asBoolean(true)).isFalse();
        JsonNode upload = step(grade, "actions/upload-artifact");
        assertThat(upload.at("/with/name").asText()).contains("${{ matrix.shard }}");
        JsonNode merge = flow.at("/jobs/merge");
        assertThat(merge.at("/needs").asText()).isEqualTo("grade");
        assertThat(step(merge, "actions/download-artifact").at("/with/pattern").asText()).isEqualTo("shard-*");

        List<String> calls = new ArrayList<>();
        for (int shard : shards) {
            String script = run(grade).replace("${{ matrix.shard }}", Integer.toString(shard))
                    .replace("${{ strategy.job-total }}", Integer.toString(shards.size()))
                    .replace("${{ inputs.submissions }}", flow.at("/on/workflow_dispatch/inputs/submissions/default").asText())
                    .replace("${{ inputs.exercises }}", "mutex");
            assertThat(script).doesNotContain("${{");
            assertThat(bash(script, Map.of(), 1)).as("status 1 (some submissions failed) still uploads the shard").isZero();
            assertThat(bash(script, Map.of(), 2)).as("bad usage stops").isNotZero();
            calls.add(lastCall());
        }
        assertBatchesOfEveryShard(calls, shards.size());
        assertThat(bash(run(merge), Map.of(), 0)).isZero();
        assertThat(command(lastCall()).getCommandName()).isEqualTo("merge");
    }

    @Test
    void theKubernetesIndexedJobGradesShardIndexPlusOneOfItsCompletionsAndTheMergeJobJoinsThem() throws Exception {
        JsonNode job = YAML.readTree(DOCS.resolve("kubernetes-grade-job.yaml").toFile());
        assertThat(job.at("/kind").asText()).isEqualTo("Job");
        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        int completions = job.at("/spec/completions").asInt();
        assertThat(completions).isGreaterThan(1);
        assertThat(job.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
        JsonNode container = job.at("/spec/template/spec/containers/0");
        String shards = StreamSupport.stream(container.at("/env").spliterator(), false)
                .filter(e -> e.at("/name").asText().equals("SHARDS")).findFirst().orElseThrow().at("/value").asText();
        assertThat(Integer.parseInt(shards)).as("SHARDS equals completions").isEqualTo(completions);
        String script = container.at("/args/0").asText();
        assertThat(script).contains("JOB_COMPLETION_INDEX");

        List<String> calls = new ArrayList<>();
        for (int index = 0; index < completions; index++) {
            Map<String, String> env = Map.of("JOB_COMPLETION_INDEX", Integer.toString(index), "SHARDS", shards);
            assertThat(bash(script, env, 1)).isZero();
            assertThat(bash(script, env, 2)).isNotZero();
            calls.add(lastCall());
        }
        assertBatchesOfEveryShard(calls, completions);

        JsonNode merge = YAML.readTree(DOCS.resolve("kubernetes-merge-job.yaml").toFile());
        assertThat(merge.at("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName").asText())
                .isEqualTo(job.at("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName").asText());
        assertThat(bash(merge.at("/spec/template/spec/containers/0/args/0").asText(), Map.of(), 0)).isZero();
        assertThat(command(lastCall()).getCommandName()).isEqualTo("merge");
    }

    /** Each call is a {@code batch} this CLI parses, and their shards are 1/N to N/N, each once. */
    private static void assertBatchesOfEveryShard(List<String> calls, int count) {
        List<String> seen = new ArrayList<>();
        for (String call : calls) {
            CommandLine batch = command(call);
            assertThat(batch.getCommandName()).isEqualTo("batch");
            seen.add(batch.getParseResult().matchedOptionValue("--shard", ""));
        }
        assertThat(seen).isEqualTo(IntStream.rangeClosed(1, count).mapToObj(i -> i + "/" + count).toList());
    }

    /** The subcommand that {@code ./grade}'s arguments (one per line) name, parsed by the real command line. */
    private static CommandLine command(String call) {
        CommandLine.ParseResult parsed = LockstepCommand.commandLine().parseArgs(call.lines().toArray(String[]::new));
        assertThat(parsed.hasSubcommand()).as(call).isTrue();
        return parsed.subcommand().commandSpec().commandLine();
    }

    private static JsonNode step(JsonNode job, String uses) {
        return StreamSupport.stream(job.at("/steps").spliterator(), false)
                .filter(s -> s.at("/uses").asText().startsWith(uses)).findFirst().orElseThrow(() -> new AssertionError("no " + uses));
    }

    private static String run(JsonNode job) {
        return StreamSupport.stream(job.at("/steps").spliterator(), false).map(s -> s.at("/run").asText(""))
                .filter(r -> r.contains("./grade")).findFirst().orElseThrow();
    }

    /** Runs {@code script} with bash in a folder whose {@code ./grade} records its arguments and exits with {@code status}. */
    private int bash(String script, Map<String, String> env, int status) throws IOException, InterruptedException {
        Path stub = dir.resolve("grade");
        Files.writeString(stub, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/call.txt\"\nexit " + status + "\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bash.txt").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private String lastCall() throws IOException {
        return Files.readString(dir.resolve("call.txt"));
    }
}
