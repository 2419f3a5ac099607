import Foundation

/// A `lawcat` process fed one line at a time, as a scanner feeds it, whose
/// answers the test reads as they arrive: to check that each scan is answered
/// before the next is sent, and to interrupt or kill it mid-pile.
final class LiveLawcat: @unchecked Sendable {
    let process: Process
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let lock = NSCondition()
    private var stdoutText = ""
    private var stderrText = ""
    private let readers = DispatchGroup()

    /// Starts `lawcat ARGUMENTS`, or `executable ARGUMENTS` (a wrapper such as script(1)) in lawcat's environment.
    init(_ lawcat: Lawcat, _ arguments: [String], executable: String? = nil) throws {
        process = lawcat.process(arguments)
        if let executable { process.executableURL = URL(fileURLWithPath: executable) }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        collect(output.fileHandleForReading) { $0.stdoutText += $1 }
        collect(errors.fileHandleForReading) { $0.stderrText += $1 }
    }

    private func collect(_ handle: FileHandle, _ append: @escaping @Sendable (LiveLawcat, String) -> Void) {
        readers.enter()
        DispatchQueue.global().async {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.lock.lock()
                append(self, String(decoding: chunk, as: UTF8.self))
                self.lock.broadcast()
                self.lock.unlock()
            }
            self.readers.leave()
        }
    }

    /// Sends one line, as a scanner does when a barcode is scanned.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return stdoutText }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return stderrText }

    /// Waits up to `seconds` for `condition` to hold of (stdout, stderr); whether it did.
    func wait(seconds: Double = 20, until condition: (String, String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while !condition(stdoutText, stderrText) {
            if !lock.wait(until: deadline) { return condition(stdoutText, stderrText) }
        }
        return true
    }

    /// Waits until stdout holds `lines` whole lines.
    func waitForAnswers(_ lines: Int, seconds: Double = 20) -> Bool {
        wait(seconds: seconds) { out, _ in out.filter { $0 == "\n" }.count >= lines }
    }

    /// Closes stdin (the end of the pile) unless `closingInput` is false, and
    /// waits for the end: at most `seconds`, after which the process is killed
    /// and its status is -1, so that a pile that does not stop fails its test
    /// instead of hanging it.
    func finish(closingInput: Bool = true, seconds: Double = 20) -> Outcome {
        if closingInput { try? input.fileHandleForWriting.close() }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            readers.wait()
            return Outcome(stdout: stdout, stderr: stderr, status: -1)
        }
        process.waitUntilExit()
        readers.wait()
        return Outcome(stdout: stdout, stderr: stderr, status: process.terminationStatus)
    }
}
