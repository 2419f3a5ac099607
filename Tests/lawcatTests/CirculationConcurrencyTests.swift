import Foundation
import Testing

@Suite("Several librarians at once")
struct CirculationConcurrencyTests {
    @Test("Given 8 processes each doing 100 checkout/checkin pairs on different copies at once, then every event is in the log and check is clean")
    func eightLibrarians() throws {
        let lawcat = try Lawcat()
        let workers = 8, pairs = 100
        var csv = "title,barcode,location\n"
        for worker in 0..<workers { csv += "Busy Book \(worker),B\(worker),London/Library/Bay \(worker)\n" }
        let imported = try lawcat.run("import", try lawcat.file("busy.csv", csv))
        #expect(imported.status == 0, "\(imported.stderr)")

        let failures = Failures()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for pair in 0..<pairs {
                for arguments in [["checkout", "B\(worker)", "--to", "Reader \(worker)"], ["checkin", "B\(worker)"]] {
                    do {
                        let outcome = try lawcat.run(arguments)
                        if outcome.status != 0 { failures.add("\(worker)/\(pair) \(arguments[0]): \(outcome.stderr)") }
                    } catch {
                        failures.add("\(worker)/\(pair): \(error)")
                    }
                }
            }
        }
        print("8 x 100 checkout/checkin pairs took \(Int(Date().timeIntervalSince(started))) s")
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")

        for worker in 0..<workers {
            let history = try lawcat.run("history", "B\(worker)", "--json")
            let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
            #expect(events.count == 1 + 2 * pairs, "B\(worker) has every event")
            #expect(events.filter { $0["kind"] as? String == "checked-out" }.count == pairs)
        }
        let people = try lawcat.run("people", "--json")
        #expect(people.stdout.components(separatedBy: "\"loans\" : 100").count - 1 == workers)
        let check = try lawcat.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("\(workers) copies match their \(workers * (1 + 2 * pairs)) events"))
    }
}

/// Failures collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
