/// Issue 25's table (with issue 15's figures still worth watching) from one run's figures: each
/// figure, `less` beside it where it applies, the goal, and whether it is met or by how much it misses.
enum Summary {
    static func make(_ rows: [[String]]) -> String {
        func frame(_ label: String, _ name: String) -> Double? {
            rows.last(where: { $0.count >= 5 && $0[0] == "frame" && $0[1] == label && $0[2] == name }).flatMap { Double($0[3]) }
        }
        func value(_ kind: String, _ label: String, _ i: Int) -> Double? {
            rows.last(where: { $0.count > i && $0[0] == kind && $0[1] == label }).flatMap { Double($0[i]) }
        }
        func edited(_ label: String, _ name: String) -> Double? {
            rows.last(where: { $0.count >= 4 && $0[0] == "edited" && $0[1] == label && $0[2] == name }).flatMap { Double($0[3]) }
        }
        func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2fx", a / b) }
        func over(_ measured: Double, _ goal: Double) -> String { measured <= goal ? "yes" : "no, \(msText(measured - goal)) over" }
        var out: [[String]] = []
        func row(_ figure: String, _ cells: [String]?) { out.append([figure] + (cells ?? ["n/a (not measured in this run)", "", "", ""])) }

        let mb = { (b: Double) in String(format: "%.1f MB", b / 1e6) }
        row("shipped binary (static, `make build`)", value("size", "file", 2).flatMap { built in value("size", "stripped", 2).map { stripped in
            [mb(built) + " built, **\(mb(stripped))** stripped (installed)", "", "<= 20 MB installed",
             stripped <= 20e6 ? "yes" : "no, \(mb(stripped - 20e6)) over"]
        } })

        if let f = frame(Labels.fresh, "static, fresh account"), let w = frame(Labels.fresh, "static"), let l = frame(Labels.fresh, "less") {
            let met = f <= l && f <= w
            row("first start on a fresh account / `less`", ["\(msText(f)): **\(ratio(f, l))** (warm in the same rounds \(msText(w)), \(ratio(f, w)) of it)",
                msText(l), "<= 1.0x, and no slower than warm",
                met ? "yes" : "no, \(msText(f - min(l, w))) over"])
        } else { row("first start on a fresh account / `less`", nil) }

        if let w = frame(Labels.warm, "static"), let l = frame(Labels.warm, "less") {
            row("warm start / `less` (a returning reader)", ["\(msText(w)): **\(ratio(w, l))**", msText(l), "<= 1.0x", over(w, l)])
            if let n = frame(Labels.warm, "static, no stored frame") {
                row("what the stored home frame saves (same rounds, its file removed)", ["**\(msText(n - w))** (\(msText(n)) without it)", "",
                    ">= 0.5 ms to keep it", n - w >= 0.0005 ? "yes" : "no: remove it"])
            }
        } else { row("warm start / `less` (a returning reader)", nil) }

        if let o = frame(Labels.overlay, "static, overlay example-acme"), let w = frame(Labels.overlay, "static"), let l = frame(Labels.overlay, "less") {
            row("first frame with the example overlay / without", ["\(msText(o)) against \(msText(w)): **\(ratio(o, w))**",
                "\(msText(l)) (\(ratio(o, l)))", "<= 1.2x", o <= 1.2 * w ? "yes" : "no, \(msText(o - 1.2 * w)) over"])
        } else { row("first frame with the example overlay / without", nil) }

        if let c = value("lint", Labels.lint, 2) {
            row("cold `nnguide lint`, 100x (`NNGUIDE_CACHE=off`)", ["**\(msText(c))**", "", "< 2 s", over(c, 2)])
        } else { row("cold `nnguide lint`, 100x (`NNGUIDE_CACHE=off`)", nil) }
        if let c = value("lint", Labels.lint1, 2) {
            row("cold `nnguide lint`, 1x", ["**\(msText(c))**", "", "< 100 ms", over(c, 0.1)])
        } else { row("cold `nnguide lint`, 1x", nil) }
        if let t = edited(Labels.tocEdited100, "static") {
            row("`nnguide toc`, 100x, after one page edited", ["**\(msText(t))**", "", "< 0.5 s", over(t, 0.5)])
        } else { row("`nnguide toc`, 100x, after one page edited", nil) }

        // Issue 15's, kept in view.
        if let e = frame(Labels.edited, "static, one page edited"), let l = frame(Labels.edited, "less") {
            row("first frame after editing one content file, 1x", ["\(msText(e))", "\(msText(l)) (\(ratio(e, l)))", "< 50 ms", over(e, 0.05)])
        } else { row("first frame after editing one content file, 1x", nil) }
        if let t = edited(Labels.lintEdited, "static") {
            row("`nnguide lint`, 100x, after one page edited", ["\(msText(t))", "", "< 2 s", over(t, 2)])
        }
        if let peak = value("keys", Labels.keys, 2) {
            let target = 16e6 / 1024
            let lessPeak = rows.last(where: { $0.count >= 5 && $0[0] == "frame" && $0[1] == Labels.warm && $0[2] == "less" }).flatMap { Double($0[4]) }
            row("peak resident memory, whole guide, every view used", ["\(mibText(peak)) (\(String(format: "%.1f MB", peak * 1024 / 1e6)))",
                lessPeak.map(mibText) ?? "", "< 16 MB", peak < target ? "yes" : String(format: "no, %.1f MB over", (peak - target) * 1024 / 1e6)])
        } else { row("peak resident memory, whole guide, every view used", nil) }

        return table(["figure", "measured", "`less`, same rounds", "goal", "met?"], out)
    }
}
