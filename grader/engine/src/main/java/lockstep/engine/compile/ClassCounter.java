package lockstep.engine.compile;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreeScanner;

/**
 * Counts the classes parsed sources declare: top-level, nested, local and anonymous (an enum
 * constant with a body too), each of which javac compiles to a class file of its own.
 */
final class ClassCounter extends TreeScanner<Void, Void> {
    private int count;

    /** Adds {@code unit}'s classes; returns the count so far. */
    int add(CompilationUnitTree unit) {
        scan(unit, null);
        return count;
    }

    int count() {
        return count;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
        count++;
        return super.visitClass(tree, unused);
    }
}
