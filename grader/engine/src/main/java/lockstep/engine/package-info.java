/**
 * The grading engine's entry point: {@link lockstep.engine.Grader} runs the pipeline
 * (submission → compile → policy → stubs → contract → run → score) for a {@link lockstep.engine.GradeRequest} and returns a
 * {@link lockstep.engine.result.GradeReport}; {@link lockstep.engine.Installation} says where the
 * test JVMs' class path is. One sub-package per stage.
 */
package lockstep.engine;
