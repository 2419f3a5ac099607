// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lawcat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lawcat", targets: ["lawcat"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The domain: model, store, search, circulation, import and export. Never prints.
        .target(
            name: "Catalogue",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, which GRDB itself links: the import binds values with it directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // The migrations, one SQL file each, compiled into the binary as byte
            // arrays (`PackageResources`): lawcat is installed as one binary with
            // nothing beside it, so no resource bundle is read at run time.
            resources: [.embedInCode("Store/Migrations")]
        ),
        // The command line: parses, calls Catalogue, renders.
        .executableTarget(
            name: "lawcat",
            dependencies: [
                "Catalogue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // bench/search.sh's in-process timer: a separate tool, not part of the shipping binary.
        .executableTarget(
            name: "lawcat-search-bench",
            dependencies: ["Catalogue"],
            path: "bench/SearchBench"
        ),
        // What both test targets share: an independent CSV parser to judge lawcat's CSV by.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "CatalogueTests",
            dependencies: [
                "Catalogue", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // End-to-end tests run the built `lawcat` binary.
        .testTarget(
            name: "lawcatTests",
            dependencies: ["lawcat", "TestSupport"]
        ),
    ]
)
