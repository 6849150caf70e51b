package dev.portcullis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.js.FactKind;
import dev.portcullis.model.Severity;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule file format: what loads, and that every mistake is rejected with the file and the key named. */
class RuleLoaderTest {
    private static final RuleLoader LOADER = RuleLoader.validating();

    private static final String VALID = """
            id: content/demo-rule
            severity: high
            category: demo
            title: A demo
            description: >
              Why it
              matters.
            fix: How to fix.
            scope: install-flow
            installTime: true
            strings:
              - name: demo-host
                pattern: evil\\.example
            match:
              all:
                - fact: child-process
                  detail: ^exec
                  minDepth: 1
                - any:
                    - fact: network
                    - fact: string-match
                      detail: ^demo-host$
              none:
                - fact: binary
            """;

    @Test
    void loadsAValidRule() throws RuleException {
        ContentRule rule = LOADER.parse("demo-rule.yaml", VALID);
        assertThat(rule.id()).isEqualTo("content/demo-rule");
        assertThat(rule.descriptor().defaultSeverity()).isEqualTo(Severity.HIGH);
        assertThat(rule.descriptor().why()).isEqualTo("Why it matters.");
        assertThat(rule.scope()).isEqualTo(ContentRule.Scope.INSTALL_FLOW);
        assertThat(rule.installTime()).isTrue();
        assertThat(rule.notMinified()).isFalse();
        assertThat(rule.strings()).extracting(s -> s.name()).containsExactly("demo-host");
        assertThat(rule.match()).isInstanceOf(Condition.All.class);
        assertThat(rule.match().triggers()).containsExactly(FactKind.CHILD_PROCESS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key    | 'scope: install-flow'   | 'scope: install-flow\\nseverty: high'  | property 'severty' is not defined
            unknown key in a fact    | '- fact: binary'        | '- fact: binary\\n      detial: x'   | property 'detial' is not defined
            bad severity             | 'severity: high'        | 'severity: severe'                    | severity
            bad scope                | 'scope: install-flow'   | 'scope: everywhere'                   | scope
            unknown fact id          | '- fact: network'       | '- fact: netwrk'                      | unknown fact 'netwrk'
            bad regex                | 'detail: ^exec'         | 'detail: ^(exec'                      | not a valid regular expression
            fact mixed with a group  | '- fact: binary'        | '- fact: binary\\n      all: [{fact: eval}]' | mixes a fact condition
            detail without fact      | '- fact: network'       | '- detail: x'                         | no 'fact'
            only none                | 'match:'                | 'match:\\n  none: [{fact: eval}]\\nunused:' | property 'unused' is not defined
            id does not match file   | 'id: content/demo-rule' | 'id: content/other-rule'              | belongs in a file named other-rule.yaml
            missing title            | 'title: A demo'         | ''                                    | required property 'title' not found
            duplicate key            | 'category: demo'        | 'category: demo\\ncategory: again'     | found duplicate key category
            """)
    void rejectsWithFileAndKey(String name, String replace, String with, String expected) {
        String yaml = VALID.replace(replace, with.replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(VALID);
        assertThatThrownBy(() -> LOADER.parse("demo-rule.yaml", yaml))
                .isInstanceOf(RuleException.class)
                .hasMessageStartingWith("demo-rule.yaml:")
                .hasMessageContaining(expected);
    }

    @Test
    void aRuleOfOnlyNoneIsRejected() {
        String yaml = VALID.substring(0, VALID.indexOf("match:")) + "match:\n  none:\n    - fact: binary\n";
        assertThatThrownBy(() -> LOADER.parse("demo-rule.yaml", yaml))
                .hasMessageContaining("demo-rule.yaml: match needs a fact that must be present");
    }

    @Test
    void twoRulesWithOneIdAreRejected() throws RuleException {
        ContentRule rule = LOADER.parse("demo-rule.yaml", VALID);
        assertThatThrownBy(() -> RuleLoader.checkUnique(List.of(rule, rule)))
                .hasMessage("two rules share the id content/demo-rule");
    }

    @Test
    void oneStringPatternNameMeansOnePattern() throws RuleException {
        ContentRule rule = LOADER.parse("demo-rule.yaml", VALID);
        ContentRule other = LOADER.parse("other-rule.yaml", VALID.replace("demo-rule", "other-rule")
                .replace("evil\\.example", "other\\.example"));
        assertThatThrownBy(() -> RuleLoader.checkUnique(List.of(rule, other)))
                .hasMessageContaining("the string pattern 'demo-host' is defined differently");
    }

    @Test
    void theShippedRulesLoadAndEveryRuleFileIsListedInTheIndex() throws IOException, RuleException {
        Path dir = Fixtures.repoRoot().resolve("portcullis-core/src/main/resources/rules");
        List<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        List<String> indexed = RuleLoader.indexEntries(Files.readString(dir.resolve("index.txt")));
        assertThat(indexed).doesNotHaveDuplicates();
        assertThat(indexed.stream().sorted().toList()).isEqualTo(onDisk);
        assertThat(LOADER.loadIndex()).hasSize(onDisk.size());
    }

    @Test
    void theBundledLoaderSkipsOnlyTheSchema() throws RuleException {
        assertThat(RuleLoader.bundled().loadIndex()).extracting(ContentRule::id)
                .isEqualTo(LOADER.loadIndex().stream().map(ContentRule::id).toList());
        // what the schema cannot say is still checked when the schema is skipped
        assertThatThrownBy(() -> RuleLoader.bundled().parse("wrong-name.yaml", VALID))
                .hasMessageContaining("belongs in a file named demo-rule.yaml");
        assertThatThrownBy(() -> LOADER.parse("demo-rule.yaml", VALID + "unknownKey: 1\n"))
                .hasMessageContaining("does not follow rules/rule.schema.json");
    }
}
