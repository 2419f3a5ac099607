import Foundation

/// The demo catalogue, built afresh from `seed/`.
public enum DemoCatalogue {
    /// The seed files, relative to the seed folder.
    public static let catalogueFile = "catalogue.csv"
    public static let peopleFile = "people.csv"

    /// Builds a fresh demo catalogue at `path` from the seed folder. An existing
    /// file there is replaced only if it is a lawcat catalogue, so that the demo
    /// can never overwrite anything else.
    public static func build(at path: String, seed: String, clock: Clock = .system) throws -> CatalogueDatabase {
        let fileManager = FileManager.default
        let catalogueCSV = seed + "/" + catalogueFile
        guard fileManager.fileExists(atPath: catalogueCSV) else {
            throw CatalogueError.fileNotFound(path: catalogueCSV)
        }
        if fileManager.fileExists(atPath: path) {
            // Opening proves it is a lawcat catalogue before anything is deleted.
            _ = try CatalogueDatabase(path: path, create: false)
            for suffix in ["", "-wal", "-shm"] {
                try? fileManager.removeItem(atPath: path + suffix)
            }
        }
        let db = try CatalogueDatabase(path: path, create: true, clock: clock)
        // Borrowers are optional: a seed without people.csv still makes a
        // catalogue to search and browse.
        let peopleCSV = seed + "/" + peopleFile
        if fileManager.fileExists(atPath: peopleCSV) {
            _ = try db.importPeopleCSV(path: peopleCSV)
        }
        _ = try db.importCSV(path: catalogueCSV)
        return db
    }
}
