package dev.sigil.spend;

import static dev.sigil.spend.SpendLines.PER_THOUSAND;
import static dev.sigil.spend.SpendLines.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.LogEvent;

class CallTreeTest {

    private static CallTree tree(LogEvent... lines) {
        CallTree.Builder b = CallTree.empty().builder();
        for (LogEvent e : lines) {
            b.add(e, e.tokens(), e.usage().hasModel() ? PER_THOUSAND.usd(e.usage(), Instant.EPOCH) : Optional.empty());
        }
        return b.build();
    }

    @Test
    void aParentNoLineDeclaresHangsUnderTheIdBeforeItsLastSlash() {
        CallTree t = tree(step("run-1", "", 0, "", 0), step("run-1/plan_execution/research", "run-1/plan_execution", 2000, "m:x", 1500),
                step("run-1/plan_execution/assess", "run-1/plan_execution", 1000, "m:x", 500));
        List<Branch> roots = t.branches();
        assertThat(roots).extracting(b -> b.node().id()).containsExactly("run-1");
        Branch phase = roots.get(0).children().get(0);
        assertThat(phase.node().label()).isEqualTo("plan_execution");
        assertThat(phase.node().declared()).isFalse();
        assertThat(phase.children()).extracting(b -> b.node().label()).containsExactly("research", "assess");
        assertThat(roots.get(0).total().totalTokens()).isEqualTo(3000);
        assertThat(roots.get(0).total().usd()).isEqualByComparingTo("3.000");
        assertThat(roots.get(0).latencyMs()).isEqualTo(2000.0);
    }

    @Test
    void theSlowestAndTheMostExpensiveBranchesAreMarkedFromTheTopDown() {
        CallTree t = tree(step("r", "", 0, "", 0), step("r/a", "r", 5000, "m:x", 100), step("r/b", "r", 1000, "m:x", 900),
                step("r/a/x", "r/a", 10, "m:x", 10));
        Branch root = t.branches().get(0);
        Branch a = root.children().get(0);
        Branch b = root.children().get(1);
        assertThat(root.slowest()).isTrue();
        assertThat(root.costliest()).isTrue();
        assertThat(a.costliest()).isTrue();
        assertThat(a.slowest()).isFalse();
        assertThat(b.slowest()).isTrue();
        assertThat(b.costliest()).isFalse();
        assertThat(a.children().get(0).costliest()).isTrue();
    }

    @Test
    void countedLinesWithoutAnIdGoToTheirOwnRootSoTheTreeAddsUpToTheSession() {
        CallTree t = tree(step("r", "", 100, "m:x", 0), step("", "", 400, "", 0), step("", "", 0, "", 0));
        assertThat(t.branches()).extracting(b -> b.node().id()).containsExactly("r", CallTree.UNATTRIBUTED);
        assertThat(t.branches().stream().mapToLong(b -> b.total().totalTokens()).sum()).isEqualTo(500);
        Tally unattributed = t.branches().get(1).total();
        assertThat(unattributed.cost()).isEmpty(); // tokens without a model: unpriced, never $0
        assertThat(unattributed.unpricedTokens()).isEqualTo(400);
    }

    @Test
    void aLoopOfParentsIsCutWhereItCloses() {
        CallTree t = tree(step("a", "b", 10, "", 0), step("b", "a", 20, "", 0), step("c", "c", 5, "", 0));
        List<Branch> all = CallTree.flatten(t.branches());
        assertThat(all).extracting(x -> x.node().id()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(t.branches().stream().mapToLong(x -> x.total().totalTokens()).sum()).isEqualTo(35);
    }

    @Test
    void nodesAreBoundedByBytesAndTheirTokensStillCount() {
        CallTree.Builder b = CallTree.empty().builder();
        long lines = 0;
        for (int i = 0; i < 40_000; i++) {
            b.add(step("run-1/" + "x".repeat(60) + i, "run-1", 3, "", 0), 3, Optional.empty());
            lines++;
        }
        CallTree t = b.build();
        long bytes = t.nodes().values().stream().mapToLong(TreeNode::bytes).sum();
        assertThat(bytes).isLessThanOrEqualTo(CallTree.MAX_BYTES + 1024);
        assertThat(t.nodes().size()).isLessThan(40_000);
        assertThat(t.branches().stream().mapToLong(x -> x.total().totalTokens()).sum()).isEqualTo(3 * lines);
    }

    @Test
    void aDeepChainRollsUpWithoutRecursion() {
        CallTree.Builder b = CallTree.empty().builder();
        String parent = "";
        for (int i = 0; i < 5000; i++) {
            String id = "n" + i;
            b.add(step(id, parent, 1, "", 1), 1, Optional.empty());
            parent = id;
        }
        List<Branch> roots = b.build().branches();
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0).total().totalTokens()).isEqualTo(5000);
        assertThat(CallTree.flatten(roots)).hasSize(5000);
    }

    @Test
    void aNodeWithNoTokensCostsNothingRatherThanBeingUnpriced() {
        Tally none = Tally.ZERO;
        assertThat(none.cost()).contains(BigDecimal.ZERO);
    }
}
