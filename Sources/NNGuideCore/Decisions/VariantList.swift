/// A pick's variants as one run of text ("Start with: …", the record's "starting with …", the
/// comparison's row): joined by commas, or by semicolons once an item has a comma of its own outside
/// brackets ("MobileNet at 0.25 width, 96x96 input, int8"), so an item's commas never read as the list's (twelfth retest: "A pretrained ConvNeXt-T, frozen, with a
/// linear head, Then: …" could not be told apart into its items).
public enum VariantList {
    public static func line(_ variants: [String]) -> String {
        variants.joined(separator: variants.contains(where: hasOwnComma) ? "; " : ", ")
    }

    /// A comma outside brackets: one inside "(Gemma 3, Qwen3)" reads as the bracket's.
    static func hasOwnComma(_ item: String) -> Bool {
        var depth = 0
        for c in item {
            switch c {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case "," where depth == 0: return true
            default: break
            }
        }
        return false
    }
}
