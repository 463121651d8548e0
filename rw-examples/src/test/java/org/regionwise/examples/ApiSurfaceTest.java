package org.regionwise.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of every module never shows an {@code internal} type: no public or protected method, constructor
 * or field of a public class outside an {@code internal} package has an {@code internal} type in its signature
 * (generic arguments included), and no such class extends or implements one. Every RegionWise class on the test
 * class path is scanned (this module depends on all the others).
 */
class ApiSurfaceTest {

    /** The internal types in the public signatures of {@code c}, as "member: type". */
    static List<String> leaks(Class<?> c) {
        List<String> out = new ArrayList<>();
        if (!Modifier.isPublic(c.getModifiers()) || c.getPackageName().contains(".internal")) return out;
        for (Method m : c.getDeclaredMethods()) {
            if (!exposed(m.getModifiers()) || m.isSynthetic()) continue;
            check(out, c.getName() + "." + m.getName() + " returns", m.getGenericReturnType());
            for (Type t : m.getGenericParameterTypes()) check(out, c.getName() + "." + m.getName() + " takes", t);
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (!exposed(k.getModifiers()) || k.isSynthetic()) continue;
            for (Type t : k.getGenericParameterTypes()) check(out, c.getName() + " constructor takes", t);
        }
        for (Field f : c.getDeclaredFields()) {
            if (exposed(f.getModifiers()) && !f.isSynthetic()) check(out, c.getName() + "." + f.getName(), f.getGenericType());
        }
        if (c.getGenericSuperclass() != null) check(out, c.getName() + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) check(out, c.getName() + " implements", t);
        return out;
    }

    private static boolean exposed(int modifiers) { return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers); }

    private static void check(List<String> out, String where, Type t) {
        if (t.getTypeName().matches(".*org\\.regionwise\\.[\\w.]*\\.internal\\..*")) out.add(where + " " + t.getTypeName());
    }

    /** A class that leaks on purpose, to show the scan finds what it looks for. */
    public static final class Leaky {
        public org.regionwise.training.internal.Checkpoints.State state() { return new org.regionwise.training.internal.Checkpoints.State(0, 0, 0); }

        public List<org.regionwise.examples.data.internal.Canvas> canvases() { return List.of(); }
    }

    @Test
    void theScanFindsALeakInAReturnTypeAndInAGenericArgument() {
        assertThat(leaks(Leaky.class)).hasSize(2).anyMatch(s -> s.contains("Checkpoints$State")).anyMatch(s -> s.contains("Canvas"));
    }

    @Test
    void noPublicTypeOfAnyModuleShowsAnInternalType() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            // main classes only: target/classes folders of the reactor and installed module jars, not test code
            if (Files.isDirectory(p) && p.getFileName().toString().equals("classes")) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.map(f -> p.relativize(f).toString().replace(File.separatorChar, '/')).forEach(n -> add(names, n));
                }
            } else if (entry.endsWith(".jar") && p.getFileName().toString().startsWith("rw-") && !entry.endsWith("-tests.jar")) {
                try (JarFile j = new JarFile(p.toFile())) {
                    j.stream().forEach(e -> add(names, e.getName()));
                }
            }
        }
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String n : names) {
            Class<?> c;
            try {
                c = Class.forName(n, false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            scanned++;
            found.addAll(leaks(c));
        }
        assertThat(scanned).as("RegionWise classes scanned").isGreaterThan(150);
        assertThat(found).as("internal types in public signatures").isEmpty();
    }

    private static void add(TreeSet<String> names, String path) {
        if (path.startsWith("org/regionwise/") && path.endsWith(".class") && !path.endsWith("package-info.class")) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
