/**
 * The course: which exercises exist, their packages and classes, and every graded test with its
 * points, hint and time limit. Written once at build time by {@link lockstep.engine.catalog.CatalogBuilder},
 * read by the grader from its class path with {@link lockstep.engine.catalog.Catalog#load()}.
 */
package lockstep.engine.catalog;
