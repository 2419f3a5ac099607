import Foundation
import Testing

@Suite("backup and restore, end to end")
struct BackupCommandTests {
    @Test("Given a catalogue, when it is backed up twice, then the second is refused without --force and taken with it")
    func backupTwice() throws {
        let lawcat = try Lawcat()
        #expect(try lawcat.run("add", "--title", "Palmer's Company Law", "--copy", "P1", "--at", "London/4F").status == 0)
        let first = try lawcat.run("backup", "backup.sqlite")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "backed up 1 books and 1 copies to backup.sqlite\n")
        let again = try lawcat.run("backup", "backup.sqlite")
        #expect(again.status == 1)
        #expect(again.stderr == "error: backup.sqlite already exists; name another file, or add --force to replace it (nothing was changed)\n")
        let forced = try lawcat.run("backup", "backup.sqlite", "--force", "--json")
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("\"copies\" : 1"))
    }

    @Test("Given a backup and a later change, when the backup is restored, then show no longer finds the change and the old catalogue is kept aside")
    func restore() throws {
        let lawcat = try Lawcat()
        #expect(try lawcat.run("add", "--title", "Lewin on Trusts", "--copy", "L1", "--at", "London/4F").status == 0)
        #expect(try lawcat.run("backup", "backup.sqlite").status == 0)
        #expect(try lawcat.run("add", "--title", "Later", "--copy", "L2", "--at", "London/4F").status == 0)
        let restored = try lawcat.run("restore", "backup.sqlite", "--json")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("\"replaced_kept_at\" : \"\(lawcat.catalogue).replaced-20261126T093000Z\""))
        #expect(try lawcat.run("show", "L2").status == 1)
        #expect(try lawcat.run("show", "L1").status == 0)
        let aside = try lawcat.run("show", "L2", "--db", lawcat.catalogue + ".replaced-20261126T093000Z")
        #expect(aside.status == 0)
    }

    @Test("Given a file that is not a catalogue, when it is restored, then it is refused with one line and the catalogue is unchanged")
    func restoreRefuses() throws {
        let lawcat = try Lawcat()
        #expect(try lawcat.run("add", "--title", "Gloag and Henderson", "--copy", "G1", "--at", "Edinburgh").status == 0)
        let before = try lawcat.run("export").stdout
        let file = try lawcat.file("notes.sqlite", "not a database at all\n")
        let refused = try lawcat.run("restore", file)
        #expect(refused.status == 74)
        #expect(refused.stderr == "error: \(file) is not a lawcat catalogue, so there is nothing in it to restore; name a backup that `lawcat backup` made (nothing was changed)\n")
        #expect(try lawcat.run("export").stdout == before)
    }
}
