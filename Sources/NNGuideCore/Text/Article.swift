/// "a task value", "an output value": the indefinite article for a word in messages (thirteenth
/// retest: "not a output value"). By the first letter, which fits the brief's field names and
/// values; not a rule for all English.
public enum Article {
    public static func a(_ word: String) -> String {
        guard let first = word.first?.lowercased().first else { return "a " + word }
        return ("aeiou".contains(first) ? "an " : "a ") + word
    }
}
