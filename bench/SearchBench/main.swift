// lawcat-search-bench: times searches in process, for bench/search.sh. A tool
// of its own, so that the shipping `lawcat` carries no benchmark harness.
//
// Usage: lawcat-search-bench CATALOGUE QUERIES [LIMIT]
// QUERIES holds `label<TAB>query` lines. Every query runs once to warm the
// page cache, then once timed; the output is a line a label: the label, how
// many queries, and the median and 99th percentile in milliseconds, tab-separated.
// With SEARCH_BENCH_EACH=1 in the environment it also prints, first, a line a
// query (`each`, label, milliseconds, query), slowest first, to find the slow ones.
// With SEARCH_BENCH_KNOWN_LENGTHS=1 it ranks as `lawcat serve` does, with every
// book's length kept in memory (read before the first search).
import Catalogue
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2 || arguments.count == 3 else {
    fail("usage: lawcat-search-bench CATALOGUE QUERIES [LIMIT]")
}
let path = arguments[arguments.startIndex], file = arguments[arguments.startIndex + 1]
let limit = arguments.count == 3 ? Int(arguments[arguments.startIndex + 2]) ?? 20 : 20
guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read \(file)") }
let queries: [(label: String, query: String)] = text.split(separator: "\n").compactMap { line in
    let parts = line.split(separator: "\t", maxSplits: 1)
    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
}

do {
    let catalogue = try CatalogueDatabase(path: path, create: false)
    // As `lawcat serve` searches: with every book's length kept in memory (KnownLengths.swift).
    if ProcessInfo.processInfo.environment["SEARCH_BENCH_KNOWN_LENGTHS"] == "1" { catalogue.keepBookLengths() }
    for (_, query) in queries { _ = try catalogue.search(query, limit: limit) }  // warm the page cache
    var times: [String: [Double]] = [:]
    var labels: [String] = []
    var each: [(label: String, query: String, ms: Double)] = []
    for (label, query) in queries {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try catalogue.search(query, limit: limit)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if times[label] == nil { labels.append(label) }
        times[label, default: []].append(elapsed)
        each.append((label, query, elapsed))
    }
    if ProcessInfo.processInfo.environment["SEARCH_BENCH_EACH"] == "1" {
        for (label, query, ms) in each.sorted(by: { $0.ms > $1.ms }) {
            print("each\t\(label)\t" + String(format: "%.2f", ms) + "\t\(query)")
        }
    }
    for label in labels {
        let sorted = (times[label] ?? []).sorted()
        guard !sorted.isEmpty else { continue }
        let median = sorted[sorted.count / 2]
        let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
        print("\(label)\t\(sorted.count)\t" + String(format: "%.2f\t%.2f", median, p99))
    }
} catch let error as CatalogueError {
    fail(error.message)
} catch {
    fail("\(error)")
}
