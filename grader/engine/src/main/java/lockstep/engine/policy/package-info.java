/**
 * The static policy: before any learner code runs, every compiled learner class is read with ASM
 * and what it does is checked against the rules in {@link lockstep.engine.policy.Rules}: every
 * field and method it uses (judged on the JDK class that declares it, through any subclass), every
 * {@code MethodHandles.Lookup.find...} (on the class and name it finds, written literally), method
 * handles, dynamic constants and invokedynamic bootstraps. Types merely named (in descriptors,
 * signatures, casts, catches, annotations) reach nothing and are refused only for the grader's own
 * classes and the JDK's internals. A class outside the exercise's package, or a module-info, is
 * refused too. A violation rejects the exercise with the call, its source line, why, and what to
 * write instead.
 */
package lockstep.engine.policy;
