/**
 * The static policy: before any learner code runs, every compiled learner class is read with ASM
 * and every API it reaches (calls, fields, types, descriptors and generic signatures, annotations,
 * caught types, class literals, method handles, dynamic constants and invokedynamic bootstrap
 * arguments) is checked against the rules in {@link lockstep.engine.policy.Rules}; a class outside
 * the exercise's package, or a module-info, is refused too. A violation rejects the exercise with
 * the call and its source line named.
 */
package lockstep.engine.policy;
