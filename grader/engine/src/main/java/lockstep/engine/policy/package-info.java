/**
 * The static policy: before any learner code runs, every compiled learner class is read with ASM
 * and every API it reaches (calls, fields, types, method references and invokedynamic bootstrap
 * arguments) is checked against the rules in {@link lockstep.engine.policy.Rules}. A violation
 * rejects the exercise with the call and its source line named.
 */
package lockstep.engine.policy;
