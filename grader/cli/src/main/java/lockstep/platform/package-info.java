/**
 * Lockstep on course platforms: what {@code ./grade package} builds from the files under
 * {@code platforms/} of the repository and the assembled installation. {@link lockstep.platform.Bundle}
 * lists the files a platform needs to run {@code ./grade} (the script and the jars, laid out as in
 * the repository); {@link lockstep.platform.GradescopePackage} writes Gradescope's
 * {@code autograder.zip} from them. PrairieLearn's image, GitHub Classroom's workflow and Moodle
 * VPL's scripts are files under {@code platforms/} that need no packaging.
 */
package lockstep.platform;
