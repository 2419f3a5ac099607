// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lawcat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lawcat", targets: ["lawcat"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
        .library(name: "LawcatServer", targets: ["LawcatServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // The domain: model, store, search, circulation, import and export. Never prints.
        .target(
            name: "Catalogue",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, which GRDB itself links: the import binds values with it directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // Accounts: passwords hashed with bcrypt, API tokens and sessions with SHA-256.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The migrations, one SQL file each, compiled into the binary as byte
            // arrays (`PackageResources`): lawcat is installed as one binary with
            // nothing beside it, so no resource bundle is read at run time.
            resources: [.embedInCode("Store/Migrations")]
        ),
        // The web catalogue and JSON API (`lawcat serve`): routes, pages and middleware over Catalogue.
        .target(
            name: "LawcatServer",
            dependencies: [
                "Catalogue",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // The style sheet, the script and the OpenAPI description, compiled into the binary.
            resources: [.embedInCode("Assets")]
        ),
        // The command line: parses, calls Catalogue, renders.
        .executableTarget(
            name: "lawcat",
            dependencies: [
                "Catalogue", "LawcatServer",
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
            ],
            // Files the MARC tests read by path (not bundle resources).
            exclude: ["MARC/Fixtures"]
        ),
        // The server in process (HummingbirdTesting): no ports, no sleeps.
        .testTarget(
            name: "LawcatServerTests",
            dependencies: [
                "LawcatServer", "Catalogue", "lawcat", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // End-to-end tests run the built `lawcat` binary.
        .testTarget(
            name: "lawcatTests",
            dependencies: ["lawcat", "TestSupport"]
        ),
    ]
)
