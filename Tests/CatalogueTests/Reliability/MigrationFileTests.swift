@testable import Catalogue
import Foundation
import Testing

/// The migrations are files in Sources/Catalogue/Store/Migrations/, compiled
/// into the binary and listed in Migrations.swift: these tests catch a file
/// added without its line (or a line pointing at the wrong file), and a
/// shipped migration edited, which no schema comparison can see: the
/// reference `check` and the other tests use is made by the migrations
/// themselves.
@Suite("The migration files")
struct MigrationFileTests {
    static let folder = repositoryRoot.appendingPathComponent("Sources/Catalogue/Store/Migrations")

    /// The shipped migrations' files: their size and FNV-1a 64-bit hash. A
    /// migration joins this list when it ships, and is never changed after.
    static let shipped: [(file: String, bytes: Int, fnv1a: UInt64)] = [
        ("v1-foundation.sql", 9868, 0xF9F0_C316_3F22_BF48),
        ("v2-circulation.sql", 530, 0x186A_5320_972E_D0B8),
        ("v3-search-vocabulary.sql", 1226, 0x8967_74CF_E4C9_527D),
        ("v4-import-speed.sql", 2556, 0xB103_A42A_9D07_F264),
        ("v5-added-event.sql", 2752, 0xAC81_3864_DCFB_B416),
        ("v6-desk.sql", 11239, 0xB071_6F99_8E12_B696),
        ("v7-search-editions.sql", 3381, 0x587D_C68A_A5A5_B93E),
        ("v8-housekeeping.sql", 4431, 0xA79D_F884_1BBE_A45F),
        ("v9-accounts.sql", 1567, 0x04D7_90CE_58E0_6DE3),
        ("v10-event-time.sql", 453, 0xC0F7_CD46_92FF_884A),
        ("v11-search-edition-and-year.sql", 2461, 0x4C56_523D_91E0_0736),
    ]

    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    @Test("Given the migrations folder, then it holds one file a migration, v1-... to vN-..., each listed in order under its own name and run byte for byte as written")
    func filesAndListAgree() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".sql") }
        let listed = Migrations.all.map { $0.identifier + ".sql" }
        #expect(files.sorted() == listed.sorted(), "every file listed in Migrations.all, and nothing else")
        for (index, migration) in Migrations.all.enumerated() {
            #expect(migration.identifier.hasPrefix("v\(index + 1)-"), "migration \(index + 1) is \(migration.identifier)")
            let file = Self.folder.appendingPathComponent(migration.identifier + ".sql")
            guard let bytes = FileManager.default.contents(atPath: file.path) else { continue }
            #expect(Array(migration.sql.utf8) == Array(bytes), "\(migration.identifier) runs its file's text")
        }
    }

    @Test("Given the migrations that have shipped, then each is byte for byte as it shipped")
    func shippedMigrationsAreUnchanged() throws {
        #expect(Migrations.all.count >= Self.shipped.count)
        for (migration, shipped) in zip(Migrations.all, Self.shipped) {
            #expect(migration.identifier + ".sql" == shipped.file)
            #expect(migration.sql.utf8.count == shipped.bytes, "\(shipped.file) has changed")
            #expect(Self.fnv1a(migration.sql.utf8) == shipped.fnv1a, "\(shipped.file) has changed")
        }
    }
}
