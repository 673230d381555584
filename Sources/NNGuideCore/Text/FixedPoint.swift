/// A number with a fixed count of decimals (`12.35`), as `String(format: "%.2f")` wrote it without
/// Foundation's formatting (issue 25).
public enum FixedPoint {
    public static func text(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : x < 0 ? "-inf" : "inf" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return "\(x)" }
        let whole = Int(scaled)
        let sign = x < 0 && whole != 0 ? "-" : ""
        guard digits > 0 else { return sign + "\(whole)" }
        let unit = Int(scale)
        let fraction = String(whole % unit)
        return sign + "\(whole / unit)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
