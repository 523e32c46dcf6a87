package lockstep.cli;

import picocli.CommandLine;

/** Every exit status of {@code ./grade}, in one place. */
enum ExitCode {
    /** Grading completed, whatever the score. */
    OK(0),
    /** The grader itself failed: a bug or a broken installation, never the learner's code. */
    GRADER_FAILED(1),
    /** The command line was wrong, or the submission could not be read. */
    USAGE(2),
    /** Grading completed, but the score is under {@code --fail-under}. */
    BELOW_THRESHOLD(3),
    /** {@code ./grade verify}: a subject missed what it must earn, or a test's verdict differed between runs. */
    VERIFY_FAILED(4);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** Maps exceptions escaping a command to an exit status. */
    static final class Mapper implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable exception) {
            return exception instanceof UsageException || exception instanceof CommandLine.ParameterException
                    ? USAGE.code : GRADER_FAILED.code;
        }
    }

    /** A problem with what the user asked for, said in plain words. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
