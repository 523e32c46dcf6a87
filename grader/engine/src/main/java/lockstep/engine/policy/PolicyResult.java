package lockstep.engine.policy;

import java.util.List;

/** What the policy found in one exercise's learner classes; allowed when nothing. */
public record PolicyResult(List<Violation> violations) {
    /** Nothing found (or nothing checked). */
    public static final PolicyResult ALLOWED = new PolicyResult(List.of());

    public PolicyResult {
        violations = List.copyOf(violations);
    }

    public boolean allowed() {
        return violations.isEmpty();
    }
}
