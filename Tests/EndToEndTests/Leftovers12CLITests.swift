import Foundation
import Testing

/// Issue 23's leftovers after the eleventh retest (edge12), in the shell.
@Suite struct Leftovers12CLITests {
    static let content = CLI.packageRoot.appendingPathComponent("Content").path

    /// `nnguide search "data leakage"` places a hit at "Part 7 › Honest splits" with the id `splits`;
    /// both open it, and so does the place written as a slug (`show honest-splits` found nothing and
    /// offered nothing). A near miss of the slug is offered in the one did-you-mean wording.
    @Test func whatSearchShowsOpensWithShow() throws {
        let search = try CLI.run(["search", "data leakage", "--width", "80"], content: Self.content)
        #expect(search.out.contains("Part 7 › Honest splits") && search.out.contains(" splits\n"), "\(search.out)")
        for name in ["splits", "honest-splits", "train-test-splits-that-dont-lie"] {
            let r = try CLI.run(["show", name], content: Self.content)
            #expect(r.status == 0 && r.out.contains("Train/Test Splits That Don't Lie"), "\(name): \(r.err)")
        }
        let miss = try CLI.run(["show", "honest-split"], content: Self.content)
        #expect(miss.status == 1)
        #expect(miss.err.contains("'honest-split'. Did you mean 'splits' (Train/Test Splits That Don't Lie)?"), "\(miss.err)")
    }

    /// A bad value after its flag names the field once, and a bad number says what the flag takes as
    /// typed, as `--limit` does: "--samples takes", not "samples takes".
    @Test func aBadValueNamesItsFlagOnce() throws {
        let r = try CLI.run(["recommend", "--modality", "imgae", "--task", "classification", "--samples", "lots"], content: Self.content)
        #expect(r.status == 64)
        #expect(r.err.contains("nnguide: --modality: unknown value 'imgae'. Did you mean 'image'? Valid values: "), "\(r.err)")
        #expect(r.err.contains("nnguide: --samples: 'lots' is not a number; --samples takes "), "\(r.err)")
        #expect(!r.err.contains("for modality") && !r.err.contains("; samples takes"), "\(r.err)")
        let limit = try CLI.run(["search", "x", "--limit", "lots"], content: Self.content)
        #expect(limit.err.contains("nnguide: --limit: 'lots' is not a number; --limit takes "), "the style matched: \(limit.err)")
    }
}
