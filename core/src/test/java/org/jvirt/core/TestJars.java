package org.jvirt.core;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real jars for tests: compiles Java sources with javac and packs them with a manifest and extra files. */
final class TestJars {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();

    TestJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    TestJars file(String path, String content) {
        files.put(path, content);
        return this;
    }

    TestJars manifest(String key, String value) {
        manifest.put(key, value);
        return this;
    }

    /** A pf4j plugin jar: manifest entries and an extensions index. */
    TestJars plugin(String id, String requires, String... extensions) {
        manifest("Plugin-Id", id);
        manifest("Plugin-Version", "1.0.0");
        if (requires != null) {
            manifest("Plugin-Requires", requires);
        }
        return file("META-INF/extensions.idx", String.join("\n", extensions) + "\n");
    }

    Path build(Path jar) throws IOException {
        Path work = Files.createTempDirectory("testjar");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-classpath", hostPath(),
                "--release", "17"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter out = new StringWriter();
            int rc = javac.getTask(out, null, null, args.subList(0, 7), null,
                    javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                            .getJavaFileObjectsFromStrings(args.subList(7, args.size()))).call() ? 0 : 1;
            if (rc != 0) {
                throw new IllegalStateException("javac failed: " + out);
            }
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Files.createDirectories(jar.getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                jos.write(Files.readAllBytes(p));
                jos.closeEntry();
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                jos.putNextEntry(new JarEntry(e.getKey()));
                jos.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    /** The test JVM's module path and class path, to compile plugin sources against api, core and pf4j. */
    static String hostPath() {
        List<String> parts = new ArrayList<>();
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                parts.add(v);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
