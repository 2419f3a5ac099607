import Foundation

/// The files `import` reads: lawcat's CSV, MARC 21 exchange files (ISO
/// 2709) and MARCXML. Without `--format`, a file's first bytes say which:
/// a MARC 21 record opens with its five-digit length, an XML file with `<`,
/// and anything else is taken for CSV (whose header names columns).
public enum ImportFormat: String, CaseIterable, Sendable {
    case csv, marc, marcxml

    /// The format `path` holds, judged by its first bytes (a UTF-8 byte order
    /// mark and white space skipped).
    public static func sniff(path: String) -> ImportFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .csv }
        defer { try? handle.close() }
        var bytes = Array((try? handle.read(upToCount: 512)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let content = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if content.first == UInt8(ascii: "<") { return .marcxml }
        if content.count >= 5, content.prefix(5).allSatisfy({ (0x30...0x39).contains($0) }) { return .marc }
        return .csv
    }
}

extension CatalogueDatabase {
    /// Imports books and copies from `path` in `format` (judged from the
    /// file's content when nil), in one transaction, as `importCSV` does.
    /// `skipBad` imports the good rows or records and lists the bad ones in
    /// the report; `locations` (MARC only) names a two-column CSV file that
    /// translates holdings' location codes to paths.
    public func importBooks(
        path: String, format: ImportFormat? = nil, dryRun: Bool = false, skipBad: Bool = false,
        locations: String? = nil, progress: ((Int) -> Void)? = nil
    ) throws -> ImportReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CatalogueError.fileNotFound(path: path)
        }
        let format = format ?? ImportFormat.sniff(path: path)
        if format == .csv {
            if locations != nil {
                throw CatalogueError.invalidFile(
                    path: path, reason: "--locations translates MARC holdings' codes; a CSV file gives each copy's location as a path")
            }
            return try importCSV(path: path, dryRun: dryRun, skipBad: skipBad, progress: progress)
        }
        let codes = try locations.map(MARCLocations.load) ?? [:]
        let source: any ImportRecordSource = format == .marc
            ? try MARCImportSource(path: path, locations: codes)
            : MARCXMLImportSource(path: path, locations: codes)
        let rows = ImportReader(source: .records(source), path: path, collectsWords: !dryRun)
        return try importRows(rows, dryRun: dryRun, skipBad: skipBad, progress: progress)
    }
}
