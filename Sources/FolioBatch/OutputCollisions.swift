import Folio
import FolioModel

/// Finds jobs whose outputs would have the same file name (one would silently replace the
/// other), while planning: job `a` exporting chart `timeline-1` writes `a-timeline-1.pdf`, which
/// a job named `a-timeline-1` writes too.
///
/// Page jobs write `NAME.pdf` and `NAME-NNN.png|svg` (any page count); chart jobs write
/// `NAME-CHARTID.EXT` and `NAME-CHARTID-partN.EXT` (the chart ids of `charts: all` are read from
/// the briefing; a briefing that cannot be read is left to fail in its own job).
enum OutputCollisions {
    /// One error at each of the two jobs' config lines per colliding pair.
    static func find(_ jobs: [BatchJob]) -> [Diagnostic] {
        var files: [String: Int] = [:]
        var pagePatterns: [String: Int] = [:]
        var partPatterns: [String: Int] = [:]
        var pairs: [(Int, Int, String)] = []
        var seen: Set<[Int]> = []
        func collide(_ first: Int, _ second: Int, _ file: String) {
            guard first != second, seen.insert([min(first, second), max(first, second)]).inserted else { return }
            pairs.append((min(first, second), max(first, second), file))
        }
        var concrete: [(Int, String)] = []
        for (index, job) in jobs.enumerated() {
            for format in job.formats {
                let ext = format.rawValue
                if job.charts == nil {
                    if format == .pdf { concrete.append((index, "\(job.name).pdf")) } else { pagePatterns["\(job.name)-|\(ext)"] = index }
                } else {
                    for id in chartIDs(of: job) {
                        let base = "\(job.name)-\(Renderer.safeFileName(id))"
                        concrete.append((index, "\(base).\(ext)"))
                        partPatterns["\(base)-part|\(ext)"] = index
                    }
                }
            }
        }
        for (index, file) in concrete {
            if let other = files[file] { collide(other, index, file) } else { files[file] = index }
        }
        for (index, file) in concrete {
            guard let (stem, digits, ext) = numberedStem(file) else { continue }
            if digits.count >= 3, stem.hasSuffix("-"), let other = pagePatterns["\(stem)|\(ext)"] { collide(other, index, file) }
            if stem.hasSuffix("-part"), let other = partPatterns["\(stem)|\(ext)"] { collide(other, index, file) }
        }
        var diagnostics: [Diagnostic] = []
        for (first, second, file) in pairs {
            let a = jobs[first], b = jobs[second]
            diagnostics.append(.error(at: a.nameLocation, "job '\(a.name)' and job '\(b.name)' (\(b.nameLocation)) both write '\(file)'",
                                      hints: ["rename one of the jobs: one output would silently replace the other"]))
            diagnostics.append(.error(at: b.nameLocation, "job '\(b.name)' and job '\(a.name)' (\(a.nameLocation)) both write '\(file)'",
                                      hints: ["rename one of the jobs: one output would silently replace the other"]))
        }
        return diagnostics
    }

    /// `name-007.png` → (`name-`, `007`, `png`); nil without trailing digits before the extension.
    static func numberedStem(_ file: String) -> (String, String, String)? {
        guard let dot = file.lastIndex(of: ".") else { return nil }
        let stem = file[..<dot], ext = String(file[file.index(after: dot)...])
        let digits = stem.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        return (String(stem.dropLast(digits.count)), String(digits.reversed()), ext)
    }

    /// The ids of the charts a chart job exports (read from its briefing for `charts: all`).
    static func chartIDs(of job: BatchJob) -> [String] {
        switch job.charts {
        case .none: return []
        case .only(let ids): return ids.map(\.id)
        case .all:
            guard let briefing = try? BriefingLoader.load(path: job.source, options: job.loadOptions) else { return [] }
            return briefing.charts.map(\.id)
        }
    }
}
