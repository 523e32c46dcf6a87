/**
 * The course: which exercises exist, their packages and classes, and every graded test with its
 * points, hint and time limit. Written once at build time by {@link lockstep.engine.catalog.CatalogBuilder},
 * read by the grader from its class path with {@link lockstep.engine.catalog.Catalog#load()}. The
 * course is a folder per exercise ({@code exercises/<id>/}, with its solution and template folders):
 * {@link lockstep.engine.catalog.CourseLayout} checks them against each other at build time and
 * writes what is derived from them (the suites' module descriptor, the README's exercise table).
 */
package lockstep.engine.catalog;
