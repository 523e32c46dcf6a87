/**
 * The results of grading, as plain records: what the JSON report holds and what every report
 * format reads. Public, stable API; versioned by {@link lockstep.engine.result.GradeReport#SCHEMA_VERSION}.
 */
package lockstep.engine.result;
