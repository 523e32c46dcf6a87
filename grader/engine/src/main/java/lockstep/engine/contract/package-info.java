/**
 * Whether a compiled submission keeps the exercise's public API ({@link lockstep.engine.contract.ContractCheck}),
 * read from the class files with ASM after a successful compile and before the tests run: the suites
 * are compiled against the templates' classes, so a changed signature is said once, as the exact
 * difference, rather than as a linkage error in every test that uses it.
 */
package lockstep.engine.contract;
