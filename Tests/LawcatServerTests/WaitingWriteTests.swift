// The server's reads and writes run on threads of their own (Blocking.swift):
// changes that wait for another process's write lock must not hold up searches.
import Catalogue
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("The server while changes wait for the write lock")
struct WaitingWriteTests {
    /// Another process (the sqlite3 shell, as an import would) holding the catalogue's write lock until `release`.
    /// Used by one task at a time: taken, then released once.
    final class LockHolder: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output = Pipe()

        init(path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlite3", path]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'held';\n".utf8))
            // The lock is held once the shell has answered; no answer, no shell (and no test).
            let answer = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard answer.contains("held") else { throw CatalogueError.unexpected("the sqlite3 shell is needed: apt-get install sqlite3") }
        }

        func release() {
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
            process.waitUntilExit()
        }
    }

    @Test("Given another process holding the write lock, when eight changes wait for it, then searches are still answered; once it lets go, the changes are made")
    func searchesGoOnWhileChangesWait() async throws {
        // The lock is let go once the searches are answered. Under the whole suite on two cores they
        // wait their turn behind other tests' reads (the server's read threads are one a core, for
        // every server in the process), once for more than the 30 s a write waits by default, and a
        // change was refused as busy (503). What is tested is that searches are answered while the
        // changes wait, not how long a change may wait: here they wait four times as long. (Were the
        // searches held up behind the changes, they would now fail after two minutes, not 30 s.)
        let fixture = try ServerFixture(busyTimeout: 120)
        let librarian = try fixture.bearer("lena")
        let barcodes = (1...8).map { String(format: "L%06d", $0) }
        let holder = try LockHolder(path: fixture.path)
        try await fixture.app().test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { changes in
                // As many waiting changes as the old single pool had threads.
                for barcode in barcodes {
                    changes.addTask {
                        try await client.execute(
                            uri: "/api/v1/copies/\(barcode)/seen", method: .post, headers: librarian,
                            body: .json(#"{"location": "Manchester/Library"}"#)
                        ).status
                    }
                }
                // Give the changes time to reach the lock and wait on it.
                try await Task.sleep(for: .milliseconds(300))
                for query in ["chitty", "contracts", "trusts"] {
                    let search = try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get, headers: librarian)
                    #expect(search.status == .ok, "\(query) answered while the changes wait")
                }
                holder.release()
                for try await status in changes {
                    #expect(status == .ok)
                }
            }
        }
        for barcode in barcodes {
            #expect(try fixture.catalogue.copyWhereabouts(barcode: barcode).location == "Manchester/Library")
        }
    }
}
