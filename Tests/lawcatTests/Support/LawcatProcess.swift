import Foundation

/// A `lawcat` process the test drives itself: its stdout sent where the test
/// says (a full disk, a pipe it closes), or its stdin fed a line at a time.
extension Lawcat {
    /// A process for `arguments` in the test's folder and environment, not yet started.
    func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        return process
    }

    /// Runs `arguments` with stdout written to `/dev/full` (every write fails
    /// with ENOSPC), and returns its stderr and how it ended.
    func runToFullDisk(_ arguments: String...) throws -> (stderr: String, status: Int32, exited: Bool) {
        try runToFullDisk(arguments)
    }

    func runToFullDisk(_ arguments: [String]) throws -> (stderr: String, status: Int32, exited: Bool) {
        let process = process(arguments)
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw CocoaError(.fileNoSuchFile) }
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: errData, as: UTF8.self), process.terminationStatus, process.terminationReason == .exit)
    }

    /// Runs `arguments`, reads the first line of stdout and then closes the
    /// pipe, as `| head -1` does; returns that line, stderr and how it ended.
    func runIntoClosedPipe(_ arguments: String...) throws -> (first: String, stderr: String, status: Int32, exited: Bool) {
        let process = process(arguments)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        try out.fileHandleForReading.close()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let line = String(decoding: first, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return (line, String(decoding: errData, as: UTF8.self), process.terminationStatus,
                process.terminationReason == .exit)
    }
}
