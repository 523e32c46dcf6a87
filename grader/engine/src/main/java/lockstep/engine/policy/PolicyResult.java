package lockstep.engine.policy;

import java.util.List;

/** What the policy found in one exercise's learner classes; allowed when nothing. */
public record PolicyResult(List<Violation> violations) {
    public PolicyResult {
        violations = List.copyOf(violations);
    }

    public boolean allowed() {
        return violations.isEmpty();
    }
}
