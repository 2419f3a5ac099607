import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads MARCXML (the MARC 21 slim schema, www.loc.gov/MARC21/slim): a
/// `collection` of `record`s, or one `record`, each a `leader`, then
/// `controlfield`s and `datafield`s with `subfield`s. The parser streams
/// the file, so memory does not grow with it; each record is handed on as
/// soon as its end tag is read.
///
/// A record that breaks the schema's rules (a tag that is not three letters
/// or digits, an indicator that is not one blank, digit or lower-case
/// letter, a leader that is not 24 characters) is refused with its number
/// and line; a file that is not well-formed XML cannot be read at all.
final class MARCXMLReader: NSObject, XMLParserDelegate {
    private let parser: XMLParser?
    private let path: String
    private var take: (Result<MARCRecord, MARCFault>, ImportPlace) -> Bool = { _, _ in false }

    private var number = 0
    private var place = ImportPlace(record: 0)
    private var record: MARCRecord?
    private var fault: String?
    private var field: MARCField?
    private var code: Character?
    private var text = ""
    private var collecting = false
    private var stopped = false
    /// The document's first element, to name it when the file holds no record.
    private var root: String?

    init(path: String) {
        self.path = path
        parser = InputStream(fileAtPath: path).map { XMLParser(stream: $0) }
        super.init()
    }

    /// Reads every record, handing each to `take` until it returns false.
    func read(_ take: @escaping (Result<MARCRecord, MARCFault>, ImportPlace) -> Bool) throws {
        guard let parser else {
            throw CatalogueError.invalidFile(path: path, reason: "it cannot be opened for reading")
        }
        self.take = take
        parser.delegate = self
        parser.shouldProcessNamespaces = true
        let finished = parser.parse()
        if !finished && !stopped {
            throw CatalogueError.invalidFile(
                path: path,
                reason: "line \(parser.lineNumber): this is not well-formed XML (MARCXML is XML); check the file is whole")
        }
        if number == 0, let root, root != "collection" && root != "record" {
            // XML of something else (an RSS feed) is said so, not imported as nothing.
            throw CatalogueError.invalidFile(
                path: path,
                reason: "it is XML, but holds no MARCXML <record> (its first element is <\(root.prefix(40))>);"
                    + " export the records as MARCXML or MARC 21")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        switch name {
        case "record":
            number += 1
            place = ImportPlace(record: number, line: parser.lineNumber)
            record = MARCRecord(leader: "")
            fault = nil
        case "leader":
            begin()
        case "controlfield":
            let tag = attributes["tag"] ?? ""
            check(tag: tag)
            field = MARCField(tag: tag)
            begin()
        case "datafield":
            let tag = attributes["tag"] ?? ""
            check(tag: tag)
            var new = MARCField(tag: tag)
            new.indicator1 = indicator(attributes["ind1"], 1, tag: tag)
            new.indicator2 = indicator(attributes["ind2"], 2, tag: tag)
            field = new
        case "subfield":
            let value = attributes["code"] ?? ""
            if value.count != 1, fault == nil {
                fault = "field \(field?.tag ?? "?") has a subfield whose code '\(value.prefix(10))' is not one character"
            }
            code = value.first ?? " "
            begin()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "leader":
            if text.count != 24, fault == nil { fault = "the leader is \(text.count) characters long, not 24" }
            record?.leader = text
        case "controlfield":
            if var field {
                field.data = text.nfc
                record?.fields.append(field)
            }
            field = nil
        case "subfield":
            if let code { field?.subfields.append(MARCSubfield(code: code, value: text.nfc)) }
            code = nil
        case "datafield":
            if let field { record?.fields.append(field) }
            field = nil
        case "record":
            guard let done = record else { return }
            let result: Result<MARCRecord, MARCFault> = fault.map {
                .failure(MARCFault(record: number, offset: 0, reason: $0))
            } ?? .success(done)
            record = nil
            if !take(result, place) {
                stopped = true
                parser.abortParsing()
            }
        default:
            break
        }
        collecting = false
    }

    private func begin() {
        text = ""
        collecting = true
    }

    private func check(tag: String) {
        guard fault == nil else { return }
        if tag.count != 3 || !tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            fault = "a field has the tag '\(tag.prefix(10))', which is not three letters or digits"
        }
    }

    private func indicator(_ value: String?, _ which: Int, tag: String) -> Character {
        let value = value ?? " "
        let valid = value.count == 1 && value.first.map { $0 == " " || $0 == "|" || ($0.isASCII && ($0.isNumber || $0.isLowercase)) } == true
        if !valid, fault == nil {
            fault = "field \(tag) has an invalid indicator \(which) '\(value.prefix(10))'; indicators are a blank, a digit or a lower-case letter"
        }
        return valid ? value.first ?? " " : " "
    }
}

/// Hands the records of a MARCXML file to the import, as MARCImportSource
/// does for ISO 2709.
final class MARCXMLImportSource: ImportRecordSource {
    private let path: String
    private let locations: [String: String]

    init(path: String, locations: [String: String]) {
        self.path = path
        self.locations = locations
    }

    func read(_ take: (ImportRecordItem) -> Bool) throws {
        let locations = locations
        try withoutActuallyEscaping(take) { take in
            let reader = MARCXMLReader(path: path)
            try reader.read { result, place in
                switch result {
                case .failure(let fault): return take(.refused(place, reason: fault.reason))
                case .success(let record):
                    return take(MARCImportSource.item(record, at: place, notes: [], locations: locations))
                }
            }
        }
    }
}
