// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "resodiff",
    products: [
        .library(name: "ResoDiff", targets: ["ResoDiff"]),
        .executable(name: "resodiff", targets: ["resodiff"]),
    ],
    targets: [
        .target(name: "ResoDiff"),
        .executableTarget(name: "resodiff", dependencies: ["ResoDiff"]),
        .testTarget(
            name: "ResoDiffTests",
            dependencies: ["ResoDiff"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "ResoDiffCLITests",
            dependencies: ["resodiff"]
        ),
    ]
)
