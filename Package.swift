// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "presskit",
    products: [
        .library(name: "PressKit", targets: ["PressKit"]),
        .executable(name: "presskit", targets: ["presskit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // `make docs` (DocC for PressKit); a build-time plugin only, nothing of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        // What the four loader targets below share: dlopen on first use, forwarding definitions, the load error.
        .target(name: "CLazyLibrary"),
        // libxml2 and uchardet are loaded on first use (dlopen), not linked, like libzip: see
        // Sources/CLibXML2/include/CLibXML2.h. Their headers come from libxml2-dev and libuchardet-dev; the run
        // time needs libxml2 and libuchardet0.
        .target(name: "CLibXML2", dependencies: ["CLazyLibrary"]),
        // libzip is loaded on first use (dlopen), not linked: see Sources/CLibZip/include/CLibZip.h. Its header
        // comes from libzip-dev; the run time needs libzip4.
        .target(name: "CLibZip", dependencies: ["CLazyLibrary"]),
        // cmark-gfm too (Markdown input only): Sources/CCMark/include/CCMark.h. Headers from libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev; the run time needs libcmark-gfm0.29.0.gfm.6 and its extensions package.
        .target(name: "CCMark", dependencies: ["CLazyLibrary"]),
        .target(name: "CUchardet", dependencies: ["CLazyLibrary"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "PressKit",
            dependencies: ["CLazyLibrary", "CLibXML2", "CLibZip", "CCMark", "CUchardet", "CZlib"]
        ),
        .executableTarget(
            name: "presskit",
            dependencies: [
                "PressKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The public API as the DocC article shows it; `make test` builds and runs it.
        .executableTarget(name: "presskit-example", dependencies: ["PressKit"], path: "examples/PublicAPI"),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "presskit-fuzz", dependencies: ["PressKit", "CFuzzerDriver"]),
        .testTarget(name: "PressKitTests", dependencies: ["PressKit", "CLibXML2"], resources: [.copy("Fixtures")]),
        .testTarget(name: "presskitTests", dependencies: ["PressKit", "presskit"]),
    ]
)
