package org.unifiedanalytics.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README compiles against the SDK as it is: a renamed class or method breaks this test,
 * not the reader. A snippet is its imports, then statements; the variables it uses without declaring them (the
 * warehouse it works on, a logger, a record) are given to it as a method's parameters.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../../README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    /** What a snippet may use without declaring it, by name. */
    private static final Map<String, String> GIVENS = Map.of(
            "warehouse", "org.unifiedanalytics.model.Warehouse",
            "log", "org.slf4j.Logger",
            "order", "org.unifiedanalytics.model.records.SalesOrder",
            "orderLine", "org.unifiedanalytics.model.records.OrderLine",
            "ga4Values", "org.unifiedanalytics.connect.config.ConfigValues",
            "hostDataSource", "javax.sql.DataSource");

    @Test
    void every_java_snippet_of_the_readme_compiles(@TempDir Path classes) throws IOException {
        List<String> snippets = snippets(Files.readString(README));
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            sources.add(source("Snippet" + (i + 1), snippets.get(i)));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();

        boolean compiled = compiler.getTask(errors, null, null, List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"), null, sources).call();

        assertThat(snippets).as("the README's Java snippets").hasSizeGreaterThanOrEqualTo(4);
        assertThat(compiled).as("README snippets compile:%n%s", errors).isTrue();
    }

    @Test
    void a_snippet_that_names_something_the_sdk_does_not_have_fails_to_compile(@TempDir Path classes) {
        JavaFileObject wrong = source("Wrong", "import org.unifiedanalytics.query.AttributionQueries;\n\n"
                + "AttributionQueries.on(warehouse).revenueByChannel();\n");

        StringWriter errors = new StringWriter();

        boolean compiled = ToolProvider.getSystemJavaCompiler().getTask(errors, null, null, List.of("-d",
                classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"), null, List.of(wrong)).call();

        assertThat(compiled).isFalse();
        assertThat(errors.toString()).as("only the missing method is missing").contains("revenueByChannel()")
                .doesNotContain("package org.unifiedanalytics.query does not exist");
    }

    static List<String> snippets(String markdown) {
        List<String> found = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(markdown);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The snippet as a class: its imports on top, its statements in a method given what it uses undeclared. */
    static JavaFileObject source(String className, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        List<String> parameters = new ArrayList<>();
        GIVENS.forEach((name, type) -> {
            boolean used = Pattern.compile("\\b" + name + "\\b").matcher(body).find();
            boolean declared = Pattern.compile("[\\w>]\\s+" + name + "\\s*=").matcher(body).find();
            if (used && !declared) {
                parameters.add(type + " " + name);
            }
        });
        String code = imports + "\nclass " + className + " {\n    @SuppressWarnings(\"unused\")\n    void run("
                + String.join(", ", parameters) + ") throws Exception {\n" + body + "\n    }\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
