/**
 * Finding the submissions in the downloads instructors bring: one folder or zip per student,
 * Gradescope's export, GitHub Classroom's repositories, Moodle's and Canvas's downloads (one
 * reader per {@link lockstep.batch.discover.Layout}), and the course's
 * {@link lockstep.batch.discover.Roster}. Nothing here grades or writes.
 */
package lockstep.batch.discover;
